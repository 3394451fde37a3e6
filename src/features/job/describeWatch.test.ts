import { describe, expect, it } from 'vitest';
import type { BackendJob } from '../../shared/aws/amplifyBackend';
import { AwsError } from '../../shared/aws/awsError';
import { retryDelayMs } from '../../shared/domain/pollingPolicy';
import { describeWatch, shortId, type WatchState } from './describeWatch';

const JOB_ID = '7f3c9e2a-5b1d-4c8e-9f00-1234567890ab';
const NOW = Date.UTC(2026, 0, 5, 14, 2, 15);
const CHECKED = NOW - 4_000;

function job(status: string | undefined, extra: Partial<BackendJob> = {}): BackendJob {
  return { jobId: JOB_ID, status, raw: { jobId: JOB_ID, status }, ...extra };
}

/** A running job, answered 4 s ago, checked every 5 s. */
function state(overrides: Partial<WatchState> = {}): WatchState {
  return {
    jobId: JOB_ID,
    job: job('RUNNING'),
    status: 'success',
    fetchStatus: 'idle',
    error: null,
    failureReason: null,
    failureCount: 0,
    dataUpdatedAt: CHECKED,
    errorUpdatedAt: 0,
    paused: false,
    hidden: false,
    pollDelayMs: 5_000,
    canSignIn: false,
    jitterSeed: 7,
    ...overrides,
  };
}

/** An AwsError as if it had happened at `at`. */
function failedAt(error: AwsError, at: Date): AwsError {
  Object.defineProperty(error, 'at', { value: at });
  return error;
}

const notFound = new AwsError({ kind: 'not-found', status: 404, serverMessage: 'App x not found.' });
const throttled = new AwsError({ kind: 'throttled', status: 429 });
const network = new AwsError({ kind: 'network' });

describe('shortId', () => {
  it('shortens a long ID for the tab title and keeps a short one', () => {
    expect(shortId(JOB_ID)).toBe('7f3c9e2a…');
    expect(shortId('job-1')).toBe('job-1');
    expect(shortId('123456789')).toBe('123456789');
  });
});

describe('describeWatch: the tab', () => {
  it('shows the status, the short ID and the app for a running job, with the running icon', () => {
    expect(describeWatch(state(), NOW).tab).toEqual({ title: 'RUNNING · 7f3c9e2a… · Amplify Job Watch', state: 'running' });
  });

  it.each([
    ['COMPLETED', 'completed'],
    ['FAILED', 'failed'],
    ['IN_REVIEW', 'running'],
  ])('%s → the %s icon', (status, icon) => {
    expect(describeWatch(state({ job: job(status) }), NOW).tab.state).toBe(icon);
  });

  it('says Loading before the first answer, Error after a failure, and Sign in when credentials need a person', () => {
    expect(describeWatch(state({ job: undefined, status: 'pending', dataUpdatedAt: 0 }), NOW).tab).toEqual({
      title: 'Loading · 7f3c9e2a… · Amplify Job Watch',
      state: 'idle',
    });
    expect(describeWatch(state({ job: undefined, status: 'error', error: notFound, dataUpdatedAt: 0 }), NOW).tab.title).toBe(
      'Error · 7f3c9e2a… · Amplify Job Watch',
    );
    const noCredentials = new AwsError({ kind: 'no-credentials' });
    expect(describeWatch(state({ job: undefined, status: 'error', error: noCredentials, canSignIn: true }), NOW).tab.title).toBe(
      'Sign in · 7f3c9e2a… · Amplify Job Watch',
    );
  });

  it('says AWS can’t be reached, with the warning icon, while a network failure is retried', () => {
    const tab = describeWatch(state({ fetchStatus: 'fetching', failureCount: 1, failureReason: network }), NOW).tab;
    expect(tab).toEqual({ title: 'Can’t reach AWS · RUNNING · 7f3c9e2a… · Amplify Job Watch', state: 'unreachable' });
  });
});

describe('describeWatch: the problem to show', () => {
  it('none while all is well', () => {
    expect(describeWatch(state(), NOW).problem).toBeNull();
  });

  it('a retried failure, with the seconds until the retry this tab will really make', () => {
    const at = new Date(NOW - 300);
    const error = failedAt(new AwsError({ kind: 'throttled', status: 429 }), at);
    const problem = describeWatch(
      state({
        job: undefined,
        status: 'pending',
        fetchStatus: 'fetching',
        failureCount: 1,
        failureReason: error,
        dataUpdatedAt: 0,
      }),
      NOW,
    ).problem;
    const dueAt = at.getTime() + retryDelayMs(0, error, 7);
    expect(problem).toEqual({
      kind: 'retrying',
      error,
      failedAt: at,
      retryInSeconds: Math.ceil((dueAt - NOW) / 1000),
      hasJob: false,
    });
  });

  it('a failure that waits for the person, keeping the job when there was one', () => {
    const error = failedAt(new AwsError({ kind: 'access-denied', status: 403 }), new Date(NOW - 1000));
    expect(describeWatch(state({ status: 'error', error }), NOW).problem).toEqual({
      kind: 'stopped',
      error,
      failedAt: new Date(NOW - 1000),
      hasJob: true,
    });
  });

  it('a sign-in, when the deployment can sign people in and there are no credentials', () => {
    const error = new AwsError({ kind: 'no-credentials' });
    expect(describeWatch(state({ job: undefined, status: 'error', error, canSignIn: true }), NOW).problem).toEqual({
      kind: 'sign-in',
      hasJob: false,
    });
    expect(describeWatch(state({ job: undefined, status: 'error', error }), NOW).problem?.kind).toBe('stopped');
  });

  it('offline, when React Query holds the check until the connection is back', () => {
    expect(describeWatch(state({ fetchStatus: 'paused' }), NOW).problem).toEqual({ kind: 'offline' });
  });
});

describe('describeWatch: the next check', () => {
  it('counts down from the last answer by the planned delay', () => {
    const watch = describeWatch(state(), NOW);
    expect(watch.nextCheckInMs).toBe(1_000);
    expect(watch.countdown).toBe('Next check in 1 s.');
    expect(watch.plan).toBe('Checking every 5 s while the job runs.');
    expect(watch.lastCheckedAt).toBe(CHECKED);
  });

  it('never counts from a clock reading older than the answer', () => {
    expect(describeWatch(state({ dataUpdatedAt: NOW + 400 }), NOW).nextCheckInMs).toBe(5_000);
  });

  it('says the tab is hidden when it checks less often', () => {
    expect(describeWatch(state({ hidden: true, pollDelayMs: 20_000 }), NOW).countdown).toBe(
      'Next check in 16 s (slower while this tab is hidden).',
    );
  });

  it('plans nothing once the job has finished', () => {
    const watch = describeWatch(state({ job: job('COMPLETED'), pollDelayMs: false }), NOW);
    expect(watch.finished).toBe(true);
    expect(watch.nextCheckInMs).toBeNull();
    expect(watch.plan).toBe('The job has finished; no more checks.');
  });

  it('says checks are stopped after a failure that waits for the person', () => {
    expect(describeWatch(state({ status: 'error', error: notFound, pollDelayMs: false }), NOW).plan).toBe(
      'Automatic checks are stopped.',
    );
  });

  it('says when a check is in flight, and when the person paused', () => {
    expect(describeWatch(state({ fetchStatus: 'fetching' }), NOW).countdown).toBe('Checking now…');
    expect(describeWatch(state({ paused: true, pollDelayMs: false }), NOW).countdown).toBe('Auto-refresh is paused.');
  });

  it('is loading only before the first answer and while not retrying', () => {
    expect(describeWatch(state({ job: undefined, status: 'pending', fetchStatus: 'fetching' }), NOW).loading).toBe(true);
    expect(
      describeWatch(
        state({ job: undefined, status: 'pending', fetchStatus: 'fetching', failureCount: 1, failureReason: throttled }),
        NOW,
      ).loading,
    ).toBe(false);
    expect(describeWatch(state(), NOW).loading).toBe(false);
  });
});
