import { useState } from 'react';
import type { BackendJob, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { Link } from '../../shared/browser/history';
import { AddToBoardLink } from '../../shared/ui/AddToBoardLink';
import { jobPagePath } from '../../shared/domain/jobRoutes';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { Timestamp } from '../../shared/ui/Timestamp';

/** Characters of a job's error shown in its row until "Show all". */
export const ERROR_EXCERPT = 160;

export interface JobTableProps {
  jobs: BackendJob[];
  envKey: EnvironmentKey;
  /** `?region=` for job links: only when the page's own link had one. */
  regionForLinks: string | undefined;
  now: number;
  /** The element that says how the rows are sorted. */
  describedBy?: string;
}

/**
 * The jobs as a table. IDs and operation names stay on one line (cut with an ellipsis only when
 * they cannot fit, the full value in the title and on focus); a long error shows its start and "Show all".
 */
export function JobTable({ jobs, envKey, regionForLinks, now, describedBy }: JobTableProps) {
  return (
    <table className="job-table" aria-describedby={describedBy}>
      <caption className="visually-hidden">Jobs</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Operation</th>
          <th scope="col">Job ID</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Error</th>
          <th scope="col">
            <span className="visually-hidden">Board</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job, index) => (
          <tr key={job.jobId ?? `row-${index}`}>
            <td data-label="Status">
              <StatusBadge status={job.status} small />
            </td>
            <td data-label="Operation" className="mono job-table__operation" title={job.operation}>
              {job.operation ?? '—'}
            </td>
            <td data-label="Job ID" className="mono job-table__id">
              {job.jobId ? (
                <Link
                  className="job-table__id-link"
                  title={job.jobId}
                  href={jobPagePath({ appId: envKey.appId, envName: envKey.envName, jobId: job.jobId, region: regionForLinks })}
                >
                  {job.jobId}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td data-label="Created">
              <Timestamp time={job.createTime} now={now} compact />
            </td>
            <td data-label="Updated">
              <Timestamp time={job.updateTime} now={now} compact />
            </td>
            <td data-label="Error" className="job-table__error">
              {job.error ? <ErrorExcerpt text={job.error} /> : ''}
            </td>
            <td data-label="Board" className="job-table__board">
              {job.jobId ? (
                <AddToBoardLink
                  className="button button--small"
                  jobs={[{ ...envKey, jobId: job.jobId }]}
                  label={`Add job ${job.jobId} to the board`}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ErrorExcerpt({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= ERROR_EXCERPT) return <span className="job-table__error-text">{text}</span>;
  return (
    <>
      <span className="job-table__error-text">{expanded ? text : `${text.slice(0, ERROR_EXCERPT)}…`}</span>{' '}
      <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        {expanded ? 'Show less' : 'Show all'}
      </button>
    </>
  );
}
