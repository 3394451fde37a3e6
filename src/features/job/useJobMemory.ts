import { useEffect, useRef, useState } from 'react';
import type { WatchedJob } from '../../shared/aws/watchedJob';
import { useTerminalNotification } from '../../shared/browser/notifications';
import { rememberJob } from '../../shared/browser/recentJobs';
import { useStoreChange } from '../../shared/browser/storeEvents';
import { isHostingRef, jobPlace, jobRefParts, type JobRef } from '../../shared/domain/jobRef';
import { observeStatus, TIMELINE_KEY, timelineFor } from './timeline';

/**
 * What this browser keeps about a watched job: the statuses it saw (the timeline), the recent-jobs
 * list, and the notification when the job ends (when the person asked for one).
 */
export function useJobMemory(jobKey: JobRef, job: WatchedJob | undefined, notify: boolean) {
  const storageKey = JSON.stringify(jobRefParts(jobKey));
  useTerminalNotification(
    {
      key: storageKey,
      jobId: jobKey.jobId,
      operation: job?.operation,
      status: job?.status,
      appId: jobKey.appId,
      place: jobPlace(jobKey),
      kindName: isHostingRef(jobKey) ? 'hosting job' : 'backend job',
    },
    notify,
  );

  const [timeline, setTimeline] = useState(() => timelineFor(storageKey));
  // Forgotten (sign-out) or changed in another tab: show what is stored now, not what was.
  useStoreChange(TIMELINE_KEY, () => setTimeline(timelineFor(storageKey)));
  const latestOperation = useRef<string | undefined>(undefined);
  latestOperation.current = job?.operation;
  const observed = job?.status;
  // Another tab's answer: that tab keeps the trail (see jobPollElections); this one only shows it.
  const relayed = job?.relayed === true;
  useEffect(() => {
    if (observed === undefined) return;
    if (relayed) {
      setTimeline(timelineFor(storageKey));
      return;
    }
    setTimeline(observeStatus(storageKey, observed));
    rememberJob({ ...jobKey, status: observed, operation: latestOperation.current, lastSeen: Date.now() });
  }, [storageKey, observed, jobKey, relayed]);
  return timeline;
}
