import type { QueryClient } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../shared/browser/history';
import { addJob, getJobRequests, renderApp } from '../test/renderApp';

/** One real turn of Node's event loop (setImmediate is left real), for MSW and WebCrypto to progress. */
const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets every request in flight finish on the real event loop while the fake clock stands still. */
async function settleRequests(queryClient: QueryClient): Promise<void> {
  for (let turns = 0; queryClient.isFetching() > 0; turns += 1) {
    if (turns > 100_000) throw new Error('a request never finished');
    await act(realTurn);
  }
}

/** Moves the fake clock on in 50 ms steps, each request started in a step answered before the next. */
async function advance(queryClient: QueryClient, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 50) {
    await act(() => vi.advanceTimersByTimeAsync(50));
    await settleRequests(queryClient);
  }
}

async function showsJob(jobId: string) {
  expect(await screen.findByRole('heading', { level: 1, name: `Job ${jobId}` })).toBeInTheDocument();
  await screen.findByRole('region', { name: 'Job status' });
}

describe('a long session of moving between jobs', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps one poller per job on screen, none for jobs left behind, after 25 round trips', async () => {
    // The clock runs with real time during the trips, then only when told: the count is over simulated time.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const first = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: first.path, pollIntervalSeconds: 1, strict: false });
    await showsJob(first.jobId);
    for (let trip = 0; trip < 25; trip += 1) {
      act(() => navigate(second.path));
      await showsJob(second.jobId);
      act(() => navigate(first.path));
      await showsJob(first.jobId);
    }

    // Let anything in flight land with the clock standing still, then count over three poll intervals.
    vi.setTimerTickMode('manual');
    await settleRequests(queryClient);
    await advance(queryClient, 1200);
    const firstBefore = getJobRequests(first.jobId);
    const secondBefore = getJobRequests(second.jobId);
    await advance(queryClient, 3500);
    const firstPolls = getJobRequests(first.jobId) - firstBefore;
    // One poller at 1 s: about 3 in 3.5 s (each interval also waits for its request). Two would make ~7.
    expect(firstPolls).toBeGreaterThanOrEqual(2);
    expect(firstPolls).toBeLessThanOrEqual(4);
    expect(getJobRequests(second.jobId) - secondBefore).toBe(0);
  });

  it('forgets jobs nobody looks at: the query cache is bounded by its 10-minute garbage collection', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const jobs = Array.from({ length: 12 }, () =>
      addJob({
        startedAt: Date.now() - 60_000,
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'COMPLETED', atMs: 1000 },
        ],
      }),
    );
    const { queryClient } = await renderApp({ path: jobs[0]?.path ?? '/', strict: false });
    for (const job of jobs) {
      act(() => navigate(job.path));
      await showsJob(job.jobId);
      expect(await screen.findByText(/The job has finished; no more checks\./)).toBeInTheDocument();
    }
    const cachedJobs = () => queryClient.getQueryCache().findAll({ queryKey: ['job'] }).length;
    expect(cachedJobs()).toBe(12);

    await act(() => vi.advanceTimersByTimeAsync(11 * 60 * 1000));
    // Only the job still on screen stays in memory.
    expect(cachedJobs()).toBe(1);
  });
});
