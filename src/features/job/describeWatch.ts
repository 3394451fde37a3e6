import { isAwsError } from '../../shared/aws/awsError';
import type { WatchedJob } from '../../shared/aws/watchedJob';
import { APP_TITLE } from '../../shared/browser/documentTitle';
import type { TabState } from '../../shared/browser/tabIndicator';
import { statusWord } from '../../shared/domain/jobStatus';
import { retryDelayMs, STALE_AFTER_INTERVALS } from '../../shared/domain/pollingPolicy';
import {
  describeJobQuery,
  shortId,
  type JobQueryDescription,
  type JobQueryProblem,
  type JobQueryState,
} from '../../shared/queries/describeJobQuery';
import { formatDuration, formatInterval } from '../../shared/ui/timeFormat';

/** What the job page knows at one moment: the query's state plus this page's own watch settings. */
export interface WatchState extends Omit<JobQueryState, 'data'> {
  jobId: string;
  job: WatchedJob | undefined;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  paused: boolean;
  hidden: boolean;
  /** The interval this tab checks at while visible. */
  intervalMs: number;
  /** When the query plans its next automatic check (from the polling policy); false: none planned. */
  pollDelayMs: number | false;
  /** The deployment can sign people in: missing credentials ask for a sign-in instead of failing. */
  canSignIn: boolean;
  jitterSeed: number;
  /**
   * `job` is this browser's last known answer from an earlier visit (the page opened with no network),
   * and `dataUpdatedAt` when that answer came.
   */
  fromMemory?: boolean;
}

/** The query's problem (`JobQueryProblem`) as the page tells it, or credentials that need a signed-in person. */
export type WatchProblem =
  | { kind: 'retrying'; error: unknown; failedAt: Date; retryInSeconds: number; hasJob: boolean }
  | { kind: 'sign-in'; hasJob: boolean }
  /** For a 404, `regionMistake` says whether another region could be the answer (AWS did not find the app). */
  | { kind: 'stopped'; error: unknown; failedAt: Date; hasJob: boolean; notFound: boolean; regionMistake: boolean }
  | { kind: 'offline' };

export interface WatchDescription extends Pick<JobQueryDescription, 'checking' | 'finished'> {
  /** Tab title and favicon. */
  tab: { title: string; state: TabState };
  problem: WatchProblem | null;
  /** Nothing to show yet: the first answer is awaited. */
  loading: boolean;
  /** Milliseconds until the next automatic check, or null when none is planned. */
  nextCheckInMs: number | null;
  /** When the last answer arrived (epoch ms), or null before the first. */
  lastCheckedAt: number | null;
  /**
   * The job shown is not live: paused, or its last answer is older than two intervals (backoff,
   * offline, checks stopped). It is then shown "as of" lastCheckedAt, its elapsed time stopped there.
   */
  stale: 'paused' | 'stale' | 'offline' | null;
  /** No network: checks wait for it (and the status shown may be from an earlier visit). */
  offline: boolean;
  /** The countdown to the next check, or "Checking now…"; empty when neither applies. */
  countdown: string;
  /** What the checks do from here, in words: how often, paused, stopped, or finished; empty when a problem panel says it. */
  plan: string;
  /** The controls that can do something now. */
  controls: { refresh: boolean; pause: boolean; interval: boolean; notify: boolean };
  /** Something on the page changes every second (countdowns, elapsed time): re-read the clock that often. */
  ticking: boolean;
}

function tabStateFor(job: WatchedJob | undefined, { unreachable, tone }: JobQueryDescription): TabState {
  if (unreachable) return 'unreachable';
  if (!job) return 'idle';
  return tone === 'completed' || tone === 'failed' ? tone : 'running';
}

function problemFor(state: WatchState, found: JobQueryProblem | null, now: number, needsSignIn: boolean): WatchProblem | null {
  const { job, failureCount, errorUpdatedAt, jitterSeed } = state;
  const hasJob = job !== undefined;
  if (found?.kind === 'retrying') {
    const failedAt = isAwsError(found.error) ? found.error.at : new Date(now);
    const dueAt = failedAt.getTime() + retryDelayMs(failureCount - 1, found.error, jitterSeed);
    return { ...found, failedAt, retryInSeconds: Math.ceil((dueAt - now) / 1000), hasJob };
  }
  if (needsSignIn) return { kind: 'sign-in', hasJob };
  if (found?.kind === 'stopped') {
    const { error } = found;
    const notFound = isAwsError(error) && error.kind === 'not-found';
    const failedAt = isAwsError(error) ? error.at : new Date(errorUpdatedAt);
    return { ...found, failedAt, hasJob, notFound, regionMistake: notFound && regionMistakePlausible(error.serverMessage) };
  }
  return found;
}

/**
 * A 404 for the job itself ("Job … not found for environment …", or a hosting job's branch) means AWS found the app in this
 * region: another region is then no answer. Any other 404 (the app not found, or no message) may be one.
 */
export function regionMistakePlausible(serverMessage: string | undefined): boolean {
  return !/^\s*(job|environment|backend environment|branch)\b/i.test(serverMessage ?? '');
}

/** How the tab title says the status shown is not live. */
const STALE_TITLE_PREFIX: Record<NonNullable<WatchDescription['stale']>, string> = {
  paused: 'Paused · ',
  offline: 'Offline · ',
  stale: 'Stale · ',
};

/** Everything the job page shows about the watch itself, derived from its state at `now`. */
export function describeWatch(state: WatchState, now: number): WatchDescription {
  const { job, status, fetchStatus, error, dataUpdatedAt, errorUpdatedAt, paused, hidden } = state;
  const query = describeJobQuery({ ...state, data: job });
  const { checking, finished } = query;
  const retrying = query.problem?.kind === 'retrying';
  const needsSignIn = state.canSignIn && status === 'error' && isAwsError(error) && error.kind === 'no-credentials';

  const problem = problemFor(state, query.problem, now, needsSignIn);
  const hasJob = job !== undefined;
  const checksStopped = finished || problem?.kind === 'stopped' || problem?.kind === 'sign-in';
  const delay = state.pollDelayMs;
  const lastSettled = Math.max(dataUpdatedAt, errorUpdatedAt);
  // `now` ticks once a second and may predate the check that just landed.
  const nextCheckInMs = delay === false || lastSettled === 0 ? null : lastSettled + delay - Math.max(now, lastSettled);

  // While checks fail (backoff, offline) an answer stays live for two intervals (the hidden tab's
  // longer one when hidden); once checks have stopped on an error it is not live at all. A healthy
  // check that is merely slow, or a late timer, does not make it stale.
  const staleAfterMs = STALE_AFTER_INTERVALS * (typeof delay === 'number' ? delay : state.intervalMs);
  const troubled = retrying || fetchStatus === 'paused';
  let stale: WatchDescription['stale'] = null;
  if (hasJob && state.fromMemory) stale = 'offline';
  else if (hasJob && !finished) {
    if (paused) stale = 'paused';
    else if (problem?.kind === 'stopped' || problem?.kind === 'sign-in') stale = 'stale';
    // With no network it is the page that is offline, not the job: the title says Offline, never Stale · RUNNING.
    else if (troubled && now - dataUpdatedAt > staleAfterMs) stale = fetchStatus === 'paused' ? 'offline' : 'stale';
  }

  const titleStatus =
    (job?.status === undefined ? undefined : statusWord(job.status)) ??
    (needsSignIn ? 'Sign in' : status === 'error' ? 'Error' : 'Loading');
  // Can't reach AWS already says the status is not live, and why.
  const prefix = query.unreachable ? 'Can’t reach AWS · ' : stale ? STALE_TITLE_PREFIX[stale] : '';
  const title = `${prefix}${titleStatus} · ${shortId(state.jobId)} · ${APP_TITLE}`;

  // One account of what the page is doing: a problem panel speaks for itself while there is one.
  const watching = hasJob && !checksStopped && problem === null;
  let countdown = '';
  if (watching && !paused) {
    if (checking) countdown = 'Checking now…';
    else if (nextCheckInMs !== null)
      countdown = `Next check in ${formatDuration(Math.max(0, nextCheckInMs) + 999)}${hidden ? ' (slower while this tab is hidden)' : ''}.`;
  }
  let plan = '';
  if (finished) plan = 'The job has finished; no more checks.';
  else if (problem?.kind === 'stopped') plan = 'Automatic checks are stopped.';
  else if (watching && paused) plan = 'Auto-refresh is paused.';
  else if (watching && delay !== false) plan = `Checking every ${formatInterval(delay)} while the job runs.`;

  const canCheck = hasJob && problem?.kind !== 'stopped' && problem?.kind !== 'sign-in';
  return {
    tab: { title, state: tabStateFor(job, query) },
    problem,
    loading: !job && status === 'pending' && !retrying,
    finished,
    checking,
    nextCheckInMs,
    lastCheckedAt: dataUpdatedAt > 0 ? dataUpdatedAt : null,
    stale,
    offline: fetchStatus === 'paused' || state.fromMemory === true,
    countdown,
    plan,
    controls: {
      refresh: canCheck,
      pause: canCheck && !finished,
      interval: canCheck && !finished,
      notify: hasJob && !checksStopped,
    },
    ticking: !checksStopped,
  };
}
