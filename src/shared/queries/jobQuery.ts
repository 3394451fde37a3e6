import { queryOptions } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJobKey } from '../aws/amplifyBackend';
import { isTerminalStatus } from '../domain/jobStatus';
import { nextPollDelay, retryDelayMs, shouldRetry } from '../domain/pollingPolicy';

export interface JobQueryDeps {
  client: AmplifyBackendClient;
  intervalMs: number;
  hidden: boolean;
  /** The person paused auto-refresh. */
  paused: boolean;
  /** Per-tab seed for retry jitter. */
  jitterSeed: number;
}

export function jobQueryKey(key: BackendJobKey) {
  return ['job', key.region, key.appId, key.envName, key.jobId] as const;
}

/**
 * The live job query. Polls while the job runs, never again once it has ended (not on focus,
 * reconnect or remount either: a finished job is fresh forever), and retries only what may pass.
 */
export function jobQueryOptions(key: BackendJobKey, deps: JobQueryDeps) {
  return queryOptions({
    queryKey: jobQueryKey(key),
    queryFn: ({ signal }) => deps.client.getBackendJob(key, signal),
    refetchInterval: (query) =>
      !deps.paused &&
      nextPollDelay({
        status: query.state.data?.status,
        stoppedByError: query.state.status === 'error',
        intervalMs: deps.intervalMs,
        hidden: deps.hidden,
      }),
    refetchIntervalInBackground: true,
    staleTime: (query) => (isTerminalStatus(query.state.data?.status) ? Infinity : 0),
    retry: shouldRetry,
    retryDelay: (retriesSoFar, error) => retryDelayMs(retriesSoFar, error, deps.jitterSeed),
  });
}
