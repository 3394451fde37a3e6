import type { FetchStatus } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { jobFromRaw, storableRaw, type WatchedJob } from '../aws/watchedJob';
import { loadLastKnownJob, saveLastKnownJob, subscribeToLastKnownJobs } from '../browser/lastKnownJobs';
import { pickJobRef, type JobRef } from '../domain/jobRef';

export interface JobAnswerState {
  data: WatchedJob | undefined;
  dataUpdatedAt: number;
  fetchStatus: FetchStatus;
}

/**
 * A job query's answer, or, while it has none and waits for the network, this browser's last answer
 * from an earlier visit (`fromMemory`, with when it came): the job page and the board show it plainly as
 * "Offline — last checked …", never as live. Each answer the query gets is kept for the next visit.
 * Storage is read only when the page has to fall back on it, not on every start.
 */
export function useLastKnownJob(jobKey: JobRef, { data, dataUpdatedAt, fetchStatus }: JobAnswerState) {
  // The reference as a string: an effect dependency that changes only when the job does.
  const name = JSON.stringify(pickJobRef(jobKey));
  const fallBack = data === undefined && fetchStatus === 'paused';
  // Forgotten (sign-out, here or in another tab) or rewritten elsewhere: read the store again.
  const [storeVersion, setStoreVersion] = useState(0);
  useEffect(() => subscribeToLastKnownJobs(() => setStoreVersion((version) => version + 1)), []);
  const fromMemory = useMemo(() => {
    const ref = JSON.parse(name) as JobRef;
    const entry = fallBack ? loadLastKnownJob(ref) : undefined;
    return entry ? { job: jobFromRaw(ref, entry.wire), checkedAt: entry.checkedAt } : undefined;
    // storeVersion: a change of the store is a reason to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fallBack, name, storeVersion]);
  useEffect(() => {
    // Another tab's answer is stored by that tab, never by this one.
    if (data === undefined || dataUpdatedAt === 0 || data.relayed) return;
    saveLastKnownJob({ ...(JSON.parse(name) as JobRef), wire: storableRaw(data), checkedAt: dataUpdatedAt });
  }, [name, data, dataUpdatedAt]);
  return { data: data ?? fromMemory?.job, fromMemory };
}
