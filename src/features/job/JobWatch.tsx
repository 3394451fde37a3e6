import { lazy, Suspense, useRef, useState, type RefObject } from 'react';
import type { JobClients, WatchedJob } from '../../shared/aws/watchedJob';
import { useNotifyPreference } from '../../shared/browser/notifications';
import { useTabIndicator } from '../../shared/browser/tabIndicator';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { isHostingRef, type JobRef } from '../../shared/domain/jobRef';
import { statusWord } from '../../shared/domain/jobStatus';
import { TAB_JITTER_SEED } from '../../shared/domain/pollingPolicy';
import { useJobWatch } from '../../shared/queries/useJobWatch';
import { useLastKnownJob } from '../../shared/queries/useLastKnownJob';
import { ConsoleLink } from '../../shared/ui/ConsoleLink';
import { jobErrorContext } from '../../shared/ui/describeError';
import { EstimateSlot } from '../../shared/ui/EstimateSlot';
import { LazyShortcutsDialog } from '../../shared/ui/LazyShortcutsDialog';
import { useNow } from '../../shared/ui/useNow';
import { AddToBoard, useAddToBoard } from './AddToBoard';
import { CliAndRaw } from './CliAndRaw';
import { describeWatch } from './describeWatch';
import { HostingJobFacts } from './HostingJobFacts';
import { JobFacts } from './JobFacts';
import { JobStatus } from './JobStatus';
import { ObservedTimeline } from './ObservedTimeline';
import { useFocusRescue } from './useFocusRescue';
import { useJobMemory } from './useJobMemory';
import { useJobShortcuts } from './useJobShortcuts';
import { useTabInterval } from './useTabInterval';
import { WatchBar } from './WatchBar';
import { WatchProblemPanel } from './WatchProblemPanel';

// Not needed for the first status: the estimate (and its ListBackendJobs or ListJobs) loads after it.
// Optional: a chunk that cannot load (offline, a deployment replaced mid-visit) leaves it out, nothing more.
const JobEstimate = lazy(async () => {
  try {
    return { default: (await import('../../shared/ui/JobEstimate')).JobEstimate };
  } catch {
    return { default: () => null };
  }
});

export interface JobWatchProps {
  jobKey: JobRef;
  config: JobPageConfig;
  clients: JobClients;
  onSignIn?: () => void;
  onRegionChange: (region: string) => void;
  /** The page around the watch, and its heading: focus never drops to the body from within it. */
  page: RefObject<HTMLElement | null>;
  heading: RefObject<HTMLHeadingElement | null>;
}

/** This tab's watch of one job: the query, the page's own settings (interval, pause) and what describeWatch makes of them. */
function useWatch(jobKey: JobRef, config: JobPageConfig, clients: JobClients, canSignIn: boolean) {
  const [intervalSeconds, setIntervalSeconds] = useTabInterval(config.pollIntervalSeconds);
  const [paused, setPaused] = useState(false);
  const intervalMs = intervalSeconds * 1000;
  const { query, hidden, pollDelayMs } = useJobWatch(jobKey, { clients, intervalMs, paused, jitterSeed: TAB_JITTER_SEED });
  // Once nothing is planned (finished, stopped, paused) nothing counts down: the clock is re-read once a minute.
  const now = useNow(pollDelayMs === false && query.fetchStatus !== 'fetching' ? 60_000 : 1000);
  // Opened with no network and nothing asked yet: the last answer from an earlier visit, marked as such.
  const { data, fromMemory } = useLastKnownJob(jobKey, query);
  const { status, fetchStatus, error, failureReason, failureCount, errorUpdatedAt } = query;
  const dataUpdatedAt = fromMemory?.checkedAt ?? query.dataUpdatedAt;
  const settings = { paused, hidden, intervalMs, pollDelayMs, canSignIn, jitterSeed: TAB_JITTER_SEED };
  const state = { status, fetchStatus, error, failureReason, failureCount, dataUpdatedAt, errorUpdatedAt, ...settings };
  const watch = describeWatch({ ...state, jobId: jobKey.jobId, job: data, fromMemory: fromMemory !== undefined }, now);
  useTabIndicator(watch.tab.title, watch.tab.state);

  const retry = () => void query.refetch();
  // Resuming checks at once. Refresh joins a check already in flight instead of cancelling it (at most one request per job).
  const onPausedChange = (next: boolean) => {
    setPaused(next);
    if (!next) retry();
  };
  const onRefresh = () => void query.refetch({ cancelRefetch: false });
  const controls = { paused, onPausedChange, onRefresh, intervalSeconds, onIntervalChange: setIntervalSeconds };
  return { data, now, watch, retry, controls };
}

/** One job, watched: the query, this tab's watch settings, and what the page shows about them. */
export function JobWatch({ jobKey, config, clients, onSignIn, onRegionChange, page, heading }: JobWatchProps) {
  const { data, now, watch, retry, controls } = useWatch(jobKey, config, clients, onSignIn !== undefined);
  const notify = useNotifyPreference();
  const timeline = useJobMemory(jobKey, data, notify.state === 'on');
  const status = useRef<HTMLElement>(null);
  useFocusRescue(page, () => status.current ?? heading.current);
  const board = useAddToBoard(jobKey);
  const keys = useJobShortcuts({ ...controls, controls: watch.controls, onAddToBoard: board.add });

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {data?.status ? `Job status: ${statusWord(data.status)}` : ''}
      </div>

      {watch.problem ? (
        <WatchProblemPanel
          problem={watch.problem}
          context={jobErrorContext(config, jobKey)}
          checking={watch.checking}
          onRetry={retry}
          onSignIn={onSignIn}
          onRegionChange={onRegionChange}
        />
      ) : null}

      {data ? (
        <JobStatus ref={status} job={data} now={now} asOf={watch.stale ? watch.lastCheckedAt : null} />
      ) : watch.loading ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the job from AWS…
        </p>
      ) : null}

      <WatchBar {...controls} watch={watch} configIntervalSeconds={config.pollIntervalSeconds} notify={notify} />
      <p className="actions">
        <AddToBoard state={board.state} onAdd={board.add} /> <ConsoleLink jobRef={jobKey} />
      </p>

      {data ? <JobDetails jobKey={jobKey} job={data} clients={clients} now={now} /> : null}
      <ObservedTimeline entries={timeline} now={now} finished={watch.finished} />
      <CliAndRaw jobKey={jobKey} job={data} />
      <LazyShortcutsDialog shown={keys.shown} shortcuts={keys.shortcuts} onClose={keys.close} />
    </>
  );
}

// Below the controls, so the status, when it was checked and Refresh stay together: the estimate (read after the first
// status, in room kept for it so nothing moves when it arrives), then the job's facts as its kind has them.
function JobDetails({ jobKey, job, clients, now }: { jobKey: JobRef; job: WatchedJob; clients: JobClients; now: number }) {
  return (
    <>
      <Suspense fallback={<EstimateSlot job={job} />}>
        <JobEstimate clients={clients} jobRef={jobKey} job={job} now={now} />
      </Suspense>
      {job.kind === 'hosting' && isHostingRef(jobKey) ? (
        <HostingJobFacts job={job} jobKey={jobKey} now={now} />
      ) : job.kind !== 'hosting' && !isHostingRef(jobKey) ? (
        <JobFacts job={job} jobKey={jobKey} now={now} />
      ) : null}
    </>
  );
}
