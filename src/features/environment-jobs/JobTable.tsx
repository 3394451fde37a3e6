import { useState, type ReactNode } from 'react';
import type { BackendJob, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { Link } from '../../shared/browser/history';
import type { BoardJob } from '../../shared/domain/boardLink';
import { jobPagePath } from '../../shared/domain/jobRoutes';
import { AddToBoardLink } from '../../shared/ui/AddToBoardLink';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { Timestamp } from '../../shared/ui/Timestamp';
import type { ListedJob } from './jobListQuery';

/** Characters of a job's error shown in its row until "Show all". */
export const ERROR_EXCERPT = 160;

/** One column of a job list: its header (also each cell's label on a narrow screen) and what a row shows in it. */
export interface JobColumn<J> {
  label: string;
  /** A header for screen readers only (the board column: its buttons say what they do). */
  labelHidden?: boolean;
  className?: string;
  /** The full value, when the cell may cut it short on one line. */
  title?: (job: J) => string | undefined;
  cell: (job: J) => ReactNode;
}

export interface JobListTableProps<J extends ListedJob> {
  jobs: J[];
  columns: JobColumn<J>[];
  /** The element that says how the rows are sorted. */
  describedBy?: string;
}

/**
 * Any list of jobs as a table: a header per column, and each cell labelled with its column for the
 * narrow layout, where the rows become cards.
 */
export function JobListTable<J extends ListedJob>({ jobs, columns, describedBy }: JobListTableProps<J>) {
  return (
    <table className="job-table" aria-describedby={describedBy}>
      <caption className="visually-hidden">Jobs</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.label}>
              {column.labelHidden ? <span className="visually-hidden">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {jobs.map((job, index) => (
          <tr key={job.jobId ?? `row-${index}`}>
            {columns.map((column) => (
              <td key={column.label} data-label={column.label} className={column.className} title={column.title?.(job)}>
                {column.cell(job)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The job ID as a link to its live page. "Load more" finds the first new row by this class and
 * title (see JobList), so every list's ID links carry both.
 */
export function JobIdLink({ jobId, href }: { jobId: string | undefined; href: (jobId: string) => string }) {
  if (!jobId) return '—';
  return (
    <Link className="job-table__id-link" title={jobId} href={href(jobId)}>
      {jobId}
    </Link>
  );
}

export function AddRowToBoard({ job }: { job: BoardJob | undefined }) {
  if (!job) return null;
  return <AddToBoardLink className="button button--small" jobs={[job]} label={`Add job ${job.jobId} to the board`} />;
}

/** Text from AWS cut at `limit` characters, with "Show all" for the rest. */
export function TextExcerpt({ text, limit, className }: { text: string; limit: number; className: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= limit) return <span className={className}>{text}</span>;
  return (
    <>
      <span className={className}>{expanded ? text : `${text.slice(0, limit)}…`}</span>{' '}
      <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        {expanded ? 'Show less' : 'Show all'}
      </button>
    </>
  );
}

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
 * An environment's jobs. IDs and operation names stay on one line (cut with an ellipsis only when
 * they cannot fit, the full value in the title and on focus); a long error shows its start and "Show all".
 */
export function JobTable({ jobs, envKey, regionForLinks, now, describedBy }: JobTableProps) {
  const boardJob = (job: BackendJob): BoardJob | undefined => (job.jobId ? { ...envKey, jobId: job.jobId } : undefined);
  const columns: JobColumn<BackendJob>[] = [
    { label: 'Status', cell: (job) => <StatusBadge status={job.status} small /> },
    {
      label: 'Operation',
      className: 'mono job-table__operation',
      title: (job) => job.operation,
      cell: (job) => job.operation ?? '—',
    },
    {
      label: 'Job ID',
      className: 'mono job-table__id',
      cell: (job) => (
        <JobIdLink
          jobId={job.jobId}
          href={(jobId) => jobPagePath({ appId: envKey.appId, envName: envKey.envName, jobId, region: regionForLinks })}
        />
      ),
    },
    { label: 'Created', cell: (job) => <Timestamp time={job.createTime} now={now} compact /> },
    { label: 'Updated', cell: (job) => <Timestamp time={job.updateTime} now={now} compact /> },
    {
      label: 'Error',
      className: 'job-table__error',
      cell: (job) => (job.error ? <TextExcerpt text={job.error} limit={ERROR_EXCERPT} className="job-table__error-text" /> : ''),
    },
    { label: 'Board', labelHidden: true, className: 'job-table__board', cell: (job) => <AddRowToBoard job={boardJob(job)} /> },
  ];
  return <JobListTable jobs={jobs} columns={columns} describedBy={describedBy} />;
}
