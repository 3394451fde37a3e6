import { describe, expect, it } from 'vitest';
import { QUIET_DESCRIPTION as quiet } from '../../test/jobQueryDescription';
import { AwsError } from '../aws/awsError';
import type { WatchedJob } from '../aws/watchedJob';
import { describeJobQuery, jobDurationText, shortId, type JobQueryDescription, type JobQueryState } from './describeJobQuery';

const JOB_ID = '7f3c9e2a-5b1d-4c8e-9f00-1234567890ab';
const job = (status: string): WatchedJob => ({ jobId: JOB_ID, status, raw: { jobId: JOB_ID, status } });
const notFound = new AwsError({ kind: 'not-found', status: 404 });
const forbidden = new AwsError({ kind: 'access-denied', status: 403 });
const network = new AwsError({ kind: 'network' });
const unavailable = new AwsError({ kind: 'service-unavailable', status: 503 });
const throttled = new AwsError({ kind: 'throttled', status: 429 });

/** A running job, answered, not being checked right now. */
const running: JobQueryState = {
  data: job('RUNNING'),
  status: 'success',
  fetchStatus: 'idle',
  error: null,
  failureReason: null,
  failureCount: 0,
};
const retry = (error: unknown, at: Partial<JobQueryState> = {}): Partial<JobQueryState> => ({
  fetchStatus: 'fetching',
  failureCount: 1,
  failureReason: error,
  ...at,
});

describe('describeJobQuery', () => {
  it.each<[string, Partial<JobQueryState>, Partial<JobQueryDescription>]>([
    ['a running job between checks', {}, {}],
    ['a check in flight', { fetchStatus: 'fetching' }, { checking: true }],
    [
      'before the first answer',
      { data: undefined, status: 'pending', fetchStatus: 'fetching' },
      { checking: true, tone: 'unknown' },
    ],
    ['a job that completed', { data: job('COMPLETED') }, { tone: 'completed', finished: true }],
    ['a hosting job that succeeded', { data: job('SUCCEED') }, { tone: 'completed', finished: true }],
    ['a hosting job cancelled', { data: job('CANCELLED') }, { tone: 'failed', finished: true }],
    ['a status AWS never listed', { data: job('REBOOTING') }, { tone: 'unknown' }],
    ['retrying a throttled check', retry(throttled), { checking: true, problem: { kind: 'retrying', error: throttled } }],
    [
      'retrying a network fault: AWS out of reach',
      retry(network),
      { checking: true, problem: { kind: 'retrying', error: network }, unreachable: true },
    ],
    [
      'retrying a 503: AWS out of reach',
      retry(unavailable),
      { checking: true, problem: { kind: 'retrying', error: unavailable }, unreachable: true },
    ],
    // A failure counted with no reason kept (a fresh fetch) is not a retry: nothing to say about it.
    ['a failure count with no reason', retry(null), { checking: true }],
    ['a failure count but nothing in flight', retry(network, { fetchStatus: 'idle' }), {}],
    [
      'stopped on a 404',
      { data: undefined, status: 'error', error: notFound },
      { problem: { kind: 'stopped', error: notFound }, stoppedOn: 'not-found', tone: 'unknown' },
    ],
    [
      'stopped on a 403, the job shown as last seen',
      { status: 'error', error: forbidden },
      { problem: { kind: 'stopped', error: forbidden }, stoppedOn: 'error' },
    ],
    [
      'stopped on a network fault once retries ran out',
      { status: 'error', error: network },
      { problem: { kind: 'stopped', error: network }, stoppedOn: 'error', unreachable: true },
    ],
    [
      'trying again after a 404, the retry failing on the network',
      retry(network, { status: 'error', error: notFound }),
      { checking: true, problem: { kind: 'retrying', error: network }, unreachable: true, stoppedOn: 'not-found' },
    ],
    ['no network: checks wait', { fetchStatus: 'paused' }, { problem: { kind: 'offline' } }],
    [
      'no network after a 403',
      { fetchStatus: 'paused', status: 'error', error: forbidden },
      { problem: { kind: 'stopped', error: forbidden }, stoppedOn: 'error' },
    ],
  ])('%s', (_name, state, expected) => {
    expect(describeJobQuery({ ...running, ...state })).toEqual({ ...quiet, ...expected });
  });
});

describe('shortId', () => {
  it('shortens a long ID for the tab title and keeps a short one', () => {
    expect(shortId(JOB_ID)).toBe('7f3c9e2a…');
    expect(shortId('job-1')).toBe('job-1');
    expect(shortId('123456789')).toBe('123456789');
  });
});

describe('jobDurationText', () => {
  const at = (iso: string) => ({ raw: iso, date: new Date(iso) });
  const NOW = Date.parse('2026-01-05T14:10:00Z');
  const timed = (status: string, times: Pick<WatchedJob, 'createTime' | 'updateTime'>): WatchedJob => ({
    ...job(status),
    ...times,
  });
  const started = { createTime: at('2026-01-05T14:00:00Z') };
  it.each<[string, WatchedJob, string | null]>([
    ['running: up to now', timed('RUNNING', started), 'Running for 10 min 00 s'],
    [
      'ended: from start to the last update',
      timed('COMPLETED', { ...started, updateTime: at('2026-01-05T14:03:30Z') }),
      'Took 3 min 30 s',
    ],
    ['a hosting job cancelled', timed('CANCELLED', { ...started, updateTime: at('2026-01-05T14:00:45Z') }), 'Took 45 s'],
    ['ended with no end time', timed('FAILED', started), null],
    ['no start time', timed('RUNNING', { updateTime: at('2026-01-05T14:03:30Z') }), null],
    ['a start time AWS sent in a form not understood', timed('RUNNING', { createTime: { raw: 'soon' } }), null],
  ])('%s', (_name, watched, text) => {
    expect(jobDurationText(watched, NOW)).toBe(text);
  });
});
