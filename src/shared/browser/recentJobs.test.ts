import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test/memoryStorage';
import {
  MAX_RECENT_JOBS,
  RECENT_JOBS_KEY,
  addRecentJob,
  forgetRecentJobs,
  loadRecentJobs,
  rememberJob,
  type RecentJob,
} from './recentJobs';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

function job(jobId: string, overrides: Partial<Extract<RecentJob, { envName: string }>> = {}): RecentJob {
  return {
    region: 'us-east-1',
    appId: 'd2k9xq7v1ab3cd',
    envName: 'staging',
    jobId,
    status: 'IN_PROGRESS',
    lastSeen: T0,
    ...overrides,
  };
}

const ids = (jobs: RecentJob[]) => jobs.map((entry) => entry.jobId);

describe('addRecentJob', () => {
  it('puts a new job first', () => {
    expect(ids(addRecentJob([job('a'), job('b')], job('c')))).toEqual(['c', 'a', 'b']);
  });

  it('moves a job seen again to the front, replacing its older entry', () => {
    const updated = job('b', { status: 'COMPLETED', lastSeen: T0 + 1_000 });
    const next = addRecentJob([job('a'), job('b'), job('c')], updated);
    expect(ids(next)).toEqual(['b', 'a', 'c']);
    expect(next[0]).toEqual(updated);
  });

  it.each([
    ['region', { region: 'eu-west-1' }],
    ['app', { appId: 'other-app' }],
    ['environment', { envName: 'prod' }],
  ])('keeps the same job ID in another %s as a separate entry', (_label, overrides) => {
    const next = addRecentJob([job('a')], job('a', overrides));
    expect(next).toHaveLength(2);
  });

  it('treats a different status or operation of the same job as the same entry', () => {
    const next = addRecentJob(
      [job('a', { status: 'IN_PROGRESS' })],
      job('a', { status: 'FAILED', operation: 'CreateBackendAuth' }),
    );
    expect(next).toEqual([job('a', { status: 'FAILED', operation: 'CreateBackendAuth' })]);
  });

  it(`keeps the newest ${MAX_RECENT_JOBS}`, () => {
    let jobs: RecentJob[] = [];
    for (let i = 0; i < MAX_RECENT_JOBS + 5; i++) jobs = addRecentJob(jobs, job(`j${i}`, { lastSeen: T0 + i }));
    expect(jobs).toHaveLength(MAX_RECENT_JOBS);
    expect(jobs[0]?.jobId).toBe(`j${MAX_RECENT_JOBS + 4}`);
    expect(jobs[MAX_RECENT_JOBS - 1]?.jobId).toBe('j5');
  });

  it('does not drop anything when re-adding a job to a full list', () => {
    let jobs: RecentJob[] = [];
    for (let i = 0; i < MAX_RECENT_JOBS; i++) jobs = addRecentJob(jobs, job(`j${i}`));
    const next = addRecentJob(jobs, job('j0'));
    expect(next).toHaveLength(MAX_RECENT_JOBS);
    expect(new Set(ids(next)).size).toBe(MAX_RECENT_JOBS);
    expect(next[0]?.jobId).toBe('j0');
  });

  it('does not modify the list it was given', () => {
    const before = [job('a'), job('b')];
    addRecentJob(before, job('c'));
    expect(ids(before)).toEqual(['a', 'b']);
  });
});

describe('rememberJob and loadRecentJobs', () => {
  it('round-trip through storage, newest first', () => {
    const storage = memoryStorage();
    expect(loadRecentJobs(storage)).toEqual([]);
    rememberJob(job('a'), storage);
    rememberJob(job('b', { operation: 'UpdateBackendAPI' }), storage);
    expect(loadRecentJobs(storage)).toEqual([job('b', { operation: 'UpdateBackendAPI' }), job('a')]);
    expect(JSON.parse(storage.getItem(RECENT_JOBS_KEY) ?? 'null')).toHaveLength(2);
  });

  it('does not rewrite storage when the same job reports the same status within a minute', () => {
    const storage = memoryStorage();
    rememberJob(job('a', { lastSeen: T0 }), storage);
    rememberJob(job('a', { lastSeen: T0 + 5_000 }), storage);
    rememberJob(job('a', { lastSeen: T0 + 59_999 }), storage);
    expect(storage.writes).toBe(1);
    expect(loadRecentJobs(storage)[0]?.lastSeen).toBe(T0);
  });

  it('writes again once a minute has passed, so "seen" stays roughly right', () => {
    const storage = memoryStorage();
    rememberJob(job('a', { lastSeen: T0 }), storage);
    rememberJob(job('a', { lastSeen: T0 + 60_000 }), storage);
    expect(storage.writes).toBe(2);
    expect(loadRecentJobs(storage)).toEqual([job('a', { lastSeen: T0 + 60_000 })]);
  });

  it('writes at once when the status changes', () => {
    const storage = memoryStorage();
    rememberJob(job('a', { status: 'IN_PROGRESS', lastSeen: T0 }), storage);
    rememberJob(job('a', { status: 'COMPLETED', lastSeen: T0 + 1_000 }), storage);
    expect(storage.writes).toBe(2);
    expect(loadRecentJobs(storage)).toEqual([job('a', { status: 'COMPLETED', lastSeen: T0 + 1_000 })]);
  });

  it('writes when a status arrives for a job first remembered without one', () => {
    const storage = memoryStorage();
    rememberJob(job('a', { status: undefined }), storage);
    rememberJob(job('a', { status: 'RUNNING', lastSeen: T0 + 1 }), storage);
    expect(loadRecentJobs(storage)[0]?.status).toBe('RUNNING');
  });

  it('writes at once when another job becomes the newest', () => {
    const storage = memoryStorage();
    rememberJob(job('a'), storage);
    rememberJob(job('b', { lastSeen: T0 + 1 }), storage);
    rememberJob(job('a', { lastSeen: T0 + 2 }), storage);
    expect(storage.writes).toBe(3);
    expect(ids(loadRecentJobs(storage))).toEqual(['a', 'b']);
  });

  it('treats the same job ID in another environment as another job', () => {
    const storage = memoryStorage();
    rememberJob(job('a'), storage);
    rememberJob(job('a', { envName: 'prod', lastSeen: T0 + 1 }), storage);
    expect(loadRecentJobs(storage).map((entry) => ('envName' in entry ? entry.envName : undefined))).toEqual(['prod', 'staging']);
  });

  it('keeps hosting jobs beside backend jobs, a hosting job and a backend job with the same IDs apart', () => {
    const storage = memoryStorage();
    rememberJob(job('7'), storage);
    const build: RecentJob = {
      kind: 'hosting',
      region: 'us-east-1',
      appId: 'd2k9xq7v1ab3cd',
      branchName: 'staging',
      jobId: '7',
      lastSeen: T0 + 1,
    };
    rememberJob(build, storage);
    expect(loadRecentJobs(storage)).toEqual([build, job('7')]);
  });

  it('never stores more than the cap', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_RECENT_JOBS + 3; i++) rememberJob(job(`j${i}`, { lastSeen: T0 + i }), storage);
    const stored = loadRecentJobs(storage);
    expect(stored).toHaveLength(MAX_RECENT_JOBS);
    expect(stored[0]?.jobId).toBe(`j${MAX_RECENT_JOBS + 2}`);
  });

  it('does not throw when storage is full', () => {
    const full: Storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => rememberJob(job('a'), full)).not.toThrow();
    expect(loadRecentJobs(full)).toEqual([]);
  });

  it('uses window.localStorage when no storage is passed', () => {
    try {
      rememberJob(job('a'));
      expect(ids(loadRecentJobs())).toEqual(['a']);
      forgetRecentJobs();
      expect(window.localStorage.getItem(RECENT_JOBS_KEY)).toBeNull();
    } finally {
      window.localStorage.removeItem(RECENT_JOBS_KEY);
    }
  });
});

describe('forgetRecentJobs', () => {
  it('empties the list and leaves other keys alone', () => {
    const storage = memoryStorage({ unrelated: 'keep me' });
    rememberJob(job('a'), storage);
    rememberJob(job('b', { lastSeen: T0 + 1 }), storage);
    forgetRecentJobs(storage);
    expect(loadRecentJobs(storage)).toEqual([]);
    expect(storage.getItem(RECENT_JOBS_KEY)).toBeNull();
    expect(storage.getItem('unrelated')).toBe('keep me');
  });

  it('lets the list start over afterwards', () => {
    const storage = memoryStorage();
    rememberJob(job('a'), storage);
    forgetRecentJobs(storage);
    rememberJob(job('a', { lastSeen: T0 + 1 }), storage);
    expect(loadRecentJobs(storage)).toEqual([job('a', { lastSeen: T0 + 1 })]);
  });
});

describe('corrupt stored lists', () => {
  const valid = { region: 'us-east-1', appId: 'a', envName: 'e', jobId: 'j', lastSeen: 1 };
  it.each([
    ['invalid JSON', '[{'],
    ['an object instead of a list', JSON.stringify({ 0: valid })],
    ['null', 'null'],
    ['a list with null', JSON.stringify([valid, null])],
    ['a list with a string', JSON.stringify(['j'])],
    ['an entry missing jobId', JSON.stringify([{ ...valid, jobId: undefined }])],
    ['an entry with a numeric appId', JSON.stringify([{ ...valid, appId: 42 }])],
    ['an entry with lastSeen as a string', JSON.stringify([{ ...valid, lastSeen: '1' }])],
    ['an entry without lastSeen', JSON.stringify([{ ...valid, lastSeen: undefined }])],
  ])('ignores %s', (_label, text) => {
    expect(loadRecentJobs(memoryStorage({ [RECENT_JOBS_KEY]: text }))).toEqual([]);
  });

  it('reads a valid list, with or without the optional status and operation', () => {
    const stored = [valid, { ...valid, jobId: 'k', status: 'FAILED', operation: 'RemoveAllBackends' }];
    expect(loadRecentJobs(memoryStorage({ [RECENT_JOBS_KEY]: JSON.stringify(stored) }))).toEqual(stored);
  });

  it('replaces a corrupt list with the job just seen', () => {
    const storage = memoryStorage({ [RECENT_JOBS_KEY]: '{"oops": true}' });
    rememberJob(job('a'), storage);
    expect(loadRecentJobs(storage)).toEqual([job('a')]);
  });
});
