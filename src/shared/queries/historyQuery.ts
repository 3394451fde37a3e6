import { queryOptions, useQuery } from '@tanstack/react-query';
import { isTransient } from '../aws/awsError';
import type { JobClients, WatchedJob } from '../aws/watchedJob';
import { isHostingRef, type JobRef } from '../domain/jobRef';

/** ListBackendJobs (or ListJobs) pages read for an estimate, at most. */
export const HISTORY_MAX_PAGES = 5;
/** One read of an environment's history serves every job of it on the page for this long. */
export const HISTORY_CACHE_MS = 10 * 60 * 1000;

/** ListJobs' largest page: a branch's history in one or two requests. */
const HOSTING_PAGE_SIZE = 50;

/** Whose history: the job's environment (AmplifyBackend) or branch (Amplify Hosting). */
export function historyQueryKey(ref: JobRef) {
  return isHostingRef(ref)
    ? (['branch-history', ref.region, ref.appId, ref.branchName] as const)
    : (['environment-history', ref.region, ref.appId, ref.envName] as const);
}

/** Reads up to HISTORY_MAX_PAGES pages of ListBackendJobs or ListJobs, newest first as the services list them. */
export async function readHistory(clients: JobClients, ref: JobRef, signal?: AbortSignal): Promise<WatchedJob[]> {
  const jobs: WatchedJob[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
    const result = isHostingRef(ref)
      ? await clients.hosting.listJobs(ref, { maxResults: HOSTING_PAGE_SIZE, nextToken }, signal)
      : await clients.backend.listBackendJobs(ref, nextToken ? { nextToken } : {}, signal);
    jobs.push(...result.jobs);
    nextToken = result.nextToken;
    if (!nextToken) break;
  }
  return jobs;
}

/**
 * An environment's (or branch's) earlier jobs, for estimates. Shared by every job of it on the
 * page and kept ten minutes. A denial (403) or other lasting error is not asked again by itself:
 * not on retry, not when another row mounts, not on focus; transient faults get two retries.
 */
export function historyQueryOptions(ref: JobRef, clients: JobClients) {
  return queryOptions<WatchedJob[]>({
    queryKey: historyQueryKey(ref),
    queryFn: ({ signal }) => readHistory(clients, ref, signal),
    staleTime: HISTORY_CACHE_MS,
    gcTime: HISTORY_CACHE_MS,
    retry: (failureCount, error) => failureCount < 2 && isTransient(error),
    retryOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useJobHistory(ref: JobRef, clients: JobClients, enabled: boolean) {
  return useQuery({ ...historyQueryOptions(ref, clients), enabled });
}
