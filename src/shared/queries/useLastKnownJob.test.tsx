import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendJob } from '../aws/amplifyBackend';
import { loadLastKnownJob } from '../browser/lastKnownJobs';
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
});
