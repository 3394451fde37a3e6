import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { AmplifyBackendClient, BackendJob, BackendJobKey } from '../aws/amplifyBackend';
import { AwsError, errorFromResponse } from '../aws/awsError';
import type { JobClients } from '../aws/watchedJob';
import { ANSWER_CURRENT_ON_OPEN_MS, HIDDEN_MAX_INTERVAL_MS, retryDelayMs, TAB_JITTER_SEED } from '../domain/pollingPolicy';
import {
  jobQueryKey,
  jobQueryOptions,
  jobWatchOptions,
  seedFirstAnswer,
  type JobQueryDeps,
  type WatchSettings,
} from './jobQuery';

const KEY: BackendJobKey = { region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: '7f3c9e2a-5b1d' };

function job(status: string | undefined): BackendJob {
  return { jobId: KEY.jobId, status, raw: { jobId: KEY.jobId, status } };
}

function fakeClient(
  result: BackendJob = job('RUNNING'),
): AmplifyBackendClient & { calls: { key: BackendJobKey; signal?: AbortSignal }[] } {
  const calls: { key: BackendJobKey; signal?: AbortSignal }[] = [];
  return {
    calls,
    getBackendJob: (key, signal) => {
      calls.push({ key, signal });
      return Promise.resolve(result);
    },
    listBackendJobs: () => Promise.reject(new Error('not used by the job page')),
  };
}

/** Hosting jobs are not asked for by these tests. */
const NO_HOSTING: JobClients['hosting'] = {
  getJob: () => Promise.reject(new Error('not a hosting job')),
  listJobs: () => Promise.reject(new Error('not a hosting job')),
};

function deps({
  client = fakeClient(),
  ...overrides
}: Partial<JobQueryDeps> & { client?: AmplifyBackendClient } = {}): JobQueryDeps {
  return { clients: { backend: client, hosting: NO_HOSTING }, jitterSeed: 3, ...overrides };
}

function settings(overrides: Partial<WatchSettings> = {}): WatchSettings {
  return { intervalMs: 5_000, hidden: false, paused: false, ...overrides };
}

type Options = ReturnType<typeof jobQueryOptions>;
type Overrides = ReturnType<typeof jobWatchOptions>;
interface FakeState {
  data: BackendJob | undefined;
  status: 'pending' | 'success' | 'error';
}

/** Calls the option the way React Query does, with only the parts of the query it reads. */
function refetchIntervalFor(options: Overrides, state: FakeState) {
  return options.refetchInterval({ state });
}

function staleTimeFor(options: Options, state: FakeState) {
  const staleTime = options.staleTime;
  if (typeof staleTime !== 'function') throw new Error('expected staleTime to be a function');
  return staleTime({ state } as unknown as Parameters<typeof staleTime>[0]);
}

function retryFor(options: Options, failureCount: number, error: unknown): boolean {
  const retry = options.retry;
  if (typeof retry !== 'function') throw new Error('expected retry to be a function');
  return retry(failureCount, error);
}

describe('jobQueryKey', () => {
  it('holds region, app, environment and job, in that order', () => {
    expect(jobQueryKey(KEY)).toEqual(['job', 'eu-west-1', 'd2k9xq7v1ab3cd', 'staging', '7f3c9e2a-5b1d']);
    expect(jobQueryOptions(KEY, deps()).queryKey).toEqual(jobQueryKey(KEY));
  });

  it('differs when any one part differs', () => {
    const keys = [
      KEY,
      { ...KEY, region: 'us-east-1' },
      { ...KEY, appId: 'other' },
      { ...KEY, envName: 'prod' },
      { ...KEY, jobId: 'other-job' },
    ].map((key) => JSON.stringify(jobQueryKey(key)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not depend on pausing or polling settings, so pausing keeps the cached job', () => {
    // The shared options do not even take them: each observer adds its own polling.
    expect(
      { ...jobQueryOptions(KEY, deps()), ...jobWatchOptions(settings({ paused: true, hidden: true, intervalMs: 60_000 })) }
        .queryKey,
    ).toEqual(jobQueryOptions(KEY, deps()).queryKey);
  });
});

describe('jobQueryOptions', () => {
  it('fetches the job with the query’s abort signal', async () => {
    const client = fakeClient(job('PENDING'));
    const queryFn = jobQueryOptions(KEY, deps({ client })).queryFn as (context: { signal: AbortSignal }) => Promise<BackendJob>;
    const signal = new AbortController().signal;
    await expect(queryFn({ signal })).resolves.toEqual(job('PENDING'));
    expect(client.calls).toEqual([{ key: KEY, signal }]);
  });

  it('leaves polling to each observer: no refetchInterval of its own', () => {
    expect(jobQueryOptions(KEY, deps())).not.toHaveProperty('refetchInterval');
    expect(jobQueryOptions(KEY, deps())).not.toHaveProperty('refetchIntervalInBackground');
  });

  it('uses this tab’s jitter seed when none is given', () => {
    const retryDelay = jobQueryOptions(KEY, { clients: deps().clients }).retryDelay;
    if (typeof retryDelay !== 'function') throw new Error('expected retryDelay to be a function');
    const error = new AwsError({ kind: 'throttled' });
    expect(retryDelay(2, error)).toBe(retryDelayMs(2, error, TAB_JITTER_SEED));
  });
});

describe('jobWatchOptions (per observer)', () => {
  describe('refetchInterval', () => {
    it('polls at the configured interval while the job runs', () => {
      expect(refetchIntervalFor(jobWatchOptions(settings()), { data: job('RUNNING'), status: 'success' })).toBe(5_000);
      expect(
        refetchIntervalFor(jobWatchOptions(settings({ intervalMs: 12_000 })), { data: job('IN_PROGRESS'), status: 'success' }),
      ).toBe(12_000);
    });

    it('keeps polling while the first answer is awaited and for unknown statuses', () => {
      const options = jobWatchOptions(settings());
      expect(refetchIntervalFor(options, { data: undefined, status: 'pending' })).toBe(5_000);
      expect(refetchIntervalFor(options, { data: job(undefined), status: 'success' })).toBe(5_000);
      expect(refetchIntervalFor(options, { data: job('SOMETHING_NEW'), status: 'success' })).toBe(5_000);
    });

    it('polls less often in a hidden tab, but at least once a minute', () => {
      const delay = refetchIntervalFor(jobWatchOptions(settings({ hidden: true })), { data: job('RUNNING'), status: 'success' });
      expect(delay).toBeGreaterThan(5_000);
      expect(delay).toBeLessThanOrEqual(HIDDEN_MAX_INTERVAL_MS);
    });

    it('is false when the person paused auto-refresh', () => {
      const paused = jobWatchOptions(settings({ paused: true }));
      expect(refetchIntervalFor(paused, { data: job('RUNNING'), status: 'success' })).toBe(false);
      expect(refetchIntervalFor(paused, { data: undefined, status: 'pending' })).toBe(false);
    });

    it.each(['COMPLETED', 'FAILED', 'failed', ' Completed '])('is false once the job is %s', (status) => {
      expect(refetchIntervalFor(jobWatchOptions(settings()), { data: job(status), status: 'success' })).toBe(false);
      expect(refetchIntervalFor(jobWatchOptions(settings({ hidden: true })), { data: job(status), status: 'success' })).toBe(
        false,
      );
    });

    it('is false after an error that is not retried, even if an older answer said it was running', () => {
      const options = jobWatchOptions(settings());
      expect(refetchIntervalFor(options, { data: undefined, status: 'error' })).toBe(false);
      expect(refetchIntervalFor(options, { data: job('RUNNING'), status: 'error' })).toBe(false);
    });
  });

  it('adds its phase once, to the wait after the first answer, so rows started together poll apart', () => {
    const row = jobWatchOptions(settings(), 1_250);
    const running = { data: job('RUNNING'), status: 'success' as const };
    const at = (dataUpdateCount: number, errorUpdateCount = 0) =>
      row.refetchInterval({ state: { ...running, dataUpdateCount, errorUpdateCount } });
    expect([at(0), at(1), at(2), at(9)]).toEqual([6_250, 6_250, 5_000, 5_000]);
    expect(at(0, 1)).toBe(6_250);
    expect(at(1, 1)).toBe(5_000);
    expect(row.refetchInterval({ state: { data: job('COMPLETED'), status: 'success', dataUpdateCount: 1 } })).toBe(false);
    expect(refetchIntervalFor(jobWatchOptions(settings({ paused: true }), 1_250), running)).toBe(false);
  });

  it('keeps polling in a background tab (the hidden slowdown handles the rate)', () => {
    expect(jobWatchOptions(settings()).refetchIntervalInBackground).toBe(true);
  });
});

describe('jobQueryOptions, continued', () => {
  describe('staleTime', () => {
    it.each(['COMPLETED', 'FAILED', 'completed'])('is Infinity for a %s job: it never changes again', (status) => {
      expect(staleTimeFor(jobQueryOptions(KEY, deps()), { data: job(status), status: 'success' })).toBe(Infinity);
    });

    it('is 0 while the job runs, has no status yet or has not loaded', () => {
      const options = jobQueryOptions(KEY, deps());
      expect(staleTimeFor(options, { data: job('RUNNING'), status: 'success' })).toBe(0);
      expect(staleTimeFor(options, { data: job(undefined), status: 'success' })).toBe(0);
      expect(staleTimeFor(options, { data: undefined, status: 'pending' })).toBe(0);
    });
  });

  describe('refetchOnMount', () => {
    /** The page mounting `afterMs` after boot's prefetch answered: how many GetBackendJob in all. */
    async function requestsWhenMountedAfter(afterMs: number) {
      vi.useFakeTimers();
      try {
        const client = fakeClient();
        const queryClient = new QueryClient();
        const options = jobQueryOptions(KEY, deps({ client }));
        await queryClient.prefetchQuery(options);
        await vi.advanceTimersByTimeAsync(afterMs);
        const observer = new QueryObserver(queryClient, { ...options, ...jobWatchOptions(settings()) });
        const unsubscribe = observer.subscribe(() => undefined);
        await vi.advanceTimersByTimeAsync(0);
        unsubscribe();
        queryClient.clear();
        return client.calls.length;
      } finally {
        vi.useRealTimers();
      }
    }

    it('a page that mounts just after boot’s request answered shows that answer without asking again', async () => {
      expect(await requestsWhenMountedAfter(0)).toBe(1);
      expect(await requestsWhenMountedAfter(ANSWER_CURRENT_ON_OPEN_MS - 1)).toBe(1);
    });

    it('a page that mounts on an older answer asks again at once', async () => {
      expect(await requestsWhenMountedAfter(ANSWER_CURRENT_ON_OPEN_MS)).toBe(2);
    });

    it('the answer drawn before the app loaded is taken over without asking again, however long the app took', async () => {
      vi.useFakeTimers();
      try {
        const client = fakeClient();
        const queryClient = new QueryClient();
        const options = jobQueryOptions(KEY, deps({ client }));
        seedFirstAnswer(queryClient, KEY, job('RUNNING'), Date.now());
        await vi.advanceTimersByTimeAsync(4 * ANSWER_CURRENT_ON_OPEN_MS);
        const observer = new QueryObserver(queryClient, { ...options, ...jobWatchOptions(settings()) });
        const unsubscribe = observer.subscribe(() => undefined);
        await vi.advanceTimersByTimeAsync(0);
        expect(client.calls).toHaveLength(0);
        expect(observer.getCurrentResult().data?.status).toBe('RUNNING');
        unsubscribe();
        queryClient.clear();
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe('retry', () => {
    const options = jobQueryOptions(KEY, deps());
    const headers = new Headers({ 'x-amzn-requestid': 'req-1' });

    it('does not retry a 404: the job is not there and asking again will not change that', () => {
      const notFound = errorFromResponse({ status: 404, headers }, '{"message":"Job not found"}');
      expect(notFound.kind).toBe('not-found');
      expect(retryFor(options, 0, notFound)).toBe(false);
    });

    it('retries a 429, also after several failures', () => {
      const throttled = errorFromResponse({ status: 429, headers }, '{"message":"Rate exceeded"}');
      expect(throttled.kind).toBe('throttled');
      expect(retryFor(options, 0, throttled)).toBe(true);
      expect(retryFor(options, 10, throttled)).toBe(true);
    });

    it('retries 5xx and network faults but not 400 or 403', () => {
      expect(retryFor(options, 0, errorFromResponse({ status: 503, headers }, ''))).toBe(true);
      expect(retryFor(options, 0, new AwsError({ kind: 'network' }))).toBe(true);
      expect(retryFor(options, 0, errorFromResponse({ status: 400, headers }, '{"message":"bad"}'))).toBe(false);
      expect(retryFor(options, 0, errorFromResponse({ status: 403, headers }, '{"message":"User is not authorized"}'))).toBe(
        false,
      );
    });

    it('does not retry errors that are not AWS errors', () => {
      expect(retryFor(options, 0, new TypeError('x is undefined'))).toBe(false);
    });
  });

  it('waits the backoff for this tab’s jitter seed', () => {
    const retryDelay = jobQueryOptions(KEY, deps({ jitterSeed: 42 })).retryDelay;
    if (typeof retryDelay !== 'function') throw new Error('expected retryDelay to be a function');
    const error = new AwsError({ kind: 'service-unavailable' });
    for (let attempt = 0; attempt < 5; attempt++) expect(retryDelay(attempt, error)).toBe(retryDelayMs(attempt, error, 42));
  });
});
