import type { BackendJob } from '../../shared/aws/amplifyBackend';
import { isAwsError } from '../../shared/aws/awsError';
import { APP_TITLE } from '../../shared/browser/documentTitle';
import type { TabState } from '../../shared/browser/tabIndicator';
import { isTerminalStatus, statusTone } from '../../shared/domain/jobStatus';
import { retryDelayMs } from '../../shared/domain/pollingPolicy';
import { formatDuration } from '../../shared/ui/timeFormat';

/** What the job page knows at one moment: the query's state plus this page's own watch settings. */
export interface WatchState {
  jobId: string;
  job: BackendJob | undefined;
  status: 'pending' | 'error' | 'success';
  fetchStatus: 'fetching' | 'paused' | 'idle';
  error: unknown;
  failureReason: unknown;
  failureCount: number;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  paused: boolean;
  hidden: boolean;
  /** When the query plans its next automatic check (from the polling policy); false: none planned. */
  pollDelayMs: number | false;
  /** The deployment can sign people in: missing credentials ask for a sign-in instead of failing. */
  canSignIn: boolean;
  jitterSeed: number;
}

export type WatchProblem =
  /** A failure that is retried by itself (throttling, 5xx, network). */
  | { kind: 'retrying'; error: unknown; failedAt: Date; retryInSeconds: number; hasJob: boolean }
  /** Credentials need a signed-in person. */
  | { kind: 'sign-in'; hasJob: boolean }
  /** A failure that waits for the person (404, 403…): automatic checks are stopped. */
  | { kind: 'stopped'; error: unknown; failedAt: Date; hasJob: boolean }
  | { kind: 'offline' };

export interface WatchDescription {
  /** Tab title and favicon. */
  tab: { title: string; state: TabState };
  problem: WatchProblem | null;
  /** Nothing to show yet: the first answer is awaited. */
  loading: boolean;
  /** The job has ended: it is never checked again by itself. */
  finished: boolean;
  /** A check is in flight. */
  checking: boolean;
  /** Milliseconds until the next automatic check, or null when none is planned. */
  nextCheckInMs: number | null;
  /** When the last answer arrived (epoch ms), or null before the first. */
  lastCheckedAt: number | null;
  /** The short line next to the watch controls: paused, checking now, or the countdown. */
  countdown: string;
  /** What the checks do from here, in words: how often, stopped, or finished. */
  plan: string;
}

const UNREACHABLE_KINDS = new Set(['network', 'timeout', 'service-unavailable']);

/** `7f3c9e2a-5b1d-…` → `7f3c9e2a…`, short enough for a tab title. */
export function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

function tabStateFor(job: BackendJob | undefined, unreachable: boolean): TabState {
  if (unreachable) return 'unreachable';
  if (!job) return 'idle';
  const tone = statusTone(job.status);
  return tone === 'completed' ? 'completed' : tone === 'failed' ? 'failed' : 'running';
}

function problemFor(state: WatchState, now: number, retrying: boolean, needsSignIn: boolean): WatchProblem | null {
  const { job, status, error, failureReason, failureCount, errorUpdatedAt, fetchStatus, jitterSeed } = state;
  const hasJob = job !== undefined;
  if (retrying) {
    const failedAt = isAwsError(failureReason) ? failureReason.at : new Date(now);
    const dueAt = failedAt.getTime() + retryDelayMs(failureCount - 1, failureReason, jitterSeed);
    return { kind: 'retrying', error: failureReason, failedAt, retryInSeconds: Math.ceil((dueAt - now) / 1000), hasJob };
  }
  if (needsSignIn) return { kind: 'sign-in', hasJob };
  if (status === 'error') {
    return { kind: 'stopped', error, failedAt: isAwsError(error) ? error.at : new Date(errorUpdatedAt), hasJob };
  }
  if (fetchStatus === 'paused') return { kind: 'offline' };
  return null;
}

/** Everything the job page shows about the watch itself, derived from its state at `now`. */
export function describeWatch(state: WatchState, now: number): WatchDescription {
  const { job, status, fetchStatus, error, failureReason, failureCount, dataUpdatedAt, errorUpdatedAt, paused, hidden } = state;
  const checking = fetchStatus === 'fetching';
  const retrying = checking && failureCount > 0 && failureReason != null;
  const currentProblem = retrying ? failureReason : status === 'error' ? error : null;
  const needsSignIn = state.canSignIn && status === 'error' && isAwsError(error) && error.kind === 'no-credentials';
  const unreachable = isAwsError(currentProblem) && UNREACHABLE_KINDS.has(currentProblem.kind);

  const titleStatus = job?.status ?? (needsSignIn ? 'Sign in' : status === 'error' ? 'Error' : 'Loading');
  const title = `${unreachable ? 'Can’t reach AWS · ' : ''}${titleStatus} · ${shortId(state.jobId)} · ${APP_TITLE}`;

  const finished = isTerminalStatus(job?.status);
  const delay = state.pollDelayMs;
  const lastSettled = Math.max(dataUpdatedAt, errorUpdatedAt);
  // `now` ticks once a second and may predate the check that just landed.
  const nextCheckInMs = delay === false || lastSettled === 0 ? null : lastSettled + delay - Math.max(now, lastSettled);

  let countdown: string;
  if (paused) countdown = 'Auto-refresh is paused.';
  else if (checking) countdown = 'Checking now…';
  else if (nextCheckInMs === null) countdown = '';
  else
    countdown = `Next check in ${formatDuration(Math.max(0, nextCheckInMs) + 999)}${hidden ? ' (slower while this tab is hidden)' : ''}.`;

  const plan = finished
    ? 'The job has finished; no more checks.'
    : delay === false
      ? status === 'error'
        ? 'Automatic checks are stopped.'
        : ''
      : `Checking every ${formatDuration(delay)} while the job runs.`;

  return {
    tab: { title, state: tabStateFor(job, unreachable) },
    problem: problemFor(state, now, retrying, needsSignIn),
    loading: !job && status === 'pending' && !retrying,
    finished,
    checking,
    nextCheckInMs,
    lastCheckedAt: dataUpdatedAt > 0 ? dataUpdatedAt : null,
    countdown,
    plan,
  };
}
