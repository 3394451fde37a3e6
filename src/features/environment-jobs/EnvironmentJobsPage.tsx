import { useId, useRef, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJob, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { Link, navigate } from '../../shared/browser/history';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { usePageHidden } from '../../shared/browser/visibility';
import { describeError, errorContext } from '../../shared/ui/describeError';
import { environmentJobsPath, type EnvironmentPageParams } from '../../shared/domain/environmentRoutes';
import { ErrorPanel } from '../../shared/ui/ErrorPanel';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { linkProblems } from '../../shared/domain/jobIds';
import { anyRunning, describeListOrder, describeLoadedMore, jobListQueryOptions, newestFirst } from './jobListQuery';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { boardPath, MAX_BOARD_JOBS, type BoardJob } from '../../shared/domain/boardLink';
import { statusTone } from '../../shared/domain/jobStatus';
import { formatTime, useAbsoluteTimeZone } from '../../shared/ui/timeFormat';
import { JobTable } from './JobTable';
import { LoadMoreButton } from './LoadMoreButton';
import { JOB_OPERATIONS, LIST_STATUSES } from '../../shared/domain/operations';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { useNow } from '../../shared/ui/useNow';

export interface EnvironmentJobsPageProps {
  params: EnvironmentPageParams;
  config: JobPageConfig;
  client: AmplifyBackendClient;
}

/**
 * The jobs of one environment (ListBackendJobs), filtered by status and operation, sorted newest
 * first; it says how far that sort reaches, since the API lists jobs in no promised order.
 */
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
  const orderId = useId();
  // What the last "Load more" brought, for the list it was said of (a filter change makes another list).
  const listKey = JSON.stringify([envKey, params.status, params.operation]);
  const [loadedMore, setLoadedMore] = useState({ listKey, text: '' });
  useDocumentTitle(`Jobs · ${envKey.envName} · ${APP_TITLE}`);

  // Each filter change is a step in history: Back brings the previous filter back.
  const setFilter = (change: Partial<EnvironmentPageParams>) => navigate(environmentJobsPath({ ...params, ...change }));
  const filtered = Boolean(params.status || params.operation);
  const statusSelect = useRef<HTMLSelectElement>(null);
  const refreshButton = useRef<HTMLButtonElement>(null);
  const loadedBefore = useRef<BackendJob[]>([]);
  const clearFilters = () => {
    setFilter({ status: undefined, operation: undefined });
    // The button goes away with the message; focus goes to the first filter rather than the page.
    statusSelect.current?.focus();
  };
  const jobs = newestFirst(query.data);
  const order = describeListOrder(query.data, query.hasNextPage);
  const running = anyRunning(query.data);
  const problem = query.failureReason ?? query.error;
  const context = errorContext(
    config,
    envKey.region,
    'amplifybackend:ListBackendJobs',
    `environment ${envKey.envName} of app ${envKey.appId}`,
  );
  const runningJobs: BoardJob[] = jobs
    .filter((job) => job.jobId && statusTone(job.status) === 'running')
    .map((job) => ({ ...envKey, jobId: job.jobId ?? '' }));
  const watchAll = runningJobs.slice(0, MAX_BOARD_JOBS);

  return (
    <article className="page page--wide">
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
            ref={statusSelect}
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

      {query.isSuccess && jobs.length === 0 ? (
        <div className="no-jobs">
          <p role="status">No jobs match these filters.</p>
          {filtered ? (
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </div>
      ) : null}

      {order ? (
        <p className="muted" id={orderId}>
          {order}
        </p>
      ) : null}
      {jobs.length > 0 ? (
        <JobTable jobs={jobs} envKey={envKey} regionForLinks={params.region} now={now} describedBy={orderId} />
      ) : null}
      <p className="muted" role="status">
        {loadedMore.listKey === listKey ? loadedMore.text : ''}
      </p>

      <div className="actions">
        {query.hasNextPage ? (
          <LoadMoreButton
            loading={query.isFetchingNextPage}
            onLoad={() => {
              const before = jobs;
              loadedBefore.current = before;
              setLoadedMore({ listKey, text: '' });
              void query.fetchNextPage().then((result) => {
                if (result.isSuccess) setLoadedMore({ listKey, text: describeLoadedMore(before, newestFirst(result.data)) });
              });
            }}
            // The last page is in: the button goes, and focus goes on to the first job it brought,
            // wherever the sort put it.
            focusAfter={() => {
              const known = new Set(loadedBefore.current.map((job) => job.jobId));
              const links = [...document.querySelectorAll<HTMLElement>('.job-table__id-link')];
              return links.find((link) => !known.has(link.title)) ?? refreshButton.current;
            }}
          />
        ) : null}
        {watchAll.length > 0 ? (
          <Link className="button" href={boardPath(watchAll)}>
            {runningJobs.length > MAX_BOARD_JOBS ? `Watch the first ${MAX_BOARD_JOBS} running` : 'Watch all running'}
          </Link>
        ) : null}
        <button
          type="button"
          className="button"
          ref={refreshButton}
          onClick={() => void query.refetch({ cancelRefetch: false })}
          aria-busy={query.isFetching}
        >
          Refresh now
        </button>
      </div>
      {query.dataUpdatedAt > 0 ? (
        <p className="muted">
          Last refreshed <LastRefreshed at={query.dataUpdatedAt} />
        </p>
      ) : null}
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

function LastRefreshed({ at }: { at: number }) {
  const zone = useAbsoluteTimeZone();
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{formatTime(date, zone)}</time>;
}
