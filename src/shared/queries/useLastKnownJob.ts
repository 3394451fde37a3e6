import { useEffect, useMemo, useState } from 'react';
import type { FetchStatus } from '@tanstack/react-query';
import { jobFromWire, type BackendJob, type BackendJobKey } from '../aws/amplifyBackend';
import { loadLastKnownJob, saveLastKnownJob, subscribeToLastKnownJobs } from '../browser/lastKnownJobs';

export interface JobAnswerState {
  data: BackendJob | undefined;
  dataUpdatedAt: number;
  fetchStatus: FetchStatus;
}

/**
 * A job query's answer, or, while it has none and waits for the network, this browser's last answer
 * from an earlier visit (`fromMemory`, with when it came): the job page and the board show it plainly as
 * "Offline — last checked …", never as live. Each answer the query gets is kept for the next visit.
 * Storage is read only when the page has to fall back on it, not on every start.
 */
export function useLastKnownJob(jobKey: BackendJobKey, { data, dataUpdatedAt, fetchStatus }: JobAnswerState) {
  const { region, appId, envName, jobId } = jobKey;
  const fallBack = data === undefined && fetchStatus === 'paused';
  // Forgotten (sign-out, here or in another tab) or rewritten elsewhere: read the store again.
  const [storeVersion, setStoreVersion] = useState(0);
  useEffect(() => subscribeToLastKnownJobs(() => setStoreVersion((version) => version + 1)), []);
  const fromMemory = useMemo(() => {
    const entry = fallBack ? loadLastKnownJob({ region, appId, envName, jobId }) : undefined;
    return entry ? { job: jobFromWire(entry.wire), checkedAt: entry.checkedAt } : undefined;
    // storeVersion: a change of the store is a reason to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fallBack, region, appId, envName, jobId, storeVersion]);
  useEffect(() => {
    // Another tab's answer is stored by that tab, never by this one.
    if (data === undefined || dataUpdatedAt === 0 || data.relayed) return;
    saveLastKnownJob({ region, appId, envName, jobId, wire: data.raw, checkedAt: dataUpdatedAt });
  }, [region, appId, envName, jobId, data, dataUpdatedAt]);
  return { data: data ?? fromMemory?.job, fromMemory };
}
