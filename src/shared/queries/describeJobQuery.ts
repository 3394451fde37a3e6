import type { UseQueryResult } from '@tanstack/react-query';
import { isAwsError } from '../aws/awsError';
import type { WatchedJob } from '../aws/watchedJob';
import { formatDuration } from '../domain/durationFormat';
import { isTerminalStatus, statusTone, type StatusTone } from '../domain/jobStatus';

/** The part of a job query's result (either kind of job) that says how its watch goes. */
export type JobQueryState = Pick<
  UseQueryResult<WatchedJob, unknown>,
  'data' | 'status' | 'fetchStatus' | 'error' | 'failureReason' | 'failureCount'
>;

/**
 * What keeps the job from being checked as planned, the first that applies: a failure the query retries by itself
 * (throttling, 5xx, network), one that waits for the person (404, 403…: automatic checks stopped), or no network.
 */
export type JobQueryProblem = { kind: 'retrying'; error: unknown } | { kind: 'stopped'; error: unknown } | { kind: 'offline' };

export interface JobQueryDescription {
  checking: boolean;
  problem: JobQueryProblem | null;
  /** The problem is AWS out of reach (network fault, timeout, 5xx): the status shown may not be live. */
  unreachable: boolean;
  /** The last answer was AWS's 404 (no such job or app) or another error: checks stopped until someone tries again. */
  stoppedOn: 'not-found' | 'error' | null;
  /** How the job's status is drawn; `unknown` before the first answer. */
  tone: StatusTone;
  /** The job has ended: it is never checked again by itself. */
  finished: boolean;
}

const UNREACHABLE_KINDS = new Set(['network', 'timeout', 'service-unavailable']);

function problemOf({ fetchStatus, failureCount, failureReason, status, error }: JobQueryState): JobQueryProblem | null {
  if (fetchStatus === 'fetching' && failureCount > 0 && failureReason != null) return { kind: 'retrying', error: failureReason };
  if (status === 'error') return { kind: 'stopped', error };
  return fetchStatus === 'paused' ? { kind: 'offline' } : null;
}

/** What a job query's state means, for the job page, each board row and the board's summary alike. */
export function describeJobQuery(query: JobQueryState): JobQueryDescription {
  const problem = problemOf(query);
  const error = problem?.kind === 'offline' ? undefined : problem?.error;
  const notFound = isAwsError(query.error) && query.error.kind === 'not-found';
  return {
    checking: query.fetchStatus === 'fetching',
    problem,
    unreachable: isAwsError(error) && UNREACHABLE_KINDS.has(error.kind),
    stoppedOn: query.status !== 'error' ? null : notFound ? 'not-found' : 'error',
    tone: statusTone(query.data?.status),
    finished: isTerminalStatus(query.data?.status),
  };
}

/** `7f3c9e2a-5b1d-…` → `7f3c9e2a…`, short enough for a tab title or an announcement. */
export function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

/** "Took 12 min 3 s" once the job has ended, "Running for 40 s" up to `now` before; null without the times to tell. */
export function jobDurationText(job: WatchedJob, now: number): string | null {
  const created = job.createTime?.date?.getTime();
  const updated = job.updateTime?.date?.getTime();
  if (created === undefined) return null;
  if (!isTerminalStatus(job.status)) return `Running for ${formatDuration(now - created)}`;
  return updated === undefined ? null : `Took ${formatDuration(updated - created)}`;
}
