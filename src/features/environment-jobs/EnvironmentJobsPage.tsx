import { useId } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AmplifyBackendClient, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { Link, navigate } from '../../shared/browser/history';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { usePageHidden } from '../../shared/browser/visibility';
import { describeError, errorContext } from '../../shared/ui/describeError';
import { environmentJobsPath, type EnvironmentPageParams } from '../../shared/domain/environmentRoutes';
import { ErrorPanel } from '../../shared/ui/ErrorPanel';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { linkProblems } from '../../shared/domain/jobIds';
import { anyRunning, jobListQueryOptions, newestFirst } from './jobListQuery';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { jobPagePath } from '../../shared/domain/jobRoutes';
import { JOB_OPERATIONS, LIST_STATUSES } from '../../shared/domain/operations';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { Timestamp } from '../../shared/ui/Timestamp';
import { useNow } from '../../shared/ui/useNow';

export interface EnvironmentJobsPageProps {
  params: EnvironmentPageParams;
  config: JobPageConfig;
  client: AmplifyBackendClient;
}

const ERROR_EXCERPT = 160;

/** The jobs of one environment (ListBackendJobs), filtered by status and operation, newest first. */
export function EnvironmentJobsPage({ params, config, client }: EnvironmentJobsPageProps) {
  const problems = linkProblems(params, isAmplifyBackendRegion);
  if (problems.length > 0) return <InvalidLink what="environment" problems={problems} />;
  const key: EnvironmentKey = { region: params.region ?? config.region, appId: params.appId, envName: params.envName };
  return <EnvironmentJobs params={params} envKey={key} config={config} client={client} />;
}

interface EnvironmentJobsProps extends EnvironmentJobsPageProps {
  envKey: EnvironmentKey;
}

function EnvironmentJobs({ params, envKey, config, client }: EnvironmentJobsProps) {
  const hidden = usePageHidden();
  const filters = { status: params.status, operation: params.operation };
  const query = useInfiniteQuery(
    jobListQueryOptions(envKey, filters, {
      client,
      intervalMs: config.pollIntervalSeconds * 1000,
      hidden,
      jitterSeed: TAB_JITTER_SEED,
    }),
  );
  const now = useNow(5000);
  const statusId = useId();
  const operationId = useId();
  useDocumentTitle(`Jobs · ${envKey.envName} · ${APP_TITLE}`);

  const setFilter = (change: Partial<EnvironmentPageParams>) =>
    navigate(environmentJobsPath({ ...params, ...change }), { replace: true });
  const jobs = newestFirst(query.data);
  const running = anyRunning(query.data);
  const problem = query.failureReason ?? query.error;
  const context = errorContext(
    config,
    envKey.region,
    'amplifybackend:ListBackendJobs',
    `environment ${envKey.envName} of app ${envKey.appId}`,
  );
  const regionForLinks = params.region;

  return (
    <article className="page">
      <p className="muted">
        App <span className="mono">{envKey.appId}</span> · {envKey.region}
      </p>
      <h1>
        Jobs of environment <span className="mono break">{envKey.envName}</span>
      </h1>

      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter jobs">
        <span>
          <label htmlFor={statusId}>Status </label>
          <select
            id={statusId}
            value={params.status ?? ''}
            onChange={(event) => setFilter({ status: event.target.value || undefined })}
          >
            <option value="">All</option>
            {LIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor={operationId}>Operation </label>
          <select
            id={operationId}
            value={params.operation ?? ''}
            onChange={(event) => setFilter({ operation: event.target.value || undefined })}
          >
            <option value="">All</option>
            {[...new Set([...JOB_OPERATIONS, ...(params.operation ? [params.operation] : [])])].map((operation) => (
              <option key={operation} value={operation}>
                {operation}
              </option>
            ))}
          </select>
        </span>
      </form>

      {problem && (query.isError || query.failureCount > 0) ? (
        <ErrorPanel
          tone={query.isError ? 'error' : 'warning'}
          description={describeError(problem, context)}
          lead={query.isError ? undefined : 'Retrying by itself…'}
          onRetry={query.isError ? () => void query.refetch() : undefined}
          retrying={query.isFetching}
        />
      ) : null}

      {query.isPending && !query.failureReason ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading jobs from AWS…
        </p>
      ) : null}

      {query.isSuccess && jobs.length === 0 ? <p role="status">No jobs match these filters.</p> : null}

      {jobs.length > 0 ? (
        <table className="job-table">
          <caption className="visually-hidden">Jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Operation</th>
              <th scope="col">Job ID</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job, index) => (
              <tr key={job.jobId ?? `row-${index}`}>
                <td data-label="Status">
                  <StatusBadge status={job.status} small />
                </td>
                <td data-label="Operation" className="mono">
                  {job.operation ?? '—'}
                </td>
                <td data-label="Job ID" className="mono break">
                  {job.jobId ? (
                    <Link
                      href={jobPagePath({
                        appId: envKey.appId,
                        envName: envKey.envName,
                        jobId: job.jobId,
                        region: regionForLinks,
                      })}
                    >
                      {job.jobId}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label="Created">
                  <Timestamp time={job.createTime} now={now} />
                </td>
                <td data-label="Updated">
                  <Timestamp time={job.updateTime} now={now} />
                </td>
                <td data-label="Error">
                  {job.error ? (job.error.length > ERROR_EXCERPT ? `${job.error.slice(0, ERROR_EXCERPT)}…` : job.error) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <div className="actions">
        {query.hasNextPage ? (
          <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => void query.refetch({ cancelRefetch: false })}
          aria-busy={query.isFetching}
        >
          Refresh now
        </button>
      </div>
      <p className="muted">
        {running
          ? `Refreshing every ${config.pollIntervalSeconds} s while a listed job runs.`
          : query.isSuccess
            ? 'No listed job is running; not refreshing.'
            : ''}
      </p>
    </article>
  );
}
