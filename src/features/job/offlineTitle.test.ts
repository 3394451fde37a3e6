import { describe, expect, it } from 'vitest';
import { describeWatch, type WatchState } from './describeWatch';

const JOB_ID = '7f3c9e2a-5b1d-4c8e-9f00-1234567890ab';
const NOW = Date.UTC(2026, 0, 5, 14, 2, 15);

/** A running job checked every 5 s, whose last answer came `ageMs` ago, with the network gone (the query paused). */
function offline(ageMs: number): WatchState {
  return {
    jobId: JOB_ID,
    job: { jobId: JOB_ID, status: 'RUNNING', raw: { jobId: JOB_ID, status: 'RUNNING' } },
    status: 'success',
    fetchStatus: 'paused',
    error: null,
    failureReason: null,
    failureCount: 0,
    dataUpdatedAt: NOW - ageMs,
    errorUpdatedAt: 0,
    paused: false,
    hidden: false,
    intervalMs: 5_000,
    pollDelayMs: 5_000,
    canSignIn: false,
    jitterSeed: 7,
  };
}

describe('the tab title while offline', () => {
  it('says Offline, not “Stale · RUNNING” (which reads as the job’s state), once the last answer is old', () => {
    const watch = describeWatch(offline(10_001), NOW);
    expect(watch.tab.title).toBe('Offline · RUNNING · 7f3c9e2a… · Amplify Job Watch');
    expect(watch.stale).toBe('offline');
  });
});

describe('“Checking every” in words', () => {
  it('says “1 min”, not “1 min 00 s”', () => {
    const watch = describeWatch({ ...offline(0), fetchStatus: 'idle', intervalMs: 60_000, pollDelayMs: 60_000 }, NOW);
    expect(watch.plan).toBe('Checking every 1 min while the job runs.');
  });
});
