import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useRef, type Ref } from 'react';
import type { AmplifyBackendClient, EnvironmentKey } from '../../shared/aws/amplifyBackend';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { navigate } from '../../shared/browser/history';
import { usePageHidden } from '../../shared/browser/visibility';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { environmentJobsPath, type EnvironmentPageParams } from '../../shared/domain/environmentRoutes';
import { linkProblems } from '../../shared/domain/jobIds';
import { JOB_OPERATIONS, LIST_STATUSES } from '../../shared/domain/operations';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { errorContext } from '../../shared/ui/describeError';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { useNow } from '../../shared/ui/useNow';
import { JobList } from './JobList';
import { jobListQueryOptions } from './jobListQuery';
import { JobTable } from './JobTable';

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
  useDocumentTitle(`Jobs · ${envKey.envName} · ${APP_TITLE}`);

  const statusSelect = useRef<HTMLSelectElement>(null);
  const clearFilters = () => {
    navigate(environmentJobsPath({ ...params, status: undefined, operation: undefined }));
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
        <FilterSelect label="Status" name="status" ref={statusSelect} params={params} choices={LIST_STATUSES} />
        <FilterSelect label="Operation" name="operation" params={params} choices={operationChoices(params.operation)} />
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
          params.status || params.operation ? (
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

/** The operations the filter offers: every one the dashboard knows, and one a link chose that it does not, so it shows. */
export function operationChoices(chosen: string | undefined): string[] {
  return [...new Set<string>([...JOB_OPERATIONS, ...(chosen ? [chosen] : [])])];
}

interface FilterSelectProps {
  label: string;
  name: 'status' | 'operation';
  params: EnvironmentPageParams;
  choices: readonly string[];
  ref?: Ref<HTMLSelectElement>;
}

/** One filter, "All" (no filter in the link) then its choices; each change is a step in history, undone by Back. */
function FilterSelect({ label, name, params, choices, ref }: FilterSelectProps) {
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{label} </label>
      <select
        id={id}
        ref={ref}
        value={params[name] ?? ''}
        onChange={(event) => navigate(environmentJobsPath({ ...params, [name]: event.target.value || undefined }))}
      >
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </span>
  );
}
