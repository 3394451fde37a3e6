import './estimate.css';
import type { ReactNode } from 'react';
import { isAwsError } from '../aws/awsError';
import type { JobClients, WatchedJob } from '../aws/watchedJob';
import { estimateJob, estimateProgress, estimateSummary, formatRemaining, showsEstimate } from '../domain/jobEstimate';
import { isHostingRef, type JobRef } from '../domain/jobRef';
import { useJobHistory } from '../queries/historyQuery';
import { estimateClass } from './EstimateSlot';
import { formatDuration } from './timeFormat';

export interface JobEstimateProps {
  clients: JobClients;
  /** The job: its environment's (or branch's) earlier jobs are read for the estimate. */
  jobRef: JobRef;
  job: WatchedJob | undefined;
  now: number;
  /** Show the line on how durations are measured (default); a board shows it once instead. */
  note?: boolean;
}

export const DURATION_NOTE =
  'Durations are updateTime − createTime of the environment’s earlier completed jobs of this operation.';
export const HOSTING_DURATION_NOTE = 'Durations are endTime − startTime of the branch’s earlier succeeded jobs of this type.';

/** How durations are measured, for the kind of job: the line under an estimate. */
export function durationNote(ref: JobRef): string {
  return isHostingRef(ref) ? HOSTING_DURATION_NOTE : DURATION_NOTE;
}

function historyProblem(error: unknown, ref: JobRef): string {
  const [place, action] = isHostingRef(ref) ? ['branch', 'amplify:ListJobs'] : ['environment', 'amplifybackend:ListBackendJobs'];
  if (isAwsError(error) && (error.kind === 'access-denied' || error.status === 403)) {
    return `No estimate: listing this ${place}’s jobs (${action}) was denied.`;
  }
  return `No estimate: this ${place}’s earlier jobs could not be read.`;
}

/**
 * "Usually takes 2–4 min (…)" with a progress bar, for a running job; nothing once it has ended.
 * It takes the same room from the first frame on (reading, too few, denied, the estimate), so
 * what follows it on the page does not move when the history arrives. `note={false}` leaves out
 * the line on how durations are measured, for a page that shows it once for many estimates.
 */
export function JobEstimate({ clients, jobRef, job, now, note = true }: JobEstimateProps) {
  if (job === undefined || job.operation === undefined || !showsEstimate(job)) return null;
  // The history is read only from here on. An observer that mounted disabled and was enabled later
  // would ask again after a denial (an errored query counts as stale); one that mounts enabled does not.
  return (
    <RunningJobEstimate clients={clients} jobRef={jobRef} job={{ ...job, operation: job.operation }} now={now} note={note} />
  );
}

function RunningJobEstimate({
  clients,
  jobRef,
  job,
  now,
  note,
}: Omit<JobEstimateProps, 'job'> & { job: WatchedJob & { operation: string } }) {
  const history = useJobHistory(jobRef, clients, true);
  const frame = (summary: string, progress: ReactNode = null) => (
    <div className={estimateClass(note !== false)}>
      <p className="estimate__summary">{summary}</p>
      <div className="estimate__progress">{progress}</div>
      {note !== false ? <p className="estimate__note muted">{durationNote(jobRef)}</p> : null}
    </div>
  );
  if (history.status === 'pending') return frame('Reading earlier jobs for an estimate…');
  if (history.status === 'error') return frame(historyProblem(history.error, jobRef));
  const estimate = estimateJob(history.data, job.operation, job.jobId);
  if (estimate.kind === 'too-few') return frame(estimateSummary(estimate));
  const created = job.createTime?.date?.getTime();
  const progress = created === undefined ? undefined : estimateProgress(estimate, now - created);
  if (progress === undefined) return frame(estimateSummary(estimate));
  if (progress.kind === 'longer-than-usual') {
    return frame(
      estimateSummary(estimate),
      <p className="estimate__late">Taking longer than usual: {formatDuration(progress.overByMs)} past the slowest of them.</p>,
    );
  }
  const valueText = progress.kind === 'on-track' ? formatRemaining(progress.remainingMs) : 'should finish any time now';
  const percent = Math.round(progress.fraction * 100);
  return frame(
    estimateSummary(estimate),
    <>
      <div
        className="estimate__bar"
        role="progressbar"
        aria-label={`Estimated progress of ${job.operation}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <span className="estimate__fill" style={{ width: `${percent}%` }} />
      </div>
      {/* Beside the bar, not on it (the bar's edge would cross the words); the bar says it to screen readers. */}
      <span className="estimate__text" aria-hidden="true">
        {valueText}
      </span>
    </>,
  );
}
