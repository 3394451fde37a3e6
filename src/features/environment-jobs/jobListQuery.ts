import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJob, BackendJobPage, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import type { AmplifyHostingClient, BranchKey, HostingJobPage } from '../../shared/aws/amplifyHosting';
import { isTerminalStatus } from '../../shared/domain/jobStatus';
import { nextPollDelay, retryDelayMs, shouldRetry } from '../../shared/domain/pollingPolicy';

export interface JobListFilters {
  status?: string;
  operation?: string;
}

/** What the list's rules read of a job of either kind (an environment's or a branch's). */
export type ListedJob = Pick<BackendJob, 'jobId' | 'status' | 'createTime'>;

export interface JobListPage<J extends ListedJob> {
  jobs: J[];
  nextToken?: string;
}

type LoadedPages<J extends ListedJob> = InfiniteData<JobListPage<J>, unknown> | undefined;

/** How a list refreshes and retries: the same for every list. */
export interface ListRefreshDeps {
  intervalMs: number;
  hidden: boolean;
  jitterSeed: number;
}

export interface JobListDeps extends ListRefreshDeps {
  client: AmplifyBackendClient;
}

export interface BranchJobListDeps extends ListRefreshDeps {
  client: AmplifyHostingClient;
}

export const LIST_PAGE_SIZE = 25;
/** ListJobs' largest page. */
export const BRANCH_LIST_PAGE_SIZE = 50;

const createdAt = (job: ListedJob): number | undefined => job.createTime?.date?.getTime();

/** Every job loaded so far, newest first (the API promises no order); jobs without a time last. */
export function newestFirst<J extends ListedJob>(data: LoadedPages<J>): J[] {
  const jobs = data?.pages.flatMap((page) => page.jobs) ?? [];
  const time = (job: J) => createdAt(job) ?? -Infinity;
  return [...jobs].sort((a, b) => time(b) - time(a));
}

/**
 * Whether AWS itself listed the loaded jobs newest first, across the page boundaries too: every
 * job has a createTime and none is newer than the one listed before it. The API promises no
 * order, so only what arrived can say.
 */
export function listedNewestFirst(data: LoadedPages<ListedJob>): boolean {
  const jobs = data?.pages.flatMap((page) => page.jobs) ?? [];
  let previous = Infinity;
  for (const job of jobs) {
    const time = createdAt(job);
    if (time === undefined || time > previous) return false;
    previous = time;
  }
  return true;
}

function jobsWord(count: number): string {
  return `${count} job${count === 1 ? '' : 's'}`;
}

/**
 * How the list is sorted, in words, as far as it can be known: the page sorts what it has loaded;
 * whether newer jobs can still be on a later page depends on the order AWS listed them in.
 */
export function describeListOrder(data: LoadedPages<ListedJob>, morePages: boolean): string | null {
  const loaded = data?.pages.reduce((sum, page) => sum + page.jobs.length, 0) ?? 0;
  if (loaded === 0) return null;
  if (!morePages) return `All ${jobsWord(loaded)}, newest first (by created time).`;
  if (listedNewestFirst(data)) {
    return `Newest first (by created time), in the order AWS listed them: ${jobsWord(loaded)} so far, “Load more” asks for the next page.`;
  }
  return (
    `Sorted newest first (by created time) among the ${jobsWord(loaded)} loaded so far. AWS did not list them in time ` +
    'order, so newer jobs may still be on a later page: “Load more” adds them in their place.'
  );
}

const jobKeyOf = (job: ListedJob, index: number): string => job.jobId ?? `#${index}`;

/** The jobs of `after` (sorted) that `before` did not have, in `after`'s order. */
export function newlyLoaded<J extends ListedJob>(before: readonly ListedJob[], after: readonly J[]): J[] {
  const known = new Set(before.map(jobKeyOf));
  return after.filter((job, index) => !known.has(jobKeyOf(job, index)));
}

/** What "Load more" brought: how many, and how many of them sort above jobs already shown. */
export function describeLoadedMore(before: readonly ListedJob[], after: readonly ListedJob[]): string {
  const added = newlyLoaded(before, after);
  if (added.length === 0) return 'No more jobs.';
  const oldestShown = Math.min(...before.map((job) => createdAt(job) ?? Infinity));
  const newer = added.filter((job) => (createdAt(job) ?? -Infinity) > oldestShown).length;
  const head = `${added.length} more job${added.length === 1 ? '' : 's'} loaded.`;
  if (newer === 0) {
    return `${head} ${added.length === 1 ? 'It is older than the jobs shown before, so it follows' : 'All are older than the jobs shown before, so they follow'} them.`;
  }
  const who = newer === added.length ? (newer === 1 ? 'It is' : 'All are') : `${newer} of them ${newer === 1 ? 'is' : 'are'}`;
  return `${head} ${who} newer than some jobs shown before and sorted in among them.`;
}

export function anyRunning(data: LoadedPages<ListedJob>): boolean {
  return newestFirst(data).some((job) => !isTerminalStatus(job.status));
}

/**
 * Refresh while any listed job runs (every page counts), stop when all have ended or after an
 * error that needs the person; retry what may pass by itself.
 */
function refreshWhileRunning(deps: ListRefreshDeps) {
  return {
    refetchInterval: (query: { state: { data: LoadedPages<ListedJob>; status: string } }) =>
      anyRunning(query.state.data)
        ? nextPollDelay({
            status: undefined,
            stoppedByError: query.state.status === 'error',
            intervalMs: deps.intervalMs,
            hidden: deps.hidden,
          })
        : false,
    refetchIntervalInBackground: true,
    retry: shouldRetry,
    retryDelay: (retriesSoFar: number, error: Error) => retryDelayMs(retriesSoFar, error, deps.jitterSeed),
  };
}

/** ListBackendJobs with body filters, `nextToken` paging, and refresh while any listed job runs. */
export function jobListQueryOptions(key: EnvironmentKey, filters: JobListFilters, deps: JobListDeps) {
  return infiniteQueryOptions({
    queryKey: ['jobs', key.region, key.appId, key.envName, filters.status ?? '', filters.operation ?? ''] as const,
    queryFn: ({ pageParam, signal }): Promise<BackendJobPage> =>
      deps.client.listBackendJobs(key, { ...filters, maxResults: LIST_PAGE_SIZE, nextToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    ...refreshWhileRunning(deps),
  });
}

/** A branch's ListJobs (Amplify Hosting), paged and refreshed as the environment's list is. */
export function branchJobListQueryOptions(key: BranchKey, deps: BranchJobListDeps) {
  return infiniteQueryOptions({
    queryKey: ['branch-jobs', key.region, key.appId, key.branchName] as const,
    queryFn: ({ pageParam, signal }): Promise<HostingJobPage> =>
      deps.client.listJobs(key, { maxResults: BRANCH_LIST_PAGE_SIZE, nextToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    ...refreshWhileRunning(deps),
  });
}
