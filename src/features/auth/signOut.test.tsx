import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LAST_BOARD_KEY } from '../../shared/browser/boardMemory';
import { RECENT_JOBS_KEY } from '../../shared/browser/recentJobs';
import { announceSignedOut } from '../../shared/browser/signOutChannel';
import { addJob, getJobRequests } from '../../test/renderApp';
import { sim } from '../../test/server';
import { renderAppWithConfig, signInThroughDialog, userPoolConfig } from '../../test/userPoolApp';
import { TIMELINE_KEY } from '../job/timeline';
import { endSession } from './signOut';

vi.setConfig({ testTimeout: 20_000 });

describe('signing out on a shared machine', () => {
  it('forgets the recent jobs, the observed timelines and every answer held for the page', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user, queryClient } = await renderAppWithConfig(
      userPoolConfig({ authFlowType: 'USER_PASSWORD_AUTH', pollIntervalSeconds: 60 }),
      { path: job.path },
    );
    await screen.findByRole('dialog', { name: 'Sign in' });
    await signInThroughDialog(user);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));

    // What the person's watch left behind.
    await waitFor(() => expect(localStorage.getItem(RECENT_JOBS_KEY)).toContain(job.jobId));
    expect(localStorage.getItem(TIMELINE_KEY)).toContain('RUNNING');
    const withData = () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((query) => query.state.data !== undefined);
    expect(withData().length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('dialog', { name: 'Sign in' })).toHaveTextContent('Sign in to watch the job.');
    await waitFor(() => expect(localStorage.getItem(RECENT_JOBS_KEY)).toBeNull());
    expect(localStorage.getItem(TIMELINE_KEY)).toBeNull();
    expect(withData()).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Job status' })?.textContent ?? '').not.toContain('RUNNING');
    expect(sim.count({ service: 'cognito-idp', operation: 'RevokeToken' })).toBe(1);
  });
});

describe('what a sign-out forgets, beyond this tab', () => {
  const board = JSON.stringify([
    { region: 'us-east-1', appId: 'd1a2b3c4e5f6g7', envName: 'staging', jobId: 'someone-elses-job' },
  ]);

  async function watching() {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const app = await renderAppWithConfig(
      userPoolConfig({ allowGuestAccess: true, pollIntervalSeconds: 60, authFlowType: 'USER_PASSWORD_AUTH' }),
      {
        path: job.path,
      },
    );
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
    await waitFor(() => expect(localStorage.getItem(RECENT_JOBS_KEY)).toContain(job.jobId));
    localStorage.setItem(LAST_BOARD_KEY, board);
    return { ...app, job };
  }

  it('the last board goes too, so the next person’s “Add to board” starts a board of their own', async () => {
    const { user } = await watching();
    await signInThroughDialog(user);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(localStorage.getItem(LAST_BOARD_KEY)).toBeNull());
  });

  it('a sign-out in another tab: this tab drops the answers it holds, asks again, and forgets the trail', async () => {
    const { job, queryClient } = await watching();
    const asked = getJobRequests(job.jobId);
    let dropped = false;
    queryClient.getQueryCache().subscribe(({ query }) => {
      if ((query.queryKey as readonly unknown[])[0] === 'job' && query.state.data === undefined) dropped = true;
    });
    announceSignedOut();
    await waitFor(() => expect(localStorage.getItem(RECENT_JOBS_KEY)).toBeNull());
    expect(localStorage.getItem(LAST_BOARD_KEY)).toBeNull();
    await waitFor(() => expect(getJobRequests(job.jobId)).toBeGreaterThan(asked));
    expect(dropped).toBe(true);
  });

  it('a session that ended by itself forgets what a sign-out forgets', async () => {
    const { services, queryClient } = await watching();
    await endSession(services, queryClient);
    expect(localStorage.getItem(RECENT_JOBS_KEY)).toBeNull();
    expect(localStorage.getItem(LAST_BOARD_KEY)).toBeNull();
  });
});

describe('signing out is confirmed', () => {
  it('a polite status says “Signed out.”, and the focus goes from Sign out to Sign in, not to the page body', async () => {
    const { user } = await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true, authFlowType: 'USER_PASSWORD_AUTH' }), {
      path: '/',
    });
    await signInThroughDialog(user);

    const header = screen.getByRole('banner');
    const status = within(header).getByRole('status');
    await user.click(await within(header).findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(status).toHaveTextContent('Signed out.'));
    expect(within(header).getByRole('button', { name: 'Sign in' })).toHaveFocus();

    // Signing in again puts the confirmation away.
    await signInThroughDialog(user);
    await within(header).findByRole('button', { name: 'Sign out' });
    expect(status).toHaveTextContent('');
  });
});
