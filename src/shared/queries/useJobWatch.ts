import { useQuery } from '@tanstack/react-query';
import type { JobClients } from '../aws/watchedJob';
import { usePageHidden } from '../browser/visibility';
import type { JobRef } from '../domain/jobRef';
import { budgetedIntervalMs } from '../domain/pollingPolicy';
import { useJobElections, useJobsPolledInBrowser } from './jobPollElections';
import { jobPollDelay, jobQueryOptions, jobWatchOptions } from './jobQuery';

export interface UseJobWatchOptions {
  clients: JobClients;
  intervalMs: number;
  /** The person paused automatic checks for this observer. */
  paused: boolean;
  jitterSeed?: number;
}

/**
 * Watches one job: the shared job query plus this observer's polling (its interval, paused state and
 * the tab's visibility). Returns the query, whether the tab is hidden, and the delay until this
 * observer's next check as the query itself plans it (false: no automatic check is planned).
 */
export function useJobWatch(key: JobRef, { clients, intervalMs, paused, jitterSeed }: UseJobWatchOptions) {
  const hidden = usePageHidden();
  useJobElections([key], { paused });
  const settings = { intervalMs: budgetedIntervalMs(intervalMs, useJobsPolledInBrowser()), hidden, paused };
  const query = useQuery({ ...jobQueryOptions(key, { clients, jitterSeed }), ...jobWatchOptions(settings) });
  return { query, hidden, pollDelayMs: jobPollDelay(query, settings) };
}
