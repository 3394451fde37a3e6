/**
 * Watches jobs until each ends, by the page's rules: nextPollDelay between checks (stretched by the
 * request budget when there are many jobs), retries with the page's backoff and jitter for transient
 * errors, a stop on the others. The clock and the wait are given, so a test moves time itself.
 */
import type { WatchedJob } from '../shared/aws/watchedJob';
import { endedWell, isTerminalStatus } from '../shared/domain/jobStatus';
import { budgetedIntervalMs, nextPollDelay, retryDelayMs, shouldRetry } from '../shared/domain/pollingPolicy';
import type { JobOutcome } from './exitCodes';

/** How to ask about one job (GetBackendJob or GetJob). */
export type JobSource = (signal: AbortSignal) => Promise<WatchedJob>;

export type WatchEvent =
  /** A new answer whose status differs from the last one (or the first answer). */
  | { type: 'status'; index: number; job: WatchedJob; at: number }
  /** A check failed and will be retried after `retryInMs`. */
  | { type: 'retry'; index: number; error: unknown; retryInMs: number; at: number }
  /** A check failed with an error that retrying does not mend: this job is not watched further. */
  | { type: 'stopped'; index: number; error: unknown; at: number };

export interface WatchDeps {
  intervalMs: number;
  now: () => number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  jitterSeed: number;
  onEvent: (event: WatchEvent) => void;
}

export interface JobResult {
  outcome: JobOutcome;
  job?: WatchedJob;
  error?: unknown;
}

/** Why the watch was stopped from outside: the timeout or Ctrl-C. */
export type StopReason = 'timed-out' | 'interrupted';

function outcomeOf(status: string | undefined): JobOutcome {
  return endedWell(status) ? 'succeeded' : 'failed';
}

async function watchOne(
  index: number,
  source: JobSource,
  intervalMs: number,
  deps: WatchDeps,
  signal: AbortSignal,
  stopReason: () => StopReason,
): Promise<JobResult> {
  let last: WatchedJob | undefined;
  let retriesSoFar = 0;
  for (;;) {
    let delay: number;
    try {
      const job = await source(signal);
      retriesSoFar = 0;
      if (last === undefined || last.status !== job.status) deps.onEvent({ type: 'status', index, job, at: deps.now() });
      last = job;
      if (isTerminalStatus(job.status)) return { outcome: outcomeOf(job.status), job };
      delay = nextPollDelay({ status: job.status, stoppedByError: false, intervalMs, hidden: false }) || intervalMs;
    } catch (error) {
      if (signal.aborted) return withJob({ outcome: stopReason() }, last);
      if (!shouldRetry(retriesSoFar, error)) {
        deps.onEvent({ type: 'stopped', index, error, at: deps.now() });
        return withJob({ outcome: 'cannot-watch', error }, last);
      }
      delay = retryDelayMs(retriesSoFar, error, deps.jitterSeed);
      retriesSoFar += 1;
      deps.onEvent({ type: 'retry', index, error, retryInMs: delay, at: deps.now() });
    }
    try {
      await deps.wait(delay, signal);
    } catch {
      return withJob({ outcome: stopReason() }, last);
    }
  }
}

function withJob(result: JobResult, job: WatchedJob | undefined): JobResult {
  return job ? { ...result, job } : result;
}

/**
 * Watches every job at once until each has ended, stopped on an error, or `signal` aborted
 * (`stopReason` then says why). Results are in the order of `jobs`.
 */
export function watchJobs(
  jobs: readonly JobSource[],
  deps: WatchDeps,
  signal: AbortSignal,
  stopReason: () => StopReason,
): Promise<JobResult[]> {
  // Many jobs from one machine keep within the page's request budget, as the board does.
  const intervalMs = budgetedIntervalMs(deps.intervalMs, jobs.length);
  return Promise.all(jobs.map((job, index) => watchOne(index, job, intervalMs, deps, signal, stopReason)));
}
