import { useInfiniteQuery } from '@tanstack/react-query';
import type { AmplifyHostingClient, BranchKey, HostingJob } from '../../shared/aws/amplifyHosting';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { Link } from '../../shared/browser/history';
import { usePageHidden } from '../../shared/browser/visibility';
import type { AppConfig } from '../../shared/config/appConfig';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import type { BoardJob } from '../../shared/domain/boardLink';
import { hostingLinkProblems } from '../../shared/domain/jobIds';
import { hostingJobPagePath, type BranchPageParams } from '../../shared/domain/jobRoutes';
import { isTerminalStatus } from '../../shared/domain/jobStatus';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { BreakableText } from '../../shared/ui/BreakableText';
import { hostingErrorContext } from '../../shared/ui/describeError';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatDuration } from '../../shared/ui/timeFormat';
import { Timestamp } from '../../shared/ui/Timestamp';
import { useNow } from '../../shared/ui/useNow';
import { JobList } from './JobList';
import { branchJobListQueryOptions } from './jobListQuery';
import { AddRowToBoard, JobIdLink, JobListTable, TextExcerpt, type JobColumn } from './JobTable';

/** Characters of a commit message shown in its row until "Show all": a subject line's worth. */
export const COMMIT_MESSAGE_EXCERPT = 72;
/** As git shortens a commit ID. */
const SHORT_COMMIT = 7;

export interface BranchJobsPageProps {
  params: BranchPageParams;
  config: JobPageConfig & Pick<AppConfig, 'amplifyEndpoint' | 'amplifySigningHost'>;
  client: AmplifyHostingClient;
}

/**
 * The build and deploy jobs of one Amplify Hosting branch (ListJobs), newest first, paged and
 * refreshed as an environment's list is.
 */
export function BranchJobsPage({ params, config, client }: BranchJobsPageProps) {
  const problems = hostingLinkProblems(params, isAmplifyBackendRegion);
  if (problems.length > 0) return <InvalidLink what="branch" problems={problems} />;
  const key: BranchKey = {
    kind: 'hosting',
    region: params.region ?? config.region,
    appId: params.appId,
    branchName: params.branchName,
  };
  return <BranchJobs params={params} branchKey={key} config={config} client={client} />;
}

function BranchJobs({ params, branchKey, config, client }: BranchJobsPageProps & { branchKey: BranchKey }) {
  const hidden = usePageHidden();
  const query = useInfiniteQuery(
    branchJobListQueryOptions(branchKey, {
      client,
      intervalMs: config.pollIntervalSeconds * 1000,
      hidden,
      jitterSeed: TAB_JITTER_SEED,
    }),
  );
  const now = useNow(5000);
  useDocumentTitle(`Jobs · ${branchKey.branchName} · ${APP_TITLE}`);
  const resource = `branch ${branchKey.branchName} of app ${branchKey.appId}`;
  const boardJob = (job: HostingJob): BoardJob | undefined => (job.jobId ? { ...branchKey, jobId: job.jobId } : undefined);
  const columns: JobColumn<HostingJob>[] = [
    { label: 'Status', cell: (job) => <StatusBadge status={job.status} small /> },
    {
      label: 'Job ID',
      className: 'mono job-table__id',
      cell: (job) => (
        <JobIdLink
          jobId={job.jobId}
          href={(jobId) =>
            hostingJobPagePath({ appId: branchKey.appId, branchName: branchKey.branchName, jobId, region: params.region })
          }
        />
      ),
    },
    { label: 'Type', className: 'mono job-table__operation', title: (job) => job.operation, cell: (job) => job.operation ?? '—' },
    { label: 'Commit', className: 'job-table__commit', cell: (job) => <Commit job={job} /> },
    { label: 'Started', cell: (job) => <Timestamp time={job.createTime} now={now} compact /> },
    {
      label: 'Ended',
      cell: (job) =>
        job.endTime || isTerminalStatus(job.status) ? (
          <Timestamp time={job.endTime} now={now} compact />
        ) : (
          <span className="muted">not yet</span>
        ),
    },
    { label: 'Duration', cell: (job) => duration(job, now) },
    { label: 'Board', labelHidden: true, className: 'job-table__board', cell: (job) => <AddRowToBoard job={boardJob(job)} /> },
  ];

  return (
    <article className="page page--wide">
      <p className="muted">Amplify Hosting · {branchKey.region}</p>
      <h1>
        Jobs of branch{' '}
        <span className="mono break">
          <BreakableText text={branchKey.branchName} />
        </span>{' '}
        of app <span className="mono break">{branchKey.appId}</span>
      </h1>
      <JobList
        query={query}
        listKey={JSON.stringify(branchKey)}
        errorContext={hostingErrorContext(config, branchKey.region, 'amplify:ListJobs', resource)}
        pollIntervalSeconds={config.pollIntervalSeconds}
        emptyText="This branch has no jobs yet."
        boardJob={boardJob}
        table={(jobs, describedBy) => <JobListTable jobs={jobs} columns={columns} describedBy={describedBy} />}
      />
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </article>
  );
}

/** The commit's short ID, then its message as text (a long one cut, with "Show all"). */
function Commit({ job }: { job: HostingJob }) {
  if (!job.commitId && !job.commitMessage) return '—';
  return (
    <>
      {job.commitId ? (
        <span className="mono" title={job.commitId}>
          {job.commitId.slice(0, SHORT_COMMIT)}
        </span>
      ) : null}
      {job.commitId && job.commitMessage ? ' ' : null}
      {job.commitMessage ? (
        <TextExcerpt text={job.commitMessage} limit={COMMIT_MESSAGE_EXCERPT} className="job-table__commit-text" />
      ) : null}
    </>
  );
}

/** Start to end; while the job runs, start to now ("so far"); nothing to say without a start. */
function duration(job: HostingJob, now: number): string {
  const start = job.createTime?.date?.getTime();
  if (start === undefined) return '—';
  const end = job.endTime?.date?.getTime();
  if (end !== undefined) return formatDuration(end - start);
  return isTerminalStatus(job.status) ? '—' : `${formatDuration(now - start)} so far`;
}
