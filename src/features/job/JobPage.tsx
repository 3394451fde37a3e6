import { useState } from 'react';
import type { AmplifyBackendClient, BackendJobKey } from '../../shared/aws/amplifyBackend';
import { useNotifyPreference } from '../../shared/browser/notifications';
import { useTabIndicator } from '../../shared/browser/tabIndicator';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { linkProblems } from '../../shared/domain/jobIds';
import type { JobPageParams } from '../../shared/domain/jobRoutes';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { useJobWatch } from '../../shared/queries/useJobWatch';
import { CopyButton } from '../../shared/ui/CopyButton';
import { errorContext } from '../../shared/ui/describeError';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { formatLocalTime } from '../../shared/ui/timeFormat';
import { useNow } from '../../shared/ui/useNow';
import { CliAndRaw } from './CliAndRaw';
import { describeWatch } from './describeWatch';
import { JobDetails } from './JobDetails';
import { JobHeader } from './JobHeader';
import { NotifyButton } from './NotifyButton';
import { ObservedTimeline } from './ObservedTimeline';
import { useJobMemory } from './useJobMemory';
import { useTabInterval } from './useTabInterval';
import { WatchControls } from './WatchControls';
import { WatchProblemPanel } from './WatchProblemPanel';

const GET_ACTION = 'amplifybackend:GetBackendJob';

export interface JobPageProps {
  params: JobPageParams;
  config: JobPageConfig;
  client: AmplifyBackendClient;
  /** Opens sign-in, when the deployment has a user pool; missing credentials then ask for it instead of failing. */
  onSignIn?: () => void;
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

/** One job, watched: the query, this tab's watch settings, and what the page shows about them. */
function JobWatch({ jobKey, config, client, onSignIn }: JobWatchProps) {
  const [intervalSeconds, setIntervalSeconds] = useTabInterval(config.pollIntervalSeconds);
  const [paused, setPaused] = useState(false);
  const { query, hidden, pollDelayMs } = useJobWatch(jobKey, {
    client,
    intervalMs: intervalSeconds * 1000,
    paused,
    jitterSeed: TAB_JITTER_SEED,
  });
  const now = useNow();
  const notify = useNotifyPreference();
  const { data } = query;
  const watch = describeWatch(
    {
      jobId: jobKey.jobId,
      job: data,
      status: query.status,
      fetchStatus: query.fetchStatus,
      error: query.error,
      failureReason: query.failureReason,
      failureCount: query.failureCount,
      dataUpdatedAt: query.dataUpdatedAt,
      errorUpdatedAt: query.errorUpdatedAt,
      paused,
      hidden,
      pollDelayMs,
      canSignIn: onSignIn !== undefined,
      jitterSeed: TAB_JITTER_SEED,
    },
    now,
  );
  useTabIndicator(watch.tab.title, watch.tab.state);
  const timeline = useJobMemory(jobKey, data, notify.state === 'on');

  const context = errorContext(
    config,
    jobKey.region,
    GET_ACTION,
    `job ${jobKey.jobId} of app ${jobKey.appId}, environment ${jobKey.envName}`,
  );
  const retry = () => void query.refetch();
  // Joins a check already in flight instead of cancelling it (at most one request per job).
  const refreshNow = () => void query.refetch({ cancelRefetch: false });

  return (
    <article className="page job">
      <JobHeader jobKey={jobKey} defaultRegion={config.region} />

      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {data?.status ? `Job status: ${data.status}` : ''}
      </div>

      {watch.problem ? (
        <WatchProblemPanel
          problem={watch.problem}
          context={context}
          checking={watch.checking}
          onRetry={retry}
          onSignIn={onSignIn}
        />
      ) : null}

      {data ? (
        <JobDetails job={data} jobKey={jobKey} now={now} />
      ) : watch.loading ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the job from AWS…
        </p>
      ) : null}

      {watch.finished ? null : (
        <WatchControls
          paused={paused}
          onPausedChange={(next) => {
            setPaused(next);
            if (!next) retry();
          }}
          intervalSeconds={intervalSeconds}
          configIntervalSeconds={config.pollIntervalSeconds}
          onIntervalChange={setIntervalSeconds}
          countdown={watch.countdown}
        />
      )}

      <footer className="job__footer">
        <p className="muted">
          {watch.lastCheckedAt !== null ? `Last checked ${formatLocalTime(new Date(watch.lastCheckedAt))}. ` : ''}
          {watch.plan}
        </p>
        <div className="actions">
          {/* Never disabled: a keyboard user's focus must not drop out every time a check runs. */}
          <button type="button" className="button" onClick={refreshNow} aria-busy={watch.checking}>
            Refresh now
          </button>
          <CopyButton value={window.location.href} label="Copy link to this job">
            Copy link
          </CopyButton>
          <NotifyButton state={notify.state} finished={watch.finished} onEnable={notify.enable} onDisable={notify.disable} />
        </div>
      </footer>

      <ObservedTimeline entries={timeline} now={now} finished={watch.finished} />
      <CliAndRaw jobKey={jobKey} job={data} />
    </article>
  );
}
