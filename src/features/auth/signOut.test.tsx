import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../simulated-aws/demoUsers';
import { RECENT_JOBS_KEY } from '../../shared/browser/recentJobs';
import { TIMELINE_KEY } from '../job/timeline';
import { addJob } from '../../test/renderApp';
import { sim } from '../../test/server';
import { renderAppWithConfig, userPoolConfig } from '../../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

describe('signing out on a shared machine', () => {
  it('forgets the recent jobs, the observed timelines and every answer held for the page', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user, queryClient } = await renderAppWithConfig(
      userPoolConfig({ authFlowType: 'USER_PASSWORD_AUTH', pollIntervalSeconds: 60 }),
      { path: job.path },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    await user.click(await within(dialog).findByLabelText('Username'));
    await user.paste('demo');
    await user.click(within(dialog).getByLabelText('Password'));
    await user.paste(DEMO_PASSWORD);
    await user.keyboard('{Enter}');
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
