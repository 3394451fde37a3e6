import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendJob } from '../aws/amplifyBackend';
import { forgetLastKnownJobs, loadLastKnownJob, saveLastKnownJob } from '../browser/lastKnownJobs';
import { useLastKnownJob } from './useLastKnownJob';

const KEY = { region: 'us-east-1', appId: 'app', envName: 'env', jobId: 'job-1' };
const job = (extra: Partial<BackendJob> = {}): BackendJob => ({
  jobId: 'job-1',
  status: 'RUNNING',
  raw: { status: 'RUNNING' },
  ...extra,
});

afterEach(() => localStorage.clear());

describe('useLastKnownJob', () => {
  it('keeps this tab’s own answer for the next visit', () => {
    renderHook(() => useLastKnownJob(KEY, { data: job(), dataUpdatedAt: 1_700_000_000_000, fetchStatus: 'idle' }));
    expect(loadLastKnownJob(KEY)).toMatchObject({ checkedAt: 1_700_000_000_000, wire: { status: 'RUNNING' } });
  });

  it('never stores an answer another tab relayed (that tab stores its own)', () => {
    renderHook(() =>
      useLastKnownJob(KEY, { data: job({ relayed: true }), dataUpdatedAt: 1_700_000_000_000, fetchStatus: 'idle' }),
    );
    expect(loadLastKnownJob(KEY)).toBeUndefined();
  });

  it('offline, shows the last answer from memory until it is forgotten (a sign-out here or in another tab)', () => {
    saveLastKnownJob({ ...KEY, wire: { jobId: 'job-1', status: 'RUNNING' }, checkedAt: 1_700_000_000_000 });
    const { result } = renderHook(() => useLastKnownJob(KEY, { data: undefined, dataUpdatedAt: 0, fetchStatus: 'paused' }));
    expect(result.current.fromMemory?.job.status).toBe('RUNNING');
    act(() => forgetLastKnownJobs());
    expect(result.current.fromMemory).toBeUndefined();
    expect(result.current.data).toBeUndefined();
  });
});
