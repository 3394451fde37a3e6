import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RECENT_JOBS_KEY, type RecentJob } from '../../shared/browser/recentJobs';
import { renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';
import { renderAppWithConfig, signInThroughDialog, userPoolConfig } from '../../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

const watched: RecentJob = {
  region: 'us-east-1',
  appId: TEST_APP_ID,
  envName: TEST_ENV,
  jobId: 'c0ffee00-1111-4222-8333-444455556666',
  status: 'RUNNING',
  operation: 'CreateBackendAuth',
  lastSeen: Date.now(),
};

/** Opens the home page (as the back button would) with `jobs` stored as this browser's recent jobs. */
function goHomeWith(jobs: RecentJob[]): void {
  localStorage.setItem(RECENT_JOBS_KEY, JSON.stringify(jobs));
  act(() => {
    window.history.pushState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
}

const recentList = () => screen.queryByRole('region', { name: 'Recently watched in this browser' });

describe('the home page’s recently watched jobs follow what this browser stores', () => {
  it('are gone from the screen the moment signing out forgets them, without a reload', async () => {
    const { user } = await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true, authFlowType: 'USER_PASSWORD_AUTH' }), {
      path: '/elsewhere',
    });
    goHomeWith([watched]);
    expect(await screen.findByRole('region', { name: 'Recently watched in this browser' })).toHaveTextContent(watched.jobId);

    await signInThroughDialog(user);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(localStorage.getItem(RECENT_JOBS_KEY)).toBeNull());
    await waitFor(() => expect(recentList()).toBeNull());
  });

  it('follow another tab: forgotten there, gone here', async () => {
    await renderApp({ path: '/elsewhere' });
    goHomeWith([watched]);
    expect(await screen.findByRole('region', { name: 'Recently watched in this browser' })).toHaveTextContent(watched.jobId);

    // What the browser does in this tab when another tab removes the key.
    act(() => {
      localStorage.removeItem(RECENT_JOBS_KEY);
      window.dispatchEvent(
        new StorageEvent('storage', { key: RECENT_JOBS_KEY, oldValue: JSON.stringify([watched]), newValue: null }),
      );
    });
    expect(recentList()).toBeNull();
  });
});

describe('“Forget these jobs”', () => {
  it('takes the list and itself away and leaves the focus on the page, not the body', async () => {
    const { user } = await renderApp({ path: '/elsewhere' });
    goHomeWith([watched]);
    const recent = await screen.findByRole('region', { name: 'Recently watched in this browser' });
    await user.click(within(recent).getByRole('button', { name: 'Forget these jobs' }));
    expect(recentList()).toBeNull();
    expect(document.activeElement).toBe(document.getElementById('main'));
  });
});
