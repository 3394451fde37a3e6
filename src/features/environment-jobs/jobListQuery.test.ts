import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type {
  AmplifyBackendClient,
  BackendJob,
  BackendJobFilters,
  BackendJobPage,
  EnvironmentKey,
} from '../../shared/aws/amplifyBackend';
import type { AmplifyHostingClient, BranchKey, HostingJobPage } from '../../shared/aws/amplifyHosting';
import { AwsError } from '../../shared/aws/awsError';
import { parseJobTime } from '../../shared/aws/jobTime';
import { HIDDEN_MAX_INTERVAL_MS, retryDelayMs } from '../../shared/domain/pollingPolicy';
import {
  BRANCH_LIST_PAGE_SIZE,
  LIST_PAGE_SIZE,
  anyRunning,
  branchJobListQueryOptions,
  describeListOrder,
  describeLoadedMore,
  jobListQueryOptions,
  listedNewestFirst,
  newestFirst,
  type JobListDeps,
} from './jobListQuery';

function job(jobId: string, status: string | undefined, createTime?: string): BackendJob {
  const raw: Record<string, unknown> = { jobId };
  if (status !== undefined) raw.status = status;
  if (createTime !== undefined) raw.createTime = createTime;
  return { jobId, status, createTime: parseJobTime(createTime), raw };
}

function data(...pages: BackendJob[][]): InfiniteData<BackendJobPage, string | undefined> {
  return {
    pages: pages.map((jobs, index) => (index < pages.length - 1 ? { jobs, nextToken: `t${index + 1}` } : { jobs })),
    pageParams: pages.map((_, index) => (index === 0 ? undefined : `t${index}`)),
  };
}

const ids = (jobs: BackendJob[]) => jobs.map((entry) => entry.jobId);

const KEY: EnvironmentKey = { region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', envName: 'staging' };

interface ListCall {
  key: EnvironmentKey;
  filters: BackendJobFilters;
  signal?: AbortSignal;
}

function fakeClient(page: BackendJobPage = { jobs: [] }): AmplifyBackendClient & { calls: ListCall[] } {
  const calls: ListCall[] = [];
  return {
    calls,
    getBackendJob: () => Promise.reject(new Error('not used by the list')),
    listBackendJobs: (key, filters, signal) => {
      calls.push({ key, filters, signal });
      return Promise.resolve(page);
    },
  };
}

function deps(overrides: Partial<JobListDeps> = {}): JobListDeps {
  return { client: fakeClient(), intervalMs: 5_000, hidden: false, jitterSeed: 7, ...overrides };
}

type Options = ReturnType<typeof jobListQueryOptions>;

/** Calls refetchInterval the way React Query does, with only the parts of the query it reads. */
function refetchIntervalFor(
  options: Options,
  state: { data: InfiniteData<BackendJobPage, string | undefined> | undefined; status: string },
) {
  const refetchInterval = options.refetchInterval;
  if (typeof refetchInterval !== 'function') throw new Error('expected refetchInterval to be a function');
  return refetchInterval({ state } as unknown as Parameters<typeof refetchInterval>[0]);
}

describe('newestFirst', () => {
  it('gives an empty list for no data or no pages', () => {
    expect(newestFirst(undefined)).toEqual([]);
    expect(newestFirst({ pages: [], pageParams: [] })).toEqual([]);
    expect(newestFirst(data([]))).toEqual([]);
  });

  it('sorts jobs across all loaded pages, newest first', () => {
    const sorted = newestFirst(
      data(
        [job('b', 'COMPLETED', '2024-05-01T10:00:00Z'), job('d', 'FAILED', '2024-04-01T10:00:00Z')],
        [job('a', 'RUNNING', '2024-06-01T10:00:00Z'), job('c', 'COMPLETED', '2024-04-15T10:00:00Z')],
      ),
    );
    expect(ids(sorted)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('compares epoch-millisecond and ISO times by the instant they denote', () => {
    const epoch = String(Date.UTC(2024, 4, 1, 12, 0, 0));
    const sorted = newestFirst(
      data([
        job('iso-earlier', 'COMPLETED', '2024-05-01T11:59:59Z'),
        job('epoch', 'COMPLETED', epoch),
        job('iso-later', 'COMPLETED', '2024-05-01T14:00:00+02:00'),
      ]),
    );
    // 14:00+02:00 is 12:00Z: the same instant as `epoch`, which came first.
    expect(ids(sorted)).toEqual(['epoch', 'iso-later', 'iso-earlier']);
  });

  it('puts jobs without a usable createTime last, keeping their order', () => {
    const sorted = newestFirst(
      data(
        [job('no-time-1', 'RUNNING'), job('old', 'COMPLETED', '2020-01-01T00:00:00Z')],
        [
          job('garbage-time', 'RUNNING', 'yesterday'),
          job('new', 'COMPLETED', '2024-01-01T00:00:00Z'),
          job('no-time-2', 'FAILED'),
        ],
      ),
    );
    expect(ids(sorted)).toEqual(['new', 'old', 'no-time-1', 'garbage-time', 'no-time-2']);
  });

  it('does not reorder the pages it was given', () => {
    const given = data([job('old', 'COMPLETED', '2020-01-01T00:00:00Z'), job('new', 'COMPLETED', '2024-01-01T00:00:00Z')]);
    newestFirst(given);
    expect(ids(given.pages[0]!.jobs)).toEqual(['old', 'new']);
  });
});

describe('how the list says it is sorted', () => {
  const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T10:00:00Z`;

  it('knows AWS listed newest first only when every time, across pages, is no newer than the one before', () => {
    expect(listedNewestFirst(data([job('c', 'RUNNING', at(3)), job('b', 'FAILED', at(2))], [job('a', 'COMPLETED', at(1))]))).toBe(
      true,
    );
    expect(listedNewestFirst(data([job('c', 'RUNNING', at(3)), job('a', 'FAILED', at(1))], [job('b', 'COMPLETED', at(2))]))).toBe(
      false,
    );
    expect(listedNewestFirst(data([job('a', 'COMPLETED', at(1)), job('b', 'COMPLETED', at(2))]))).toBe(false);
    expect(listedNewestFirst(data([job('b', 'COMPLETED', at(2)), job('no-time', 'COMPLETED')]))).toBe(false);
  });

  it('claims newest first across everything only when everything is loaded', () => {
    expect(describeListOrder(undefined, false)).toBeNull();
    expect(describeListOrder(data([]), false)).toBeNull();
    const ascending = data([job('a', 'COMPLETED', at(1)), job('b', 'COMPLETED', at(2))]);
    expect(describeListOrder(ascending, false)).toBe('All 2 jobs, newest first (by created time).');
    expect(describeListOrder(data([job('a', 'COMPLETED', at(1))]), false)).toBe('All 1 job, newest first (by created time).');
    expect(describeListOrder(ascending, true)).toBe(
      'Sorted newest first (by created time) among the 2 jobs loaded so far. AWS did not list them in time order, ' +
        'so newer jobs may still be on a later page: “Load more” adds them in their place.',
    );
    expect(describeListOrder(data([job('b', 'COMPLETED', at(2)), job('a', 'COMPLETED', at(1))]), true)).toBe(
      'Newest first (by created time), in the order AWS listed them: 2 jobs so far, “Load more” asks for the next page.',
    );
  });

  it('says what Load more brought and whether it sorted in above jobs already shown', () => {
    const shown = [job('d', 'COMPLETED', at(4)), job('c', 'COMPLETED', at(3))];
    const after = (...more: BackendJob[]) => newestFirst(data(shown, more));
    expect(describeLoadedMore(shown, after(job('b', 'COMPLETED', at(2)), job('a', 'COMPLETED', at(1))))).toBe(
      '2 more jobs loaded. All are older than the jobs shown before, so they follow them.',
    );
    expect(describeLoadedMore(shown, after(job('a', 'COMPLETED', at(1))))).toBe(
      '1 more job loaded. It is older than the jobs shown before, so it follows them.',
    );
    expect(describeLoadedMore(shown, after(job('e', 'RUNNING', at(5)), job('a', 'COMPLETED', at(1))))).toBe(
      '2 more jobs loaded. 1 of them is newer than some jobs shown before and sorted in among them.',
    );
    expect(describeLoadedMore(shown, after(job('e', 'RUNNING', at(5))))).toBe(
      '1 more job loaded. It is newer than some jobs shown before and sorted in among them.',
    );
    expect(describeLoadedMore(shown, after())).toBe('No more jobs.');
  });
});

describe('anyRunning', () => {
  it('is false with nothing loaded', () => {
    expect(anyRunning(undefined)).toBe(false);
    expect(anyRunning(data([]))).toBe(false);
  });

  it('is false when every listed job has ended', () => {
    expect(anyRunning(data([job('a', 'COMPLETED'), job('b', 'FAILED')], [job('c', 'completed')]))).toBe(false);
  });

  it.each([['RUNNING'], ['IN_PROGRESS'], ['PENDING'], ['SOMETHING_NEW']])('is true when a job is %s', (status) => {
    expect(anyRunning(data([job('a', 'COMPLETED')], [job('b', status)]))).toBe(true);
  });

  it('is true for a job whose status is missing', () => {
    expect(anyRunning(data([job('a', 'COMPLETED'), job('b', undefined)]))).toBe(true);
  });
});

describe('jobListQueryOptions', () => {
  it('keys the query by region, app, environment and every filter', () => {
    expect(jobListQueryOptions(KEY, { status: 'FAILED', operation: 'CreateBackendAuth' }, deps()).queryKey).toEqual([
      'jobs',
      'eu-west-1',
      'd2k9xq7v1ab3cd',
      'staging',
      'FAILED',
      'CreateBackendAuth',
    ]);
  });

  it('gives a different key when any part differs, so filtered lists are cached apart', () => {
    const keys = [
      jobListQueryOptions(KEY, {}, deps()),
      jobListQueryOptions({ ...KEY, region: 'us-east-1' }, {}, deps()),
      jobListQueryOptions({ ...KEY, appId: 'other' }, {}, deps()),
      jobListQueryOptions({ ...KEY, envName: 'prod' }, {}, deps()),
      jobListQueryOptions(KEY, { status: 'RUNNING' }, deps()),
      jobListQueryOptions(KEY, { operation: 'RUNNING' }, deps()),
      jobListQueryOptions(KEY, { status: 'RUNNING', operation: 'CreateBackendAuth' }, deps()),
    ].map((options) => JSON.stringify(options.queryKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the same key for a missing filter and an empty one', () => {
    expect(jobListQueryOptions(KEY, { status: '' }, deps()).queryKey).toEqual(jobListQueryOptions(KEY, {}, deps()).queryKey);
  });

  it('does not key the query by polling settings', () => {
    expect(jobListQueryOptions(KEY, {}, deps({ intervalMs: 1_000, hidden: true, jitterSeed: 1 })).queryKey).toEqual(
      jobListQueryOptions(KEY, {}, deps()).queryKey,
    );
  });

  it('asks for a page of 25 with the filters and the page token, passing the abort signal', async () => {
    const page: BackendJobPage = { jobs: [job('a', 'RUNNING')], nextToken: 'next' };
    const client = fakeClient(page);
    const options = jobListQueryOptions(KEY, { status: 'RUNNING', operation: 'UpdateBackendAPI' }, deps({ client }));
    const signal = new AbortController().signal;
    const queryFn = options.queryFn as (context: {
      pageParam: string | undefined;
      signal: AbortSignal;
    }) => Promise<BackendJobPage>;

    await expect(queryFn({ pageParam: undefined, signal })).resolves.toBe(page);
    await queryFn({ pageParam: 'token-2', signal });
    expect(client.calls).toEqual([
      {
        key: KEY,
        filters: { status: 'RUNNING', operation: 'UpdateBackendAPI', maxResults: LIST_PAGE_SIZE, nextToken: undefined },
        signal,
      },
      {
        key: KEY,
        filters: { status: 'RUNNING', operation: 'UpdateBackendAPI', maxResults: LIST_PAGE_SIZE, nextToken: 'token-2' },
        signal,
      },
    ]);
    expect(LIST_PAGE_SIZE).toBe(25);
  });

  it('starts without a token and continues with the last page’s nextToken until there is none', () => {
    const options = jobListQueryOptions(KEY, {}, deps());
    expect(options.initialPageParam).toBeUndefined();
    const getNext = options.getNextPageParam as (last: BackendJobPage) => string | undefined;
    expect(getNext({ jobs: [], nextToken: 'abc' })).toBe('abc');
    expect(getNext({ jobs: [job('a', 'COMPLETED')] })).toBeUndefined();
  });

  describe('refetchInterval', () => {
    const options = jobListQueryOptions(KEY, {}, deps({ intervalMs: 5_000 }));

    it('stops when every listed job has ended', () => {
      expect(refetchIntervalFor(options, { data: data([job('a', 'COMPLETED')], [job('b', 'FAILED')]), status: 'success' })).toBe(
        false,
      );
    });

    it('does not poll before anything is loaded, nor an empty list', () => {
      expect(refetchIntervalFor(options, { data: undefined, status: 'pending' })).toBe(false);
      expect(refetchIntervalFor(options, { data: data([]), status: 'success' })).toBe(false);
    });

    it('polls at the configured interval while any listed job runs, on any page', () => {
      const running = data([job('a', 'COMPLETED')], [job('b', 'FAILED'), job('c', 'IN_PROGRESS')]);
      expect(refetchIntervalFor(options, { data: running, status: 'success' })).toBe(5_000);
      const slow = jobListQueryOptions(KEY, {}, deps({ intervalMs: 30_000 }));
      expect(refetchIntervalFor(slow, { data: running, status: 'success' })).toBe(30_000);
    });

    it('polls less often in a hidden tab, but at least once a minute', () => {
      const running = data([job('a', 'RUNNING')]);
      const hidden = jobListQueryOptions(KEY, {}, deps({ intervalMs: 5_000, hidden: true }));
      const delay = refetchIntervalFor(hidden, { data: running, status: 'success' });
      expect(delay).toBeGreaterThan(5_000);
      expect(delay).toBeLessThanOrEqual(HIDDEN_MAX_INTERVAL_MS);
    });

    it('stops after an error that needs the person, even with running jobs listed', () => {
      expect(refetchIntervalFor(options, { data: data([job('a', 'RUNNING')]), status: 'error' })).toBe(false);
    });
  });

  it('retries throttling and outages but not a missing environment or denied access', () => {
    const retry = jobListQueryOptions(KEY, {}, deps()).retry;
    if (typeof retry !== 'function') throw new Error('expected retry to be a function');
    expect(retry(0, new AwsError({ kind: 'throttled', status: 429 }))).toBe(true);
    expect(retry(3, new AwsError({ kind: 'service-unavailable', status: 503 }))).toBe(true);
    expect(retry(0, new AwsError({ kind: 'not-found', status: 404 }))).toBe(false);
    expect(retry(0, new AwsError({ kind: 'access-denied', status: 403 }))).toBe(false);
  });

  it('waits the backoff for this tab’s jitter seed', () => {
    const retryDelay = jobListQueryOptions(KEY, {}, deps({ jitterSeed: 99 })).retryDelay;
    if (typeof retryDelay !== 'function') throw new Error('expected retryDelay to be a function');
    const error = new AwsError({ kind: 'throttled' });
    for (let attempt = 0; attempt < 5; attempt++) expect(retryDelay(attempt, error)).toBe(retryDelayMs(attempt, error, 99));
  });

  it('keeps refreshing in a background tab', () => {
    expect(jobListQueryOptions(KEY, {}, deps()).refetchIntervalInBackground).toBe(true);
  });
});

describe('branchJobListQueryOptions', () => {
  const BRANCH: BranchKey = { kind: 'hosting', region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login' };
  const hostingClient = (page: HostingJobPage = { jobs: [] }) => {
    const calls: unknown[][] = [];
    const client: AmplifyHostingClient = {
      getJob: () => Promise.reject(new Error('not used by the list')),
      listJobs: (...args) => {
        calls.push(args);
        return Promise.resolve(page);
      },
    };
    return { client, calls };
  };
  const branchOptions = (client = hostingClient().client) =>
    branchJobListQueryOptions(BRANCH, { client, intervalMs: 5_000, hidden: false, jitterSeed: 7 });

  it('keys the query by region, app and branch, apart from environments and estimate history', () => {
    expect(branchOptions().queryKey).toEqual(['branch-jobs', 'eu-west-1', 'd2k9xq7v1ab3cd', 'feature/login']);
  });

  it('asks ListJobs for pages of 50 (its largest) with the page token, passing the abort signal', async () => {
    const { client, calls } = hostingClient({ jobs: [], nextToken: 'n2' });
    const queryFn = branchOptions(client).queryFn as (context: {
      pageParam: string | undefined;
      signal: AbortSignal;
    }) => Promise<HostingJobPage>;
    const signal = new AbortController().signal;
    await queryFn({ pageParam: undefined, signal });
    await queryFn({ pageParam: 'n2', signal });
    expect(calls).toEqual([
      [BRANCH, { maxResults: BRANCH_LIST_PAGE_SIZE, nextToken: undefined }, signal],
      [BRANCH, { maxResults: BRANCH_LIST_PAGE_SIZE, nextToken: 'n2' }, signal],
    ]);
    expect(BRANCH_LIST_PAGE_SIZE).toBe(50);
  });

  it('refreshes by the environment list’s rule: while a listed job runs, not once all have ended', () => {
    const refetchInterval = branchOptions().refetchInterval;
    if (typeof refetchInterval !== 'function') throw new Error('expected refetchInterval to be a function');
    const at = (...jobs: BackendJob[]) =>
      refetchInterval({ state: { data: data(jobs), status: 'success' } } as unknown as Parameters<typeof refetchInterval>[0]);
    expect(at(job('2', 'CANCELLING'), job('1', 'SUCCEED'))).toBe(5_000);
    expect(at(job('2', 'CANCELLED'), job('1', 'SUCCEED'))).toBe(false);
    expect(branchOptions().retry).toBe(jobListQueryOptions(KEY, {}, deps()).retry);
  });
});
