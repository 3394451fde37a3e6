import './estimate.css';
import type { AmplifyBackendClient, BackendJob, EnvironmentKey } from '../aws/amplifyBackend';
import { isAwsError } from '../aws/awsError';
import { isTerminalStatus } from '../domain/jobStatus';
import { estimateJob, estimateProgress, estimateSummary, formatRemaining } from '../domain/jobEstimate';
import { useEnvironmentHistory } from '../queries/historyQuery';
import { formatDuration } from './timeFormat';

export interface JobEstimateProps {
  client: AmplifyBackendClient;
  env: EnvironmentKey;
  job: BackendJob | undefined;
  now: number;
}

const DURATION_NOTE = 'Durations are updateTime − createTime of the environment’s earlier completed jobs of this operation.';

function historyProblem(error: unknown): string {
  if (isAwsError(error) && (error.kind === 'access-denied' || error.status === 403)) {
    return 'No estimate: listing this environment’s jobs (amplifybackend:ListBackendJobs) was denied.';
  }
  return 'No estimate: this environment’s earlier jobs could not be read.';
}

/** "Usually takes 2–4 min (…)" with a progress bar, for a running job; nothing once it has ended. */
export function JobEstimate({ client, env, job, now }: JobEstimateProps) {
  if (job === undefined || isTerminalStatus(job.status) || job.operation === undefined) return null;
  // The history is read only from here on. An observer that mounted disabled and was enabled later
  // would ask again after a denial (an errored query counts as stale); one that mounts enabled does not.
  return <RunningJobEstimate client={client} env={env} job={{ ...job, operation: job.operation }} now={now} />;
}

function RunningJobEstimate({
  client,
  env,
  job,
  now,
}: Omit<JobEstimateProps, 'job'> & { job: BackendJob & { operation: string } }) {
  const history = useEnvironmentHistory(env, client, true);
  if (history.status === 'pending') {
    return <p className="estimate muted">Reading earlier jobs for an estimate…</p>;
  }
  if (history.status === 'error') {
    return <p className="estimate muted">{historyProblem(history.error)}</p>;
  }
  const estimate = estimateJob(history.data, job.operation, job.jobId);
  if (estimate.kind === 'too-few') {
    return (
      <p className="estimate muted" title={DURATION_NOTE}>
        {estimateSummary(estimate)}
      </p>
    );
  }
  const created = job.createTime?.date?.getTime();
  const progress = created === undefined ? undefined : estimateProgress(estimate, now - created);
  const valueText =
    progress === undefined
      ? undefined
      : progress.kind === 'on-track'
        ? formatRemaining(progress.remainingMs)
        : progress.kind === 'any-time'
          ? 'should finish any time now'
          : `${formatDuration(progress.overByMs)} longer than the slowest earlier job`;
  return (
    <div className="estimate">
      <p className="estimate__summary">{estimateSummary(estimate)}</p>
      {progress?.kind === 'longer-than-usual' ? (
        <p className="estimate__late">Taking longer than usual: {formatDuration(progress.overByMs)} past the slowest of them.</p>
      ) : progress ? (
        <div
          className="estimate__bar"
          role="progressbar"
          aria-label={`Estimated progress of ${job.operation}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.fraction * 100)}
          aria-valuetext={valueText}
        >
          <span className="estimate__fill" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          <span className="estimate__text">{valueText}</span>
        </div>
      ) : null}
      <p className="estimate__note muted">{DURATION_NOTE}</p>
    </div>
  );
}
