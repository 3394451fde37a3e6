import { describe, expect, it } from 'vitest';
import { parseJobTime } from '../shared/aws/jobTime';
import { DEFAULT_REGION, JobStore, jobKey, snapshot, type SimJobSpec } from './jobStore';

const START = Date.UTC(2026, 10, 29, 12, 0, 0);

function storeAt(now: number): JobStore {
  return new JobStore(() => now);
}

const failing: SimJobSpec = {
  appId: 'app1',
  envName: 'staging',
  jobId: 'job-fail',
  operation: 'UpdateBackendAPI',
  startedAt: START,
  steps: [
    { status: 'RUNNING', atMs: 0 },
    { status: 'FAILED', atMs: 20_000 },
  ],
  error: 'Schema validation failed',
};

describe('snapshot', () => {
  const job = storeAt(START).put(failing);

  it('describes the job as GetBackendJob would when it starts', () => {
    expect(snapshot(job, START)).toEqual({
      appId: 'app1',
      backendEnvironmentName: 'staging',
      jobId: 'job-fail',
      operation: 'UpdateBackendAPI',
      status: 'RUNNING',
      createTime: String(START),
      updateTime: String(START),
    });
  });

  it('stays RUNNING, without an error, until the FAILED step is due', () => {
    const before = snapshot(job, START + 19_999);
    expect(before.status).toBe('RUNNING');
    expect(before.updateTime).toBe(String(START));
    expect(before).not.toHaveProperty('error');
  });

  it('turns FAILED exactly at its step, with the error and the step time as updateTime', () => {
    const at = snapshot(job, START + 20_000);
    expect(at.status).toBe('FAILED');
    expect(at.error).toBe('Schema validation failed');
    expect(at.updateTime).toBe(String(START + 20_000));
  });

  it('does not move updateTime after the last step', () => {
    const later = snapshot(job, START + 60 * 60 * 1000);
    expect(later.status).toBe('FAILED');
    expect(later.updateTime).toBe(String(START + 20_000));
    expect(later.createTime).toBe(String(START));
  });

  it('writes times as epoch-ms strings that the client reads back to the right instant', () => {
    const at = snapshot(job, START + 25_000);
    expect(at.createTime).toMatch(/^\d+$/);
    expect(at.updateTime).toMatch(/^\d+$/);
    expect(parseJobTime(at.createTime)?.date?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(parseJobTime(at.updateTime)?.date?.toISOString()).toBe('2026-11-29T12:00:20.000Z');
  });

  it('never shows an error on a job that completed', () => {
    const completed = storeAt(START).put({
      ...failing,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 1_000 },
      ],
    });
    expect(snapshot(completed, START + 5_000)).not.toHaveProperty('error');
  });

  it('walks through several steps in order', () => {
    const stepped = storeAt(START).put({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
      startedAt: START,
      steps: [
        { status: 'PENDING', atMs: 0 },
        { status: 'RUNNING', atMs: 5_000 },
        { status: 'COMPLETED', atMs: 30_000 },
      ],
    });
    const statuses = [0, 4_999, 5_000, 29_999, 30_000, 90_000].map((t) => snapshot(stepped, START + t).status);
    expect(statuses).toEqual(['PENDING', 'PENDING', 'RUNNING', 'RUNNING', 'COMPLETED', 'COMPLETED']);
  });

  it('reports a job with no steps as RUNNING since its start', () => {
    const bare = storeAt(START).put({ appId: 'a', envName: 'e', jobId: 'j', steps: [] });
    expect(snapshot(bare, START + 10_000)).toMatchObject({ status: 'RUNNING', updateTime: String(START) });
  });
});

describe('JobStore', () => {
  it('fills in the region, operation and start time', () => {
    const store = storeAt(START);
    const job = store.put({ appId: 'a', envName: 'e', jobId: 'j', steps: [] });
    expect(job.region).toBe(DEFAULT_REGION);
    expect(DEFAULT_REGION).toBe('us-east-1');
    expect(job.operation).toBe('CreateBackendAuth');
    expect(job.startedAt).toBe(START);
    expect(job.faults).toEqual([]);
    expect(job).not.toHaveProperty('error');
  });

  it('sorts steps by time, so a spec may list them in any order', () => {
    const store = storeAt(START);
    const job = store.put({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
      steps: [
        { status: 'COMPLETED', atMs: 10_000 },
        { status: 'RUNNING', atMs: 0 },
      ],
    });
    expect(job.steps.map((s) => s.status)).toEqual(['RUNNING', 'COMPLETED']);
    expect(snapshot(job, START + 5_000).status).toBe('RUNNING');
  });

  it("copies the spec's steps and faults, so later edits to the spec do not leak in", () => {
    const spec: SimJobSpec = {
      appId: 'a',
      envName: 'e',
      jobId: 'j',
      steps: [{ status: 'RUNNING', atMs: 0 }],
      faults: [{ type: 'network' }],
    };
    const job = storeAt(START).put(spec);
    spec.steps.push({ status: 'FAILED', atMs: 1 });
    spec.faults?.push({ type: 'hang' });
    expect(job.steps).toHaveLength(1);
    expect(job.faults).toEqual([{ type: 'network' }]);
  });

  it('finds a job by region, app, environment and job ID', () => {
    const store = storeAt(START);
    const job = store.put({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: 'j', steps: [] });
    expect(store.get('eu-west-1', 'a', 'e', 'j')).toBe(job);
    expect(store.get('us-east-1', 'a', 'e', 'j')).toBeUndefined();
    expect(store.get('eu-west-1', 'a', 'e', 'k')).toBeUndefined();
  });

  it('keeps IDs with separators apart (no key collisions)', () => {
    const store = storeAt(START);
    store.put({ appId: 'a/b', envName: 'c', jobId: 'j', steps: [], operation: 'One' });
    store.put({ appId: 'a', envName: 'b/c', jobId: 'j', steps: [], operation: 'Two' });
    expect(store.get(DEFAULT_REGION, 'a/b', 'c', 'j')?.operation).toBe('One');
    expect(store.get(DEFAULT_REGION, 'a', 'b/c', 'j')?.operation).toBe('Two');
    expect(jobKey('r', 'a/b', 'c', 'j')).not.toBe(jobKey('r', 'a', 'b/c', 'j'));
  });

  it('replaces a job put twice under the same key', () => {
    const store = storeAt(START);
    store.put({ appId: 'a', envName: 'e', jobId: 'j', steps: [], operation: 'First' });
    store.put({ appId: 'a', envName: 'e', jobId: 'j', steps: [], operation: 'Second' });
    expect(store.list(DEFAULT_REGION, 'a', 'e').map((job) => job.operation)).toEqual(['Second']);
  });

  it("lists one environment's jobs newest first", () => {
    const store = storeAt(START);
    store.put({ appId: 'a', envName: 'e', jobId: 'old', startedAt: START - 60_000, steps: [] });
    store.put({ appId: 'a', envName: 'e', jobId: 'new', startedAt: START, steps: [] });
    store.put({ appId: 'a', envName: 'e', jobId: 'mid', startedAt: START - 30_000, steps: [] });
    store.put({ appId: 'a', envName: 'other', jobId: 'elsewhere', steps: [] });
    store.put({ appId: 'b', envName: 'e', jobId: 'other-app', steps: [] });
    store.put({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: 'other-region', steps: [] });
    expect(store.list(DEFAULT_REGION, 'a', 'e').map((job) => job.jobId)).toEqual(['new', 'mid', 'old']);
    expect(store.list('eu-west-1', 'a', 'e').map((job) => job.jobId)).toEqual(['other-region']);
    expect(store.list(DEFAULT_REGION, 'nope', 'e')).toEqual([]);
  });

  it('starts a job put to start when opened at its first open, and lists it only from then on', () => {
    let now = START;
    const store = new JobStore(() => now);
    store.put({ appId: 'a', envName: 'e', jobId: 'sample', startsWhenOpened: true, steps: failing.steps });
    store.put({ appId: 'a', envName: 'e', jobId: 'history', startedAt: START - 60_000, steps: [] });

    // The page has been open for 45 s; nobody has opened the sample yet.
    now = START + 45_000;
    expect(store.list(DEFAULT_REGION, 'a', 'e').map((job) => job.jobId)).toEqual(['history']);
    expect(store.hasApp(DEFAULT_REGION, 'a')).toBe(true);

    const opened = store.open(DEFAULT_REGION, 'a', 'e', 'sample');
    expect(opened && snapshot(opened, now)).toMatchObject({ status: 'RUNNING', createTime: String(START + 45_000) });
    expect(store.list(DEFAULT_REGION, 'a', 'e').map((job) => job.jobId)).toEqual(['sample', 'history']);

    // Opening it again does not start it again: it fails 20 s after it was first opened.
    now = START + 45_000 + 19_000;
    expect(store.open(DEFAULT_REGION, 'a', 'e', 'sample')?.startedAt).toBe(START + 45_000);
    now = START + 45_000 + 20_000;
    expect(snapshot(store.get(DEFAULT_REGION, 'a', 'e', 'sample')!, now).status).toBe('FAILED');
  });

  it('knows which apps exist per region, and forgets everything on clear', () => {
    const store = storeAt(START);
    store.put({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: 'j', steps: [] });
    expect(store.hasApp('eu-west-1', 'a')).toBe(true);
    expect(store.hasApp('us-east-1', 'a')).toBe(false);
    expect(store.hasApp('eu-west-1', 'b')).toBe(false);
    store.clear();
    expect(store.hasApp('eu-west-1', 'a')).toBe(false);
    expect(store.get('eu-west-1', 'a', 'e', 'j')).toBeUndefined();
  });
});
