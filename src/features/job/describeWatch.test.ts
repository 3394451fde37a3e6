import { describe, expect, it } from 'vitest';
import type { BackendJob } from '../../shared/aws/amplifyBackend';
import { AwsError } from '../../shared/aws/awsError';
import { retryDelayMs } from '../../shared/domain/pollingPolicy';
import { shortId } from '../../shared/queries/describeJobQuery';
import { describeWatch, regionMistakePlausible, type WatchState } from './describeWatch';

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
    intervalMs: 5_000,
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
      notFound: false,
      regionMistake: false,
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

  it('re-reads the clock every second only while something can change by itself', () => {
    expect(describeWatch(state(), NOW).ticking).toBe(true);
    expect(describeWatch(state({ job: job('COMPLETED'), pollDelayMs: false }), NOW).ticking).toBe(false);
    expect(describeWatch(state({ job: undefined, status: 'error', error: notFound, pollDelayMs: false }), NOW).ticking).toBe(
      false,
    );
  });

  it('says when a check is in flight, and when the person paused (then nothing counts down)', () => {
    expect(describeWatch(state({ fetchStatus: 'fetching' }), NOW).countdown).toBe('Checking now…');
    const paused = describeWatch(state({ paused: true, pollDelayMs: false }), NOW);
    expect(paused.plan).toBe('Auto-refresh is paused.');
    expect(paused.countdown).toBe('');
    expect(paused.nextCheckInMs).toBeNull();
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

describe('describeWatch: paused or stale is not shown as live', () => {
  it('a paused running job is shown as of its last answer, and the title starts with Paused', () => {
    const watch = describeWatch(state({ paused: true, pollDelayMs: false }), NOW);
    expect(watch.stale).toBe('paused');
    expect(watch.lastCheckedAt).toBe(CHECKED);
    expect(watch.tab.title).toBe('Paused · RUNNING · 7f3c9e2a… · Amplify Job Watch');
  });

  it('is live while the last answer is at most two intervals old', () => {
    expect(describeWatch(state({ dataUpdatedAt: NOW - 10_000 }), NOW).stale).toBeNull();
    expect(describeWatch(state({ dataUpdatedAt: NOW - 10_000 }), NOW).tab.title).toBe('RUNNING · 7f3c9e2a… · Amplify Job Watch');
  });

  it('is stale once the last answer is older than two intervals (backoff), and the title starts with Stale', () => {
    const retrying = describeWatch(
      state({ dataUpdatedAt: NOW - 10_001, fetchStatus: 'fetching', failureCount: 2, failureReason: throttled }),
      NOW,
    );
    expect(retrying.stale).toBe('stale');
    expect(retrying.tab.title).toBe('Stale · RUNNING · 7f3c9e2a… · Amplify Job Watch');
  });

  it('counts two of the hidden tab’s longer intervals while hidden', () => {
    const failing = {
      hidden: true,
      pollDelayMs: 20_000,
      fetchStatus: 'fetching',
      failureCount: 1,
      failureReason: throttled,
    } as const;
    expect(describeWatch(state({ ...failing, dataUpdatedAt: NOW - 30_000 }), NOW).stale).toBeNull();
    expect(describeWatch(state({ ...failing, dataUpdatedAt: NOW - 40_001 }), NOW).stale).toBe('stale');
  });

  it('a healthy check that is merely slow, or a late timer, does not make the answer stale', () => {
    expect(describeWatch(state({ dataUpdatedAt: NOW - 60_000, fetchStatus: 'fetching' }), NOW).stale).toBeNull();
    expect(describeWatch(state({ dataUpdatedAt: NOW - 60_000 }), NOW).stale).toBeNull();
  });

  it('keeps “Can’t reach AWS” at the front of the title: it says why the status is not live', () => {
    const watch = describeWatch(
      state({ dataUpdatedAt: NOW - 20_000, fetchStatus: 'fetching', failureCount: 3, failureReason: network }),
      NOW,
    );
    expect(watch.stale).toBe('stale');
    expect(watch.tab.title).toBe('Can’t reach AWS · RUNNING · 7f3c9e2a… · Amplify Job Watch');
  });

  it('a job kept on screen after checks stopped on an error is stale', () => {
    const error = new AwsError({ kind: 'access-denied', status: 403 });
    expect(describeWatch(state({ status: 'error', error, pollDelayMs: false }), NOW).stale).toBe('stale');
  });

  it('a finished job is never stale: it will not change', () => {
    const watch = describeWatch(state({ job: job('COMPLETED'), pollDelayMs: false, dataUpdatedAt: NOW - 3_600_000 }), NOW);
    expect(watch.stale).toBeNull();
    expect(watch.tab.title).toBe('COMPLETED · 7f3c9e2a… · Amplify Job Watch');
    expect(describeWatch(state({ job: job('FAILED'), paused: true, pollDelayMs: false }), NOW).stale).toBeNull();
  });
});

describe('describeWatch: one account of what the page does, and only controls that can do something', () => {
  it('while watching: the plan, the countdown, and every control', () => {
    const watch = describeWatch(state(), NOW);
    expect([watch.plan, watch.countdown]).toEqual(['Checking every 5 s while the job runs.', 'Next check in 1 s.']);
    expect(watch.controls).toEqual({ refresh: true, pause: true, interval: true, notify: true });
  });

  it('throttled before any status is known: neither plan nor countdown nor “Checking now…”, and no controls', () => {
    const watch = describeWatch(
      state({
        job: undefined,
        status: 'pending',
        fetchStatus: 'fetching',
        failureCount: 1,
        failureReason: throttled,
        dataUpdatedAt: 0,
      }),
      NOW,
    );
    expect(watch.problem?.kind).toBe('retrying');
    expect([watch.plan, watch.countdown]).toEqual(['', '']);
    expect(watch.controls).toEqual({ refresh: false, pause: false, interval: false, notify: false });
  });

  it('retrying with a job on screen: the panel speaks; pause and interval stay, as they still apply afterwards', () => {
    const watch = describeWatch(state({ fetchStatus: 'fetching', failureCount: 1, failureReason: throttled }), NOW);
    expect([watch.plan, watch.countdown]).toEqual(['', '']);
    expect(watch.controls).toEqual({ refresh: true, pause: true, interval: true, notify: true });
  });

  it('a 404: checks are stopped, and only “Try again” (in the panel) is left', () => {
    const watch = describeWatch(
      state({ job: undefined, status: 'error', error: notFound, pollDelayMs: false, dataUpdatedAt: 0 }),
      NOW,
    );
    expect([watch.plan, watch.countdown]).toEqual(['Automatic checks are stopped.', '']);
    expect(watch.controls).toEqual({ refresh: false, pause: false, interval: false, notify: false });
  });

  it('access denied with the job on screen: no Refresh beside “Try again”, no pause, interval or notify', () => {
    const error = new AwsError({ kind: 'access-denied', status: 403 });
    const watch = describeWatch(state({ status: 'error', error, pollDelayMs: false }), NOW);
    expect(watch.controls).toEqual({ refresh: false, pause: false, interval: false, notify: false });
  });

  it('a finished job: a manual check is all that is left', () => {
    const watch = describeWatch(state({ job: job('FAILED'), pollDelayMs: false }), NOW);
    expect([watch.plan, watch.countdown]).toEqual(['The job has finished; no more checks.', '']);
    expect(watch.controls).toEqual({ refresh: true, pause: false, interval: false, notify: false });
  });

  it('waiting for a sign-in: only the sign-in button (in the panel)', () => {
    const error = new AwsError({ kind: 'no-credentials' });
    const watch = describeWatch(state({ status: 'error', error, canSignIn: true, pollDelayMs: false }), NOW);
    expect(watch.problem?.kind).toBe('sign-in');
    expect(watch.controls).toEqual({ refresh: false, pause: false, interval: false, notify: false });
  });
});

describe('describeWatch: not found, and whether another region could be the answer', () => {
  it('the app was not found: another region may be the answer', () => {
    const problem = describeWatch(state({ job: undefined, status: 'error', error: notFound, pollDelayMs: false }), NOW).problem;
    expect(problem).toMatchObject({ kind: 'stopped', notFound: true, regionMistake: true });
  });

  it('the job was not found in an app that exists: the region is right', () => {
    const error = new AwsError({ kind: 'not-found', status: 404, serverMessage: 'Job abc not found for environment staging.' });
    const problem = describeWatch(state({ job: undefined, status: 'error', error, pollDelayMs: false }), NOW).problem;
    expect(problem).toMatchObject({ kind: 'stopped', notFound: true, regionMistake: false });
  });

  it('other errors are not “not found”', () => {
    const error = new AwsError({ kind: 'access-denied', status: 403 });
    expect(describeWatch(state({ status: 'error', error, pollDelayMs: false }), NOW).problem).toMatchObject({
      notFound: false,
      regionMistake: false,
    });
  });
});

describe('regionMistakePlausible', () => {
  it.each([
    ['App d2k9 not found.', true],
    [undefined, true],
    ['', true],
    ['Not Found', true],
    ['Job 7f3c not found for environment staging.', false],
    ['job 7f3c not found', false],
    ['Environment staging not found.', false],
  ])('%j → %s', (message, plausible) => {
    expect(regionMistakePlausible(message)).toBe(plausible);
  });
});

describe('opened with no network, showing the job as this browser last knew it', () => {
  // The page's own query has nothing yet and waits for the network; the job and its time come from memory.
  const fromMemory = (overrides: Partial<WatchState> = {}) =>
    describeWatch(
      state({ fromMemory: true, status: 'pending', fetchStatus: 'paused', dataUpdatedAt: NOW - 3_600_000, ...overrides }),
      NOW,
    );

  it('is never live: shown "as of" the last check, the tab title starts with Offline, the page says it is offline', () => {
    const watch = fromMemory();
    expect(watch.stale).toBe('offline');
    expect(watch.offline).toBe(true);
    expect(watch.lastCheckedAt).toBe(NOW - 3_600_000);
    expect(watch.tab.title).toBe(`Offline · RUNNING · ${shortId(JOB_ID)} · Amplify Job Watch`);
    expect(watch.problem).toEqual({ kind: 'offline' });
    expect(watch.countdown).toBe('');
  });

  it('even a job that had finished is marked as from memory, not as checked now', () => {
    const watch = fromMemory({ job: job('COMPLETED') });
    expect(watch.stale).toBe('offline');
    expect(watch.finished).toBe(true);
  });

  it('a live page that loses the network says offline too, its answer live until two intervals pass', () => {
    const watch = describeWatch(state({ fetchStatus: 'paused' }), NOW);
    expect(watch.offline).toBe(true);
    expect(watch.stale).toBeNull();
    expect(describeWatch(state(), NOW).offline).toBe(false);
  });
});

describe('the tab title while offline', () => {
  it('says Offline, not “Stale · RUNNING” (which reads as the job’s state), once the last answer is old', () => {
    const watch = describeWatch(state({ fetchStatus: 'paused', dataUpdatedAt: NOW - 10_001 }), NOW);
    expect(watch.tab.title).toBe('Offline · RUNNING · 7f3c9e2a… · Amplify Job Watch');
    expect(watch.stale).toBe('offline');
  });
});

describe('“Checking every” in words', () => {
  it('says “1 min”, not “1 min 00 s”', () => {
    const watch = describeWatch(state({ dataUpdatedAt: NOW, intervalMs: 60_000, pollDelayMs: 60_000 }), NOW);
    expect(watch.plan).toBe('Checking every 1 min while the job runs.');
  });
});
