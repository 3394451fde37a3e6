import type { WatchedJob } from '../../shared/aws/watchedJob';
import { MAX_REQUESTS_PER_SECOND } from '../../shared/domain/pollingPolicy';

/**
 * The board's words that do not depend on React: its page (BoardPage, BoardRow) and the rows the
 * page's entry draws before React (app/firstBoardView) say the same from one place.
 */

/** A board row shows the start of a long job error; the job page has all of it. */
export const ROW_ERROR_CHARS = 400;

const shortened = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The line under the board's heading. */
export function boardIntro(jobCount: number): string {
  return jobCount === 0
    ? 'No jobs on this board yet. Use “Add to board” on a job or build page, or on an environment’s job list.'
    : `${jobCount} job${jobCount === 1 ? '' : 's'} watched. The address of this page is the board: share it to share the board.`;
}

/** Why the board checks less often than the chosen interval: the browser's request budget. */
export function stretchedNote(jobsInBrowser: number, intervalMs: number): string {
  return (
    `This browser watches ${jobsInBrowser} jobs across its tabs, so each is checked every ` +
    `${Math.round(intervalMs / 1000)} s: together at most ${MAX_REQUESTS_PER_SECOND} requests a second to AWS.`
  );
}

/** What a row says of the job's own error: a hosting job's failed step and its reason, or the job's error; the start of either. */
export type RowJobError = { kind: 'step'; stepName: string; reason: string } | { kind: 'job'; text: string };

export function rowJobError(job: WatchedJob | undefined): RowJobError | null {
  const failedStep = job?.kind === 'hosting' ? job.failedStep : undefined;
  if (failedStep) {
    return {
      kind: 'step',
      stepName: failedStep.stepName ?? '(unnamed)',
      reason: failedStep.statusReason ? shortened(failedStep.statusReason, ROW_ERROR_CHARS) : 'AWS gave no reason.',
    };
  }
  return job?.error ? { kind: 'job', text: shortened(job.error, ROW_ERROR_CHARS) } : null;
}
