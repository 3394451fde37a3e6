import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJobKey } from '../../shared/aws/amplifyBackend';
import { isAwsError } from '../../shared/aws/awsError';
import type { AppConfig } from '../../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { Link } from '../../shared/browser/history';
import { CopyButton } from '../../shared/ui/CopyButton';
import { describeError, errorContext } from '../../shared/ui/describeError';
import { ErrorPanel } from '../../shared/ui/ErrorPanel';
import { jobQueryOptions } from '../../shared/queries/jobQuery';
import type { JobPageParams } from '../../shared/domain/jobRoutes';
import { isTerminalStatus, statusTone } from '../../shared/domain/jobStatus';
import { JobDetails } from './JobDetails';
import { NotifyButton } from './NotifyButton';
import { useTabInterval } from './useTabInterval';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { CliAndRaw } from './CliAndRaw';
import { ObservedTimeline } from './ObservedTimeline';
import { WatchControls } from './WatchControls';
import { useNotifyPreference, useTerminalNotification } from '../../shared/browser/notifications';
import { rememberJob } from '../../shared/browser/recentJobs';
import { useTabIndicator, type TabState } from '../../shared/browser/tabIndicator';
import { observeStatus, timelineFor } from './timeline';
import { APP_TITLE } from '../../shared/browser/documentTitle';
import { usePageHidden } from '../../shared/browser/visibility';
import { linkProblems } from '../../shared/domain/jobIds';
import { nextPollDelay, retryDelayMs, TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { Icon } from '../../shared/ui/Icon';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { formatDuration, formatLocalTime } from '../../shared/ui/timeFormat';
import { useNow } from '../../shared/ui/useNow';

const GET_ACTION = 'amplifybackend:GetBackendJob';

export type JobPageConfig = Pick<AppConfig, 'region' | 'pollIntervalSeconds' | 'amplifyBackendEndpoint' | 'signingHost'>;

export interface JobPageProps {
  params: JobPageParams;
  config: JobPageConfig;
  client: AmplifyBackendClient;
  /** Opens sign-in, when the deployment has a user pool; missing credentials then ask for it instead of failing. */
  onSignIn?: () => void;
}

/** `7f3c9e2a-5b1d-…` → `7f3c9e2a…`, short enough for a tab title. */
export function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

export function JobPage({ params, config, client, onSignIn }: JobPageProps) {
  const problems = linkProblems(params, isAmplifyBackendRegion);
  if (problems.length > 0) return <InvalidLink what="job" problems={problems} />;
  const jobKey: BackendJobKey = {
    region: params.region ?? config.region,
    appId: params.appId,
    envName: params.envName,
    jobId: params.jobId,
  };
  return <JobWatch key={JSON.stringify(jobKey)} jobKey={jobKey} config={config} client={client} onSignIn={onSignIn} />;
}

interface JobWatchProps {
  jobKey: BackendJobKey;
  config: JobPageConfig;
  client: AmplifyBackendClient;
  onSignIn?: () => void;
}

const UNREACHABLE_KINDS = new Set(['network', 'timeout', 'service-unavailable']);

function JobWatch({ jobKey, config, client, onSignIn }: JobWatchProps) {
  const [intervalSeconds, setIntervalSeconds] = useTabInterval(config.pollIntervalSeconds);
  const [paused, setPaused] = useState(false);
  const hidden = usePageHidden();
  const intervalMs = intervalSeconds * 1000;
  const query = useQuery(jobQueryOptions(jobKey, { client, intervalMs, hidden, paused, jitterSeed: TAB_JITTER_SEED }));
  const now = useNow();
  const { data, error, failureReason, failureCount, fetchStatus, status, dataUpdatedAt, errorUpdatedAt } = query;
  const storageKey = JSON.stringify([jobKey.region, jobKey.appId, jobKey.envName, jobKey.jobId]);
  const notify = useNotifyPreference();

  const fetching = fetchStatus === 'fetching';
  const retrying = fetching && failureCount > 0 && failureReason != null;
  const currentProblem = retrying ? failureReason : status === 'error' ? error : null;
  // Without credentials but with a user pool, the page is waiting for a sign-in, not failing.
  const needsSignIn = onSignIn !== undefined && status === 'error' && isAwsError(error) && error.kind === 'no-credentials';
  const unreachable = isAwsError(currentProblem) && UNREACHABLE_KINDS.has(currentProblem.kind);

  const tone = statusTone(data?.status);
  const tabState: TabState = unreachable
    ? 'unreachable'
    : !data
      ? 'idle'
      : tone === 'completed'
        ? 'completed'
        : tone === 'failed'
          ? 'failed'
          : 'running';
  const titleStatus = data?.status ?? (needsSignIn ? 'Sign in' : status === 'error' ? 'Error' : 'Loading');
  useTabIndicator(`${unreachable ? 'Can’t reach AWS · ' : ''}${titleStatus} · ${shortId(jobKey.jobId)} · ${APP_TITLE}`, tabState);
  useTerminalNotification(
    {
      key: storageKey,
      jobId: jobKey.jobId,
      operation: data?.operation,
      status: data?.status,
      appId: jobKey.appId,
      envName: jobKey.envName,
    },
    notify.state === 'on',
  );

  const [timeline, setTimeline] = useState(() => timelineFor(storageKey));
  const latestOperation = useRef<string | undefined>(undefined);
  latestOperation.current = data?.operation;
  const observed = data?.status;
  useEffect(() => {
    if (observed === undefined) return;
    setTimeline(observeStatus(storageKey, observed));
    rememberJob({ ...jobKey, status: observed, operation: latestOperation.current, lastSeen: Date.now() });
  }, [storageKey, observed, jobKey]);

  const context = errorContext(
    config,
    jobKey.region,
    GET_ACTION,
    `job ${jobKey.jobId} of app ${jobKey.appId}, environment ${jobKey.envName}`,
  );
  const retry = () => void query.refetch();
  // Joins a check already in flight instead of cancelling it (at most one request per job).
  const refreshNow = () => void query.refetch({ cancelRefetch: false });

  let problem = null;
  if (retrying) {
    const failedAt = isAwsError(failureReason) ? failureReason.at : new Date(now);
    const dueAt = failedAt.getTime() + retryDelayMs(failureCount - 1, failureReason, TAB_JITTER_SEED);
    const seconds = Math.ceil((dueAt - now) / 1000);
    const verb = data ? 'refresh' : 'load the job';
    problem = (
      <ErrorPanel
        tone="warning"
        description={describeError(failureReason, context)}
        lead={
          <>
            Couldn’t {verb} at {formatLocalTime(failedAt)} —{' '}
            {/* The countdown changes every second: shown, but kept out of the panel's announcement. */}
            <span aria-live="off">{seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'}</span>.
          </>
        }
      />
    );
  } else if (needsSignIn) {
    problem = (
      <section className="panel panel--warning" role="status">
        <h2 className="panel__title">Sign in to watch this job</h2>
        <p>
          {data
            ? 'Your session has ended. Below is the job as last seen; checks resume once you are signed in.'
            : 'This identity pool gives AWS credentials only to signed-in users.'}
        </p>
        <button type="button" className="button" onClick={onSignIn}>
          Sign in to continue
        </button>
      </section>
    );
  } else if (status === 'error') {
    const lead = data
      ? `Couldn’t refresh at ${formatLocalTime(isAwsError(error) ? error.at : new Date(errorUpdatedAt))}. Below is the job as last seen; automatic checks are stopped until you try again.`
      : undefined;
    problem = <ErrorPanel description={describeError(error, context)} lead={lead} onRetry={retry} retrying={fetching} />;
  } else if (fetchStatus === 'paused') {
    problem = (
      <section className="panel panel--warning" role="status">
        <p>
          <Icon name="offline" /> You are offline. Checks resume as soon as the connection is back.
        </p>
      </section>
    );
  }

  const finished = isTerminalStatus(data?.status);
  const delay = paused ? false : nextPollDelay({ status: data?.status, stoppedByError: status === 'error', intervalMs, hidden });
  const lastSettled = Math.max(dataUpdatedAt, errorUpdatedAt);
  // `now` ticks once a second and may predate the check that just landed.
  const nextCheckInMs = delay === false || lastSettled === 0 ? null : lastSettled + delay - Math.max(now, lastSettled);

  return (
    <article className="page job">
      <header className="job__header">
        <p className="muted">
          App <span className="mono">{jobKey.appId}</span> · environment{' '}
          <Link
            href={environmentJobsPath({
              appId: jobKey.appId,
              envName: jobKey.envName,
              region: jobKey.region === config.region ? undefined : jobKey.region,
            })}
          >
            <span className="mono">{jobKey.envName}</span>
          </Link>{' '}
          · {jobKey.region}
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

      <WatchControls
        paused={paused}
        onPausedChange={(next) => {
          setPaused(next);
          if (!next) retry();
        }}
        intervalSeconds={intervalSeconds}
        configIntervalSeconds={config.pollIntervalSeconds}
        onIntervalChange={setIntervalSeconds}
        nextCheckInMs={nextCheckInMs}
        checking={fetching}
        finished={finished}
        hidden={hidden}
      />

      <footer className="job__footer">
        <p className="muted">
          {dataUpdatedAt > 0 ? `Last checked ${formatLocalTime(new Date(dataUpdatedAt))}. ` : ''}
          {finished
            ? 'The job has finished; no more checks.'
            : delay === false
              ? status === 'error'
                ? 'Automatic checks are stopped.'
                : ''
              : `Checking every ${formatDuration(delay)} while the job runs.`}
        </p>
        <div className="actions">
          {/* Never disabled: a keyboard user's focus must not drop out every time a check runs. */}
          <button type="button" className="button" onClick={refreshNow} aria-busy={fetching}>
            Refresh now
          </button>
          <CopyButton value={window.location.href} label="Copy link to this job">
            Copy link
          </CopyButton>
          <NotifyButton state={notify.state} finished={finished} onEnable={notify.enable} onDisable={notify.disable} />
        </div>
      </footer>

      <ObservedTimeline entries={timeline} now={now} finished={finished} />
      <CliAndRaw jobKey={jobKey} job={data} />
    </article>
  );
}
