import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { boardPath } from '../../shared/domain/boardLink';
import { addJob, renderApp } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

const running = () => addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });

describe('the board within the browser’s request budget', () => {
  it('with more jobs than five requests a second allow at the chosen interval, checks each less often and says so', async () => {
    const jobs = Array.from({ length: 10 }, running);
    const path = boardPath(jobs.map(({ appId, envName, jobId }) => ({ region: 'us-east-1', appId, envName, jobId })));
    await renderApp({ path, pollIntervalSeconds: 1 });
    expect(await screen.findByRole('note')).toHaveTextContent(
      'This browser watches 10 jobs across its tabs, so each is checked every 2 s: together at most 5 requests a second to AWS.',
    );
  });

  it('says nothing of it while the jobs fit', async () => {
    const job = running();
    await renderApp({
      path: boardPath([{ region: 'us-east-1', appId: job.appId, envName: job.envName, jobId: job.jobId }]),
      pollIntervalSeconds: 5,
    });
    await waitFor(() => expect(screen.getByRole('listitem', { name: `Job ${job.jobId}` })).toHaveTextContent('RUNNING'));
    expect(screen.queryByText(/requests a second/)).toBeNull();
  });

  it('lists at most ten entries it could not read, then how many more', async () => {
    const search = Array.from({ length: 14 }, (_, index) => `job=not-a-job-${index}`).join('&');
    await renderApp({ path: `/watch?${search}` });
    const panel = await screen.findByRole('region', { name: '14 entries in the link were not understood' });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[10]).toHaveTextContent('and 4 more');
  });
});
