import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJob, EnvironmentKey } from '../aws/amplifyBackend';
import { isTransient } from '../aws/awsError';

/** ListBackendJobs pages read for an estimate, at most. */
export const HISTORY_MAX_PAGES = 5;
/** One read of an environment's history serves every job of it on the page for this long. */
export const HISTORY_CACHE_MS = 10 * 60 * 1000;

export function historyQueryKey(env: EnvironmentKey) {
  return ['environment-history', env.region, env.appId, env.envName] as const;
}

/** Reads up to HISTORY_MAX_PAGES pages of ListBackendJobs, newest first as the service lists them. */
export async function readHistory(
  client: AmplifyBackendClient,
  env: EnvironmentKey,
  signal?: AbortSignal,
): Promise<BackendJob[]> {
  const jobs: BackendJob[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
    const result = await client.listBackendJobs(env, nextToken ? { nextToken } : {}, signal);
    jobs.push(...result.jobs);
    nextToken = result.nextToken;
    if (!nextToken) break;
  }
  return jobs;
}

/**
 * An environment's earlier jobs, for estimates. Shared by every job of the environment on the
 * page and kept ten minutes. A denial (403) or other lasting error is not asked again by itself:
 * not on retry, not when another row mounts, not on focus; transient faults get two retries.
 */
export function historyQueryOptions(env: EnvironmentKey, client: AmplifyBackendClient) {
  return queryOptions({
    queryKey: historyQueryKey(env),
    queryFn: ({ signal }) => readHistory(client, env, signal),
    staleTime: HISTORY_CACHE_MS,
    gcTime: HISTORY_CACHE_MS,
    retry: (failureCount, error) => failureCount < 2 && isTransient(error),
    retryOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useEnvironmentHistory(env: EnvironmentKey, client: AmplifyBackendClient, enabled: boolean) {
  return useQuery({ ...historyQueryOptions(env, client), enabled });
}
