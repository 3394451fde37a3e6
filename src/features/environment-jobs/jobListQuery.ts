import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJob, BackendJobPage, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { isTerminalStatus } from '../../shared/domain/jobStatus';
import { nextPollDelay, retryDelayMs, shouldRetry } from '../../shared/domain/pollingPolicy';

export interface JobListFilters {
  status?: string;
  operation?: string;
}

export interface JobListDeps {
  client: AmplifyBackendClient;
  intervalMs: number;
  hidden: boolean;
  jitterSeed: number;
}

export const LIST_PAGE_SIZE = 25;

/** Every job loaded so far, newest first (the API promises no order). */
export function newestFirst(data: InfiniteData<BackendJobPage> | undefined): BackendJob[] {
  const jobs = data?.pages.flatMap((page) => page.jobs) ?? [];
  const time = (job: BackendJob) => job.createTime?.date?.getTime() ?? -Infinity;
  return [...jobs].sort((a, b) => time(b) - time(a));
}

export function anyRunning(data: InfiniteData<BackendJobPage> | undefined): boolean {
  return newestFirst(data).some((job) => !isTerminalStatus(job.status));
}

/** ListBackendJobs with body filters, `nextToken` paging, and refresh while any listed job runs. */
export function jobListQueryOptions(key: EnvironmentKey, filters: JobListFilters, deps: JobListDeps) {
  return infiniteQueryOptions({
    queryKey: ['jobs', key.region, key.appId, key.envName, filters.status ?? '', filters.operation ?? ''] as const,
    queryFn: ({ pageParam, signal }) =>
      deps.client.listBackendJobs(key, { ...filters, maxResults: LIST_PAGE_SIZE, nextToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    refetchInterval: (query) =>
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
    retryDelay: (retriesSoFar, error) => retryDelayMs(retriesSoFar, error, deps.jitterSeed),
  });
}
