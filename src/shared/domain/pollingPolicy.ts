import { isAwsError, isTransient } from '../aws/awsError';
import { isTerminalStatus } from './jobStatus';

export const MAX_BACKOFF_MS = 60_000;
/** One seed per tab: the retry delay a person is shown is the one React Query waits. */
export const TAB_JITTER_SEED = Math.floor(Math.random() * 2 ** 31);
/** A hidden tab polls about four times less often, but at least once a minute. */
export const HIDDEN_SLOWDOWN = 4;
export const HIDDEN_MAX_INTERVAL_MS = 60_000;
/** An answer older than this many poll delays is shown as stale (as of its time), not as live. */
export const STALE_AFTER_INTERVALS = 2;
/**
 * A view that opens this soon after an answer shows that answer instead of asking again: the job
 * page joining the request boot sent for its deep link, when that request answered before the page
 * had rendered. Shorter than any poll interval; an older answer is asked about again on opening.
 */
export const ANSWER_CURRENT_ON_OPEN_MS = 2_000;

/**
 * The most AmplifyBackend (and Amplify) requests one browser sends a second, across all its tabs:
 * a small share of the account's API rate, whatever number of jobs and tabs are open.
 */
export const MAX_REQUESTS_PER_SECOND = 5;

/** The interval that keeps `jobs` jobs polled by this browser within MAX_REQUESTS_PER_SECOND: the chosen one, or longer. */
export function budgetedIntervalMs(intervalMs: number, jobs: number): number {
  return Math.max(intervalMs, Math.ceil((jobs * 1000) / MAX_REQUESTS_PER_SECOND));
}

/** Whether a view that opens now asks again about a job last answered at `answeredAt` (0: never). */
export function asksAgainOnOpen(answeredAt: number, now: number): boolean {
  return answeredAt === 0 || now - answeredAt >= ANSWER_CURRENT_ON_OPEN_MS;
}

export interface PollState {
  status: string | undefined;
  /** True when the last fetch failed with an error that is not retried automatically. */
  stoppedByError: boolean;
  intervalMs: number;
  hidden: boolean;
  /** The person paused automatic checks (for this observer). */
  paused?: boolean;
}

/**
 * Milliseconds until the next check, or false when the watch should stop asking. The one place the
 * polling policy is decided: the query's refetchInterval and the page's countdown both ask here.
 */
export function nextPollDelay({ status, stoppedByError, intervalMs, hidden, paused = false }: PollState): number | false {
  if (paused || stoppedByError || isTerminalStatus(status)) return false;
  if (!hidden) return intervalMs;
  return Math.max(intervalMs, Math.min(intervalMs * HIDDEN_SLOWDOWN, HIDDEN_MAX_INTERVAL_MS));
}

/** Throttling, 5xx, timeouts, network faults and unreadable answers retry; 400/403/404 wait for the person. */
export function shouldRetry(_failureCount: number, error: unknown): boolean {
  return isTransient(error);
}

/** A number in [0, 1) that depends only on its inputs (mulberry32), so the delay shown is the delay used. */
export function jitter(seed: number, attempt: number): number {
  let t = (Math.imul(seed | 0, 0x9e3779b1) + Math.imul(attempt + 1, 0x85ebca6b)) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … (2 s, 4 s … when throttled), capped at a minute,
 * each scaled into [50 %, 100 %] so many tabs do not retry in step.
 * `retriesSoFar` counts from 0 for the first retry, as React Query passes it.
 */
export function retryDelayMs(retriesSoFar: number, error: unknown, seed: number): number {
  const base = isAwsError(error) && error.kind === 'throttled' ? 2_000 : 1_000;
  const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(retriesSoFar, 16));
  return Math.round(ceiling * (0.5 + 0.5 * jitter(seed, retriesSoFar)));
}
