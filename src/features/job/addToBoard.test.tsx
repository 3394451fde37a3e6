import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LAST_BOARD_KEY, loadLastBoard } from '../../shared/browser/boardMemory';
import { boardPath, MAX_BOARD_JOBS, type BoardJob } from '../../shared/domain/boardLink';
import type { HostingJobRef } from '../../shared/domain/jobRef';
import { hostingJobPagePath } from '../../shared/domain/jobRoutes';
import { addHostingJob, addJob, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

const other = (jobId: string): BoardJob => ({ region: 'us-east-1', appId: TEST_APP_ID, envName: TEST_ENV, jobId });

async function openJob(board: BoardJob[]) {
  const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
  const app = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
  // The board this browser showed last (the board page remembers it).
  localStorage.setItem(LAST_BOARD_KEY, JSON.stringify(board));
  await screen.findByRole('region', { name: 'Job status' });
  const key: BoardJob = { region: 'us-east-1', appId: TEST_APP_ID, envName: TEST_ENV, jobId: job.jobId };
  return { ...app, job, key };
}

describe('Add to board on the job page', () => {
  it('adds the job to the last board and stays on the page, saying “Added — open board (3)”', async () => {
    const board = [other('job-a'), other('job-b')];
    const { user, job, key } = await openJob(board);
    const add = screen.getByRole('button', { name: 'Add to board' });
    await user.click(add);

    expect(window.location.pathname + window.location.search).toBe(job.path);
    expect(loadLastBoard()).toEqual([...board, key]);
    const link = screen.getByRole('link', { name: 'Added — open board (3)' });
    expect(link).toHaveAttribute('href', boardPath([...board, key]));
    // Said politely, and the focus moves from the button to the link that took its place.
    expect(link.closest('[role="status"]')).not.toBeNull();
    expect(link).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Add to board' })).toBeNull();
  });

  it('b does the same from anywhere on the page', async () => {
    const { user, job, key } = await openJob([other('job-a')]);
    await user.keyboard('b');
    expect(window.location.pathname + window.location.search).toBe(job.path);
    expect(await screen.findByRole('link', { name: 'Added — open board (2)' })).toBeInTheDocument();
    expect(loadLastBoard()).toEqual([other('job-a'), key]);
  });

  it('a full board refuses, says why and links to it; nothing is added', async () => {
    const full = Array.from({ length: MAX_BOARD_JOBS }, (_, index) => other(`job-${index}`));
    const { user } = await openJob(full);
    await user.click(screen.getByRole('button', { name: 'Add to board' }));
    const status = screen.getByText(/A board watches at most 25 jobs/).closest('[role="status"]') as HTMLElement;
    expect(within(status).getByRole('link', { name: 'Open board (25)' })).toHaveAttribute('href', boardPath(full));
    expect(loadLastBoard()).toEqual(full);
  });

  it('a job already on the last board says so from the start', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const key: BoardJob = { region: 'us-east-1', appId: TEST_APP_ID, envName: TEST_ENV, jobId: job.jobId };
    await renderApp({ path: '/elsewhere' });
    localStorage.setItem(LAST_BOARD_KEY, JSON.stringify([other('job-a'), key]));
    window.history.pushState(null, '', job.path);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(screen.getByRole('link', { name: 'On the board — open board (2)' })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Add to board' })).toBeNull();
  });
});

describe('Add to board on a hosting build’s page', () => {
  async function openBuild(board: BoardJob[]) {
    const build = addHostingJob({
      branchName: 'feature/login',
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
    });
    const app = await renderApp({
      path: hostingJobPagePath({ appId: build.appId, branchName: build.branchName, jobId: build.jobId }),
      pollIntervalSeconds: 60,
    });
    localStorage.setItem(LAST_BOARD_KEY, JSON.stringify(board));
    await screen.findByRole('region', { name: 'Job status' });
    const key: HostingJobRef = {
      kind: 'hosting',
      region: 'us-east-1',
      appId: TEST_APP_ID,
      branchName: 'feature/login',
      jobId: build.jobId,
    };
    return { ...app, build, key };
  }

  it('adds the build to the last board beside its backend jobs, as a build= entry with the branch one segment', async () => {
    const board = [other('job-a')];
    const { user, key } = await openBuild(board);
    const pagePath = window.location.pathname + window.location.search;
    await user.click(screen.getByRole('button', { name: 'Add to board' }));

    expect(window.location.pathname + window.location.search).toBe(pagePath);
    expect(loadLastBoard()).toEqual([...board, key]);
    const link = screen.getByRole('link', { name: 'Added — open board (2)' });
    expect(link).toHaveAttribute(
      'href',
      `/watch?job=us-east-1/${TEST_APP_ID}/${TEST_ENV}/job-a&build=us-east-1/${TEST_APP_ID}/feature%2Flogin/${key.jobId}`,
    );
    expect(link).toHaveFocus();
  });

  it('a build already on the last board says so from the start', async () => {
    const build = addHostingJob({ branchName: 'feature/login', steps: [] });
    const key: HostingJobRef = {
      kind: 'hosting',
      region: 'us-east-1',
      appId: TEST_APP_ID,
      branchName: 'feature/login',
      jobId: build.jobId,
    };
    await renderApp({ path: '/elsewhere' });
    localStorage.setItem(LAST_BOARD_KEY, JSON.stringify([other('job-a'), key]));
    window.history.pushState(
      null,
      '',
      hostingJobPagePath({ appId: TEST_APP_ID, branchName: 'feature/login', jobId: build.jobId }),
    );
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(screen.getByRole('link', { name: 'On the board — open board (2)' })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Add to board' })).toBeNull();
  });
});

describe('Add to board after the board is forgotten', () => {
  it('signing out (which forgets the last board) puts the button back instead of a link to a board that is gone', async () => {
    const { user, services } = await openJob([other('job-a')]);
    await user.click(screen.getByRole('button', { name: 'Add to board' }));
    expect(screen.getByRole('link', { name: 'Added — open board (2)' })).toBeInTheDocument();
    act(() => services.onSignedOut?.());
    expect(screen.queryByRole('link', { name: /open board/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add to board' })).toBeInTheDocument();
  });
});
