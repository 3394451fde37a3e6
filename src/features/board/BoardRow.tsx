import type { JobClients } from '../../shared/aws/watchedJob';
import { Link } from '../../shared/browser/history';
import type { AppConfig } from '../../shared/config/appConfig';
import type { BoardJob } from '../../shared/domain/boardLink';
import { jobPlace, placeName } from '../../shared/domain/jobRef';
import { jobRefPagePath } from '../../shared/domain/jobRoutes';
import { describeJobQuery, jobDurationText, type JobQueryProblem } from '../../shared/queries/describeJobQuery';
import { useLastKnownJob } from '../../shared/queries/useLastKnownJob';
import { AbsoluteTime } from '../../shared/ui/AbsoluteTime';
import { ConsoleLink } from '../../shared/ui/ConsoleLink';
import { describeError, jobErrorContext } from '../../shared/ui/describeError';
import { JobEstimate } from '../../shared/ui/JobEstimate';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { boardJobName, boardJobNameInSentence, jobKindName } from './boardJobNames';
import { rowJobError } from './boardText';
import type { JobResult } from './useBoardWatch';

export type BoardRowConfig = Pick<
  AppConfig,
  'amplifyBackendEndpoint' | 'signingHost' | 'amplifyEndpoint' | 'amplifySigningHost' | 'region'
>;

export interface BoardRowProps {
  job: BoardJob;
  result: JobResult;
  config: BoardRowConfig;
  clients: JobClients;
  now: number;
  onRemove: () => void;
}

/** What keeps this row from being checked, if anything; only this row shows it. */
function RowProblem({
  job,
  result,
  config,
  problem,
  checkedAt,
}: Pick<BoardRowProps, 'job' | 'result' | 'config'> & { problem: JobQueryProblem | null; checkedAt: number | undefined }) {
  if (problem?.kind === 'offline') {
    return (
      <p className="board-row__problem board-row__problem--warning">
        {checkedAt ? (
          <>
            Offline — last checked <AbsoluteTime date={new Date(checkedAt)} format="time" />.{' '}
          </>
        ) : (
          'Offline: '
        )}
        checks resume when the connection is back.
      </p>
    );
  }
  if (!problem) return null;
  // GetBackendJob or GetJob, and the host it was signed for, by the kind of job.
  const description = describeError(problem.error, jobErrorContext(config, job));
  const serverMessage = description.serverMessage ? <q className="server-message">{description.serverMessage}</q> : null;
  if (problem.kind === 'retrying') {
    return (
      <p className="board-row__problem board-row__problem--warning">
        {description.title} — retrying. {serverMessage}
      </p>
    );
  }
  return (
    <div className="board-row__problem board-row__problem--error">
      <p>
        <strong>{description.title}</strong> {description.detail}
      </p>
      {serverMessage ? <p>AWS said: {serverMessage}</p> : null}
      <button type="button" className="button button--small" onClick={() => void result.refetch()}>
        Try again
      </button>
    </div>
  );
}

export function BoardRow({ job, result, config, clients, now, onRemove }: BoardRowProps) {
  // Opened with no network: the row shows the job as this browser last saw it, stopped at that time.
  const { data, fromMemory } = useLastKnownJob(job, result);
  // The board's summary counts the row by the same description.
  const { problem, stoppedOn } = describeJobQuery(result);
  const checkedAt = fromMemory?.checkedAt ?? (result.dataUpdatedAt || undefined);
  const duration = data ? jobDurationText(data, fromMemory ? fromMemory.checkedAt : now) : null;
  // A hosting job's error is its failed step and that step's reason: the row names both.
  const jobError = rowJobError(data);
  return (
    <li className="board-row" aria-label={boardJobName(job)}>
      <div className="board-row__status">
        {data ? (
          <StatusBadge status={data.status} />
        ) : (
          <span className="muted">{!stoppedOn ? 'Loading…' : stoppedOn === 'not-found' ? 'Not found' : 'Not checked'}</span>
        )}
        {duration ? <span className="muted">{duration}</span> : null}
      </div>
      <div className="board-row__main">
        <p className="board-row__kind">
          <strong>{jobKindName(job)}</strong> · {jobPlace(job)}
        </p>
        <p className="board-row__operation">
          {data?.operation ? (
            <span className="mono">{data.operation}</span>
          ) : (
            <span className="muted">Operation not known yet</span>
          )}
        </p>
        <p className="board-row__where muted">
          <span className="mono break">{job.appId}</span> / <span className="mono break">{placeName(job)}</span> / {job.region}
        </p>
        <p className="board-row__id">
          Job{' '}
          <Link href={jobRefPagePath(job, config.region)} className="mono break">
            {job.jobId}
          </Link>
        </p>
        {/* The note on how durations are measured is the board's, once, not each row's. */}
        <JobEstimate clients={clients} jobRef={job} job={data} now={now} note={false} />
        {jobError?.kind === 'step' ? (
          <p className="board-row__job-error">
            <strong>
              Failed in step <span className="mono">{jobError.stepName}</span>:
            </strong>{' '}
            <span className="break">{jobError.reason}</span>
          </p>
        ) : jobError ? (
          <p className="board-row__job-error">
            <strong>The job reported an error:</strong> <span className="break">{jobError.text}</span>
          </p>
        ) : null}
        <RowProblem job={job} result={result} config={config} problem={problem} checkedAt={checkedAt} />
      </div>
      <div className="board-row__actions">
        <ConsoleLink jobRef={job} />
        <button
          type="button"
          className="button button--small"
          onClick={onRemove}
          aria-label={`Remove ${boardJobNameInSentence(job)} from the board`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
