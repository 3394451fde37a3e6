import { hashKey, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { JobClients, WatchedJob } from '../aws/watchedJob';
import { jobRefParts, type JobRef } from '../domain/jobRef';
import { isTerminalStatus } from '../domain/jobStatus';
import { asksAgainOnOpen, nextPollDelay, retryDelayMs, shouldRetry, TAB_JITTER_SEED } from '../domain/pollingPolicy';
import { fetchJob } from './jobPollElections';

export interface JobQueryDeps {
  clients: JobClients;
  /** Per-tab seed for retry jitter; this tab's by default. */
  jitterSeed?: number;
}

/** `['job', region, appId, envName, jobId]`, or `['job', 'hosting', region, appId, branchName, jobId]`. */
export function jobQueryKey(key: JobRef) {
  return ['job', ...jobRefParts(key)] as const;
}

/** Answers the page got before the app loaded (the first status), by query hash: when each came. */
const firstAnswers = new Map<string, number>();

/**
 * Puts the answer the page drew before the app loaded into the cache, as of when it came (so "Last
 * checked" tells the truth). The view that takes it over does not ask again on mount, however long the
 * app took to load: its polling asks next, one interval on.
 */
export function seedFirstAnswer(queryClient: QueryClient, key: JobRef, job: WatchedJob, answeredAt: number): void {
  const queryKey = jobQueryKey(key);
  queryClient.setQueryData(queryKey, job, { updatedAt: answeredAt });
  firstAnswers.set(hashKey(queryKey), answeredAt);
}

/**
 * The job query every observer shares (the job page, a board row, the boot-time prefetch): what to
 * ask, how to retry, and that a finished job is fresh forever (never asked again on focus,
 * reconnect or remount). How often to ask is each observer's own business: see jobWatchOptions.
 */
export function jobQueryOptions(key: JobRef, { clients, jitterSeed = TAB_JITTER_SEED }: JobQueryDeps) {
  return queryOptions({
    queryKey: jobQueryKey(key),
    // One tab per browser asks AWS about a job watched in several (see jobPollElections).
    queryFn: ({ signal }) => fetchJob(clients, key, signal),
    staleTime: (query) => (isTerminalStatus(query.state.data?.status) ? Infinity : 0),
    // A page that mounts just after its answer came (boot's request for the deep link answered
    // before the first render ended), or on the answer drawn before the app loaded, shows it instead
    // of asking again at once.
    refetchOnMount: (query) =>
      firstAnswers.get(query.queryHash) !== query.state.dataUpdatedAt && asksAgainOnOpen(query.state.dataUpdatedAt, Date.now()),
    retry: shouldRetry,
    retryDelay: (retriesSoFar, error) => retryDelayMs(retriesSoFar, error, jitterSeed),
  });
}

/** One observer's polling settings. */
export interface WatchSettings {
  intervalMs: number;
  /** The tab is hidden: poll less often. */
  hidden: boolean;
  /** The person paused automatic checks for this observer. */
  paused: boolean;
}

/** The parts of a job query's state the polling policy reads (a Query's `state`, or an observer's result). */
export interface JobQueryStateLike {
  data: WatchedJob | undefined;
  status: 'pending' | 'error' | 'success';
}

/** Milliseconds until this observer's next check, or false when it should not ask again by itself. */
export function jobPollDelay(state: JobQueryStateLike, settings: WatchSettings): number | false {
  return nextPollDelay({ status: state.data?.status, stoppedByError: state.status === 'error', ...settings });
}

/** How many answers (and errors) the query has had: React Query's counters. */
interface AnswerCounts {
  dataUpdateCount?: number;
  errorUpdateCount?: number;
}

/**
 * Per-observer overrides for jobQueryOptions: polls while the job runs, by this observer's interval,
 * hidden and paused state. Several observers of one job each poll by their own settings.
 * `phaseMs` is added once, to the wait after the first answer: observers that started together (the
 * board's rows, all asked at once so every status shows as soon as it can) poll apart from then on.
 */
export function jobWatchOptions(settings: WatchSettings, phaseMs = 0) {
  return {
    refetchInterval: (query: { state: JobQueryStateLike & AnswerCounts }) => {
      const delay = jobPollDelay(query.state, settings);
      const answers = (query.state.dataUpdateCount ?? 0) + (query.state.errorUpdateCount ?? 0);
      return delay !== false && answers <= 1 ? delay + phaseMs : delay;
    },
    // A hidden tab keeps watching; the hidden slowdown handles the rate.
    refetchIntervalInBackground: true,
  };
}
