import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { FakeHub, FakeLocks } from '../../test/fakeElection';
import type { AmplifyBackendClient, BackendJob, BackendJobKey } from '../aws/amplifyBackend';
import { AWS_ERROR_CODEC } from '../aws/awsError';
import type { JobClients, WatchedJob } from '../aws/watchedJob';
import { joinPollElection, type ElectionEnvironment } from '../browser/jobPollLeader';
import {
  electionName,
  fetchJob,
  jobCodec,
  joinJobElection,
  setElectionEnvironment,
  setElectionPrincipal,
} from './jobPollElections';
import { jobQueryKey } from './jobQuery';

const KEY: BackendJobKey = { region: 'us-east-1', appId: 'app', envName: 'env', jobId: 'job-1' };
const SEAT = electionName('guest', KEY);
/** A job as GetBackendJob reads it. */
const job = (status: string): BackendJob => ({ jobId: 'job-1', status, raw: { jobId: 'job-1', status } });
const JOB = job('RUNNING');

let env: ElectionEnvironment;
let calls: number;
const backend: AmplifyBackendClient = {
  getBackendJob: () => {
    calls += 1;
    return Promise.resolve({ ...JOB, status: 'FROM-THIS-TAB' });
  },
  listBackendJobs: () => Promise.reject(new Error('not used')),
};
const client: JobClients = {
  backend,
  hosting: { getJob: () => Promise.reject(new Error('not used')), listJobs: () => Promise.reject(new Error('not used')) },
};
const JOB_CODEC = jobCodec(KEY);

beforeEach(() => {
  vi.useFakeTimers();
  calls = 0;
  env = { locks: new FakeLocks(), openChannel: new FakeHub().open };
  setElectionEnvironment(env);
});

afterEach(() => {
  setElectionEnvironment(undefined);
  vi.useRealTimers();
});

describe('the job query’s fetch', () => {
  it('asks AWS directly when the page has not joined the job’s election (or has no Web Locks)', async () => {
    await expect(fetchJob(client, KEY)).resolves.toMatchObject({ status: 'FROM-THIS-TAB' });
    setElectionEnvironment({});
    const leave = joinJobElection(KEY);
    await expect(fetchJob(client, KEY)).resolves.toMatchObject({ status: 'FROM-THIS-TAB' });
    leave();
    expect(calls).toBe(2);
  });

  it('takes the answer of another tab that polls the job instead of asking AWS', async () => {
    const otherTab = joinPollElection<WatchedJob>(SEAT, env, AWS_ERROR_CODEC, undefined, JOB_CODEC);
    await vi.advanceTimersByTimeAsync(0);
    const leave = joinJobElection(KEY);
    await vi.advanceTimersByTimeAsync(0);
    const answer = fetchJob(client, KEY);
    await otherTab.poll(() => Promise.resolve(JOB), { maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ status: 'RUNNING' });
    expect(calls).toBe(0);

    otherTab.close();
    await vi.advanceTimersByTimeAsync(1);
    await expect(fetchJob(client, KEY)).resolves.toMatchObject({ status: 'FROM-THIS-TAB' });
    leave();
    await vi.advanceTimersByTimeAsync(1);
  });

  it('answers a tab that joins later with what this tab already knew, and keeps its seat through a re-render', async () => {
    const leave = joinJobElection(KEY, () => job('COMPLETED'));
    await vi.advanceTimersByTimeAsync(0);
    // A re-render leaves and joins again at once: the seat and what it knows stay.
    leave();
    const leaveAgain = joinJobElection(KEY, () => job('COMPLETED'));
    await vi.advanceTimersByTimeAsync(1);
    const otherTab = joinPollElection<WatchedJob>(SEAT, env, AWS_ERROR_CODEC, undefined, JOB_CODEC);
    const answer = otherTab.poll(() => Promise.reject(new Error('should not ask AWS')), { maxWaitMs: 60_000 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ status: 'COMPLETED' });
    expect(calls).toBe(0);
    leaveAgain();
    otherTab.close();
    await vi.advanceTimersByTimeAsync(1);
  });

  it('a tab leads while any observer of the job there is not paused, and hands over when all are', async () => {
    const watching = joinJobElection(KEY);
    const paused = joinJobElection(KEY, undefined, { paused: true });
    await vi.advanceTimersByTimeAsync(0);
    const otherTab = joinPollElection<WatchedJob>(SEAT, env, AWS_ERROR_CODEC, undefined, JOB_CODEC);
    await vi.advanceTimersByTimeAsync(1);
    expect(otherTab.isLeader()).toBe(false);

    watching();
    await vi.advanceTimersByTimeAsync(1);
    expect(otherTab.isLeader()).toBe(true);
    // The paused page's own check takes the other tab's answer.
    const answer = fetchJob(client, KEY);
    await vi.advanceTimersByTimeAsync(1);
    await otherTab.poll(() => Promise.resolve(JOB), { maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ status: 'RUNNING' });
    expect(calls).toBe(0);
    paused();
    otherTab.close();
    await vi.advanceTimersByTimeAsync(1);
  });

  it('uses the job query’s key, after the principal', () => {
    expect(JSON.parse(SEAT)).toEqual(['guest', ...jobQueryKey(KEY).slice(1)]);
  });
});

describe('the page’s visibility', () => {
  it('is listened to while the page has a seat in some election, and no longer once it has none', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
    onTestFinished(() => void vi.unstubAllGlobals());
    const listen = vi.spyOn(page, 'addEventListener');
    const unlisten = vi.spyOn(page, 'removeEventListener');
    const leave = [joinJobElection(KEY), joinJobElection({ ...KEY, jobId: 'job-2' })];
    const [type, listener] = listen.mock.calls[0]!;
    expect(type).toBe('visibilitychange');
    leave[0]!();
    await vi.advanceTimersByTimeAsync(1);
    expect(unlisten).not.toHaveBeenCalled();
    leave[1]!();
    await vi.advanceTimersByTimeAsync(1);
    expect(unlisten.mock.calls).toEqual([['visibilitychange', listener]]);
  });
});

describe('tabs of different principals', () => {
  afterEach(() => setElectionPrincipal(() => 'guest'));

  it('a tab never takes the answer of a tab signed in as someone else; it asks AWS itself', async () => {
    setElectionPrincipal(() => 'guest');
    const signedInTab = joinPollElection<WatchedJob>(electionName('user:demo', KEY), env, AWS_ERROR_CODEC, undefined, JOB_CODEC);
    await vi.advanceTimersByTimeAsync(0);
    const leave = joinJobElection(KEY);
    await vi.advanceTimersByTimeAsync(0);
    const answer = fetchJob(client, KEY);
    await signedInTab.poll(() => Promise.resolve(JOB), { maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ status: 'FROM-THIS-TAB' });
    expect(calls).toBe(1);
    leave();
    signedInTab.close();
    await vi.advanceTimersByTimeAsync(1);
  });

  it('a tab whose person signs out moves its seat: the signed-in tabs’ answers stop reaching it', async () => {
    let principal = 'user:demo';
    setElectionPrincipal(() => principal);
    const signedInTab = joinPollElection<WatchedJob>(electionName('user:demo', KEY), env, AWS_ERROR_CODEC, undefined, JOB_CODEC);
    await vi.advanceTimersByTimeAsync(0);
    const leave = joinJobElection(KEY);
    await vi.advanceTimersByTimeAsync(0);
    const shared = fetchJob(client, KEY);
    await signedInTab.poll(() => Promise.resolve(JOB), { maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(shared).resolves.toMatchObject({ status: 'RUNNING', relayed: true });
    expect(calls).toBe(0);

    principal = 'guest';
    const own = fetchJob(client, KEY);
    await vi.advanceTimersByTimeAsync(1);
    await expect(own).resolves.toMatchObject({ status: 'FROM-THIS-TAB' });
    expect(calls).toBe(1);
    leave();
    signedInTab.close();
    await vi.advanceTimersByTimeAsync(1);
  });
});

describe('what crosses from another tab', () => {
  it('a job is read with the API’s own reader and marked as another tab’s answer', () => {
    const wire = { jobId: 'job-1', status: 'FAILED', error: '<b>bad</b>', createTime: '1700000000000' };
    const read = JOB_CODEC.decode(structuredClone(JOB_CODEC.encode({ ...JOB, raw: wire })));
    expect(read).toMatchObject({ jobId: 'job-1', status: 'FAILED', error: '<b>bad</b>', relayed: true, raw: wire });
    expect(() => JOB_CODEC.decode('RUNNING')).toThrow();
    expect(() => JOB_CODEC.decode([1, 2])).toThrow();
  });
});

describe('counting the jobs this browser polls', () => {
  it('a board’s rows joining together ask the lock manager once, and once more for what changed meanwhile', async () => {
    const locks = env.locks as FakeLocks;
    const query = vi.spyOn(locks, 'query');
    const keys = Array.from({ length: 25 }, (_, index) => ({ ...KEY, jobId: `job-${index}` }));
    const leave = keys.map((key) => joinJobElection(key));
    expect(query).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(query).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(query).toHaveBeenCalledTimes(2);
    leave.forEach((done) => done());
    await vi.advanceTimersByTimeAsync(1);
  });
});
