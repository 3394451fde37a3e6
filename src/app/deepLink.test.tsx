import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { storedPrincipal } from '../shared/aws/credentials';
import { boardPath } from '../shared/domain/boardLink';
import { addJob, getJobRequests, renderAppWithConfig } from '../test/renderApp';
import { signInThroughDialog, userPoolConfig } from '../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

const running = () => addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
const statusRegion = () => screen.getByRole('region', { name: 'Job status' });

/** A browser as the dev server has it: boot's first requests, StrictMode's second mount and the cross-tab election. */
const AS_A_NEW_TAB = { bootRequests: true, elections: true, strict: true } as const;

describe('a job link opened in a new tab', () => {
  it('shows its job under StrictMode, where the first mount’s cancel reaches the request boot started', async () => {
    const job = running();
    await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true }), { path: job.path, ...AS_A_NEW_TAB });
    await waitFor(() => expect(statusRegion()).toHaveTextContent('RUNNING'));
    expect(screen.queryByText(/went wrong|aborted/i)).toBeNull();
  });

  it('a board link shows every row’s status under StrictMode', async () => {
    const jobs = [running(), running()];
    const path = boardPath(jobs.map(({ appId, envName, jobId }) => ({ region: 'us-east-1', appId, envName, jobId })));
    await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true }), { path, ...AS_A_NEW_TAB });
    for (const job of jobs) {
      const row = await screen.findByRole('listitem', { name: `Job ${job.jobId}` });
      await waitFor(() => expect(row).toHaveTextContent('RUNNING'));
    }
    expect(screen.queryByText(/aborted/i)).toBeNull();
  });
});

describe('signing out on a watched page', () => {
  it('the job page asks again as the guest and shows the job, never the cancelled request’s error', async () => {
    const job = running();
    // One InitiateAuth instead of SRP's arithmetic: this is about signing out, and SRP has its own tests.
    const { user, config } = await renderAppWithConfig(
      userPoolConfig({ allowGuestAccess: true, authFlowType: 'USER_PASSWORD_AUTH' }),
      {
        path: job.path,
        ...AS_A_NEW_TAB,
      },
    );
    await waitFor(() => expect(statusRegion()).toHaveTextContent('RUNNING'));
    expect(storedPrincipal(config)).toBe('guest');
    await signInThroughDialog(user);
    // The principal the elections are named after comes from where Amplify itself keeps the session.
    expect(storedPrincipal(config)).toBe('user:demo');
    const before = getJobRequests(job.jobId);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(storedPrincipal(config)).toBe('guest');
    await waitFor(() => expect(getJobRequests(job.jobId)).toBeGreaterThan(before));
    await waitFor(() => expect(statusRegion()).toHaveTextContent('RUNNING'));
    expect(screen.queryByText(/went wrong|aborted/i)).toBeNull();
  });

  it('a board keeps every row watching, and its announcement never says “null” or that the jobs ended', async () => {
    const jobs = [running(), running()];
    const path = boardPath(jobs.map(({ appId, envName, jobId }) => ({ region: 'us-east-1', appId, envName, jobId })));
    const { user } = await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true, authFlowType: 'USER_PASSWORD_AUTH' }), {
      path,
      ...AS_A_NEW_TAB,
    });
    const rows = jobs.map((job) => () => screen.getByRole('listitem', { name: `Job ${job.jobId}` }));
    for (const row of rows) await waitFor(() => expect(row()).toHaveTextContent('RUNNING'));
    const announced: string[] = [];
    const listener = new MutationObserver(() =>
      document.querySelectorAll('[aria-live]').forEach((region) => announced.push(region.textContent ?? '')),
    );
    listener.observe(document.body, { subtree: true, childList: true, characterData: true });
    await signInThroughDialog(user);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    for (const row of rows) await waitFor(() => expect(row()).toHaveTextContent('RUNNING'));
    expect(screen.queryByText(/aborted|Not checked/i)).toBeNull();
    listener.disconnect();
    expect(announced.join(' ')).not.toMatch(/null|have ended/);
  });
});
