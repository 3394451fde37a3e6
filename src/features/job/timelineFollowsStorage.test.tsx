import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addJob, renderApp } from '../../test/renderApp';
import { TIMELINE_KEY } from './timeline';

vi.setConfig({ testTimeout: 20_000 });

const timeline = () => screen.queryByRole('region', { name: 'Statuses seen by this browser' });

async function watchRunningJob() {
  const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
  const app = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
  await waitFor(() => expect(timeline()).toHaveTextContent('RUNNING'));
  return app;
}

describe('the job page’s “Statuses seen by this browser” follows what this browser stores', () => {
  it('is gone from the screen when signing out forgets the timelines, without a reload', async () => {
    const { services } = await watchRunningJob();
    act(() => services.onSignedOut?.());
    expect(localStorage.getItem(TIMELINE_KEY)).toBeNull();
    expect(timeline()).toBeNull();
  });

  it('is gone when another tab forgets the timelines', async () => {
    await watchRunningJob();
    act(() => {
      localStorage.removeItem(TIMELINE_KEY);
      window.dispatchEvent(new StorageEvent('storage', { key: TIMELINE_KEY, newValue: null }));
    });
    expect(timeline()).toBeNull();
  });
});
