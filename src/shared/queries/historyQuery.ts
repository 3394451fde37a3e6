import { queryOptions, useQuery } from '@tanstack/react-query';
import { isTransient } from '../aws/awsError';
import { readHistory } from '../aws/jobHistory';
import type { JobClients, WatchedJob } from '../aws/watchedJob';
import { isHostingRef, type JobRef } from '../domain/jobRef';

/** One read of an environment's history serves every job of it on the page for this long. */
export const HISTORY_CACHE_MS = 10 * 60 * 1000;

/** Whose history: the job's environment (AmplifyBackend) or branch (Amplify Hosting). */
export function historyQueryKey(ref: JobRef) {
  return isHostingRef(ref)
    ? (['branch-history', ref.region, ref.appId, ref.branchName] as const)
    : (['environment-history', ref.region, ref.appId, ref.envName] as const);
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
