import { beforeEach, describe, expect, it } from 'vitest';
import { forgetLastKnownJobs, LAST_KNOWN_KEY, loadLastKnownJob, MAX_LAST_KNOWN, saveLastKnownJob } from './lastKnownJobs';

const key = { region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: 'job-1' };
const wire = { jobId: 'job-1', status: 'RUNNING', operation: 'CreateBackendAuth' };

describe('last known jobs', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the last answer per job with its time, and gives it back', () => {
    saveLastKnownJob({ ...key, wire, checkedAt: 1000 });
    saveLastKnownJob({ ...key, wire: { ...wire, status: 'COMPLETED' }, checkedAt: 2000 });
    expect(loadLastKnownJob(key)).toEqual({ ...key, wire: { ...wire, status: 'COMPLETED' }, checkedAt: 2000 });
    expect(loadLastKnownJob({ ...key, region: 'us-east-1' })).toBeUndefined();
  });

  it('an older answer (from another tab, say) never replaces a newer one', () => {
    saveLastKnownJob({ ...key, wire: { ...wire, status: 'COMPLETED' }, checkedAt: 2000 });
    saveLastKnownJob({ ...key, wire, checkedAt: 1000 });
    expect(loadLastKnownJob(key)?.wire.status).toBe('COMPLETED');
  });

  it('keeps the 20 jobs answered last', () => {
    for (let i = 0; i < MAX_LAST_KNOWN + 5; i += 1) saveLastKnownJob({ ...key, jobId: `job-${i}`, wire, checkedAt: i });
    const kept = JSON.parse(localStorage.getItem(LAST_KNOWN_KEY) ?? '[]') as { jobId: string }[];
    expect(kept).toHaveLength(MAX_LAST_KNOWN);
    expect(kept[0]?.jobId).toBe(`job-${MAX_LAST_KNOWN + 4}`);
    expect(loadLastKnownJob({ ...key, jobId: 'job-0' })).toBeUndefined();
  });

  it('ignores what it cannot read, and forgets everything on request', () => {
    localStorage.setItem(LAST_KNOWN_KEY, '{"not":"a list"}');
    expect(loadLastKnownJob(key)).toBeUndefined();
    localStorage.setItem(LAST_KNOWN_KEY, JSON.stringify([{ ...key, wire: 'text', checkedAt: 1 }]));
    expect(loadLastKnownJob(key)).toBeUndefined();
    saveLastKnownJob({ ...key, wire, checkedAt: 1 });
    forgetLastKnownJobs();
    expect(localStorage.getItem(LAST_KNOWN_KEY)).toBeNull();
  });
});
