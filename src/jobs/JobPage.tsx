import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { resolveEndpoint, type AmplifyBackendClient, type BackendJob, type BackendJobKey } from '../aws/amplifyBackend';
import { isAwsError } from '../aws/awsError';
import { REQUEST_TIMEOUT_MS } from '../aws/signedFetch';
import type { AppConfig } from '../config/appConfig';
import { isAmplifyBackendRegion } from '../config/regions';
import { Link } from '../navigation/history';
import { CopyButton } from './CopyButton';
import { describeError, type ErrorContext } from './describeError';
import { ErrorPanel } from './ErrorPanel';
import { JobErrorText } from './JobErrorText';
import { jobQueryOptions } from './jobQuery';
import type { JobPageParams } from './jobRoutes';
import { friendlyOperation, isTerminalStatus } from './jobStatus';
import { validateId } from './jobIds';
import { nextPollDelay, retryDelayMs } from './pollingPolicy';
import { StatusBadge } from './StatusBadge';
import { formatDuration, formatLocalTime } from './timeFormat';
import { Timestamp } from './Timestamp';
import { useNow } from './useNow';

export const APP_TITLE = 'Amplify Job Watch';
const GET_ACTION = 'amplifybackend:GetBackendJob';
/** One seed per tab: the retry delay a person is shown is the one React Query waits. */
const JITTER_SEED = Math.floor(Math.random() * 2 ** 31);
const isHidden = () => document.visibilityState === 'hidden';

export type JobPageConfig = Pick<AppConfig, 'region' | 'pollIntervalSeconds' | 'amplifyBackendEndpoint' | 'signingHost'>;

export interface JobPageProps {
  params: JobPageParams;
  config: JobPageConfig;
  client: AmplifyBackendClient;
}

/** `7f3c9e2a-5b1d-…` → `7f3c9e2a…`, short enough for a tab title. */
export function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

function linkProblems(params: JobPageParams): string[] {
  const problems = [
    validateId('App ID', params.appId),
    validateId('Environment', params.envName),
    validateId('Job ID', params.jobId),
  ];
  if (params.region !== undefined && !isAmplifyBackendRegion(params.region)) {
    problems.push(`Region “${params.region}” is not one where AmplifyBackend runs (for example us-east-1 or eu-west-1).`);
  }
  return problems.filter((problem): problem is string => problem !== null);
}

export function JobPage({ params, config, client }: JobPageProps) {
  const problems = linkProblems(params);
  useDocumentTitle(problems.length > 0 ? `Invalid link · ${APP_TITLE}` : undefined);
  if (problems.length > 0) {
    return (
      <article className="page">
        <h1>This job link is not valid</h1>
        <section className="panel panel--error" role="alert">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>Nothing was sent to AWS. Check the link you were given, or start again from the home page.</p>
        </section>
        <p>
          <Link href="/">Go to the home page</Link>
        </p>
      </article>
    );
  }
  const jobKey: BackendJobKey = {
    region: params.region ?? config.region,
    appId: params.appId,
    envName: params.envName,
    jobId: params.jobId,
  };
  return <JobWatch key={JSON.stringify(jobKey)} jobKey={jobKey} config={config} client={client} />;
}

function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title === undefined) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

interface JobWatchProps {
  jobKey: BackendJobKey;
  config: JobPageConfig;
  client: AmplifyBackendClient;
}

function JobWatch({ jobKey, config, client }: JobWatchProps) {
  const intervalMs = config.pollIntervalSeconds * 1000;
  const query = useQuery(jobQueryOptions(jobKey, { client, intervalMs, isHidden, jitterSeed: JITTER_SEED }));
  const now = useNow();
  const { data, error, failureReason, failureCount, fetchStatus, status, dataUpdatedAt } = query;

  const titleStatus = data?.status ?? (status === 'error' ? 'Error' : 'Loading');
  useDocumentTitle(`${titleStatus} · ${shortId(jobKey.jobId)} · ${APP_TITLE}`);

  const context: ErrorContext = {
    action: GET_ACTION,
    region: jobKey.region,
    resource: `job ${jobKey.jobId} of app ${jobKey.appId}, environment ${jobKey.envName}`,
    signingHost: resolveEndpoint(config, jobKey.region).signingHost,
    timeoutSeconds: REQUEST_TIMEOUT_MS / 1000,
  };
  const retry = () => void query.refetch();
  const fetching = fetchStatus === 'fetching';
  const retrying = fetching && failureCount > 0 && failureReason != null;

  let problem = null;
  if (retrying) {
    const failedAt = isAwsError(failureReason) ? failureReason.at : new Date(now);
    const dueAt = failedAt.getTime() + retryDelayMs(failureCount - 1, failureReason, JITTER_SEED);
    const seconds = Math.ceil((dueAt - now) / 1000);
    const verb = data ? 'refresh' : 'load the job';
    problem = (
      <ErrorPanel
        tone="warning"
        description={describeError(failureReason, context)}
        lead={`Couldn’t ${verb} at ${formatLocalTime(failedAt)} — ${seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'}.`}
      />
    );
  } else if (status === 'error') {
    const lead = data
      ? `Couldn’t refresh at ${formatLocalTime(isAwsError(error) ? error.at : new Date(dataUpdatedAt))}. Below is the job as last seen; automatic checks are stopped until you try again.`
      : undefined;
    problem = <ErrorPanel description={describeError(error, context)} lead={lead} onRetry={retry} retrying={fetching} />;
  } else if (fetchStatus === 'paused') {
    problem = (
      <section className="panel panel--warning" role="status">
        <p>You are offline. Checks resume as soon as the connection is back.</p>
      </section>
    );
  }

  const delay = nextPollDelay({
    status: data?.status,
    stoppedByError: status === 'error',
    intervalMs,
    hidden: isHidden(),
  });

  return (
    <article className="page job">
      <header className="job__header">
        <p className="muted">
          App <span className="mono">{jobKey.appId}</span> · environment <span className="mono">{jobKey.envName}</span> ·{' '}
          {jobKey.region}
        </p>
        <h1>
          Job <span className="mono break">{jobKey.jobId}</span>
        </h1>
      </header>

      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {data?.status ? `Job status: ${data.status}` : ''}
      </div>

      {problem}

      {data ? (
        <JobDetails job={data} jobKey={jobKey} now={now} />
      ) : status === 'pending' && !retrying ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the job from AWS…
        </p>
      ) : null}

      <footer className="job__footer">
        <p className="muted">
          {dataUpdatedAt > 0 ? `Last checked ${formatLocalTime(new Date(dataUpdatedAt))}. ` : ''}
          {data && isTerminalStatus(data.status)
            ? 'The job has finished; no more checks.'
            : delay === false
              ? status === 'error'
                ? 'Automatic checks are stopped.'
                : ''
              : `Checking every ${formatDuration(delay)} while the job runs.`}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={retry} disabled={fetching}>
            {fetching ? 'Checking…' : 'Refresh now'}
          </button>
          <CopyButton value={window.location.href} label="Copy link to this job">
            Copy link
          </CopyButton>
        </div>
      </footer>
    </article>
  );
}

interface JobDetailsProps {
  job: BackendJob;
  jobKey: BackendJobKey;
  now: number;
}

function JobDetails({ job, jobKey, now }: JobDetailsProps) {
  const friendly = friendlyOperation(job.operation);
  const created = job.createTime?.date?.getTime();
  const updated = job.updateTime?.date?.getTime();
  const terminal = isTerminalStatus(job.status);
  let duration: string | null = null;
  if (created !== undefined && terminal && updated !== undefined) duration = `Took ${formatDuration(updated - created)}`;
  else if (created !== undefined && !terminal) duration = `Running for ${formatDuration(now - created)}`;

  return (
    <>
      <section className="job__status" aria-label="Job status">
        <StatusBadge status={job.status} />
        {duration ? <span className="muted">{duration}</span> : null}
      </section>
      {job.error ? <JobErrorText text={job.error} /> : null}
      <dl className="facts">
        <div>
          <dt>Operation</dt>
          <dd>
            {job.operation ? <span className="mono">{job.operation}</span> : <span className="muted">not reported</span>}
            {friendly ? <span className="muted"> ({friendly})</span> : null}
          </dd>
        </div>
        <Fact label="App ID" value={jobKey.appId} />
        <Fact label="Environment" value={jobKey.envName} />
        <Fact label="Job ID" value={jobKey.jobId} />
        <Fact label="Region" value={jobKey.region} />
        <div>
          <dt>Created</dt>
          <dd>
            <Timestamp time={job.createTime} now={now} />
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <Timestamp time={job.updateTime} now={now} />
          </dd>
        </div>
      </dl>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span className="mono break">{value}</span> <CopyButton value={value} label={`Copy ${label}`} />
      </dd>
    </div>
  );
}
