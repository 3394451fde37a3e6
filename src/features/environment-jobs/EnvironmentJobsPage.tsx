import { useId, useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AmplifyBackendClient, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { navigate } from '../../shared/browser/history';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { usePageHidden } from '../../shared/browser/visibility';
import { errorContext } from '../../shared/ui/describeError';
import { environmentJobsPath, type EnvironmentPageParams } from '../../shared/domain/environmentRoutes';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { linkProblems } from '../../shared/domain/jobIds';
import { jobListQueryOptions } from './jobListQuery';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { JobList } from './JobList';
import { JobTable } from './JobTable';
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
  useDocumentTitle(`Jobs · ${envKey.envName} · ${APP_TITLE}`);

  // Each filter change is a step in history: Back brings the previous filter back.
  const setFilter = (change: Partial<EnvironmentPageParams>) => navigate(environmentJobsPath({ ...params, ...change }));
  const filtered = Boolean(params.status || params.operation);
  const statusSelect = useRef<HTMLSelectElement>(null);
  const clearFilters = () => {
    setFilter({ status: undefined, operation: undefined });
    // The button goes away with the message; focus goes to the first filter rather than the page.
    statusSelect.current?.focus();
  };

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

      <JobList
        query={query}
        listKey={JSON.stringify([envKey, params.status, params.operation])}
        errorContext={errorContext(
          config,
          envKey.region,
          'amplifybackend:ListBackendJobs',
          `environment ${envKey.envName} of app ${envKey.appId}`,
        )}
        pollIntervalSeconds={config.pollIntervalSeconds}
        emptyText="No jobs match these filters."
        emptyAction={
          filtered ? (
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null
        }
        boardJob={(job) => (job.jobId ? { ...envKey, jobId: job.jobId } : undefined)}
        table={(jobs, describedBy) => (
          <JobTable jobs={jobs} envKey={envKey} regionForLinks={params.region} now={now} describedBy={describedBy} />
        )}
      />
    </article>
  );
}
