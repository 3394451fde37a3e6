import { sameBoardJob as sameJob, type BoardJob } from '../domain/boardLink';
import { pickJobRef } from '../domain/jobRef';
import { isStoredJobKey, readJson, removeKey, writeJson } from './boundedStorage';
import { announceStoreChange, subscribeToStore } from './storeEvents';

/**
 * The last answer this browser had for each watched job, as AWS sent it, with when it came: what the
 * job page shows when it opens with no network ("Offline — last checked 14:02:11"). Never credentials,
 * never a request; bounded to the 20 jobs seen last, and forgotten with the rest of the trail on sign-out.
 */
export type LastKnownJob = BoardJob & {
  /** The job's JSON as GetBackendJob (or GetJob) returned it. */
  wire: Record<string, unknown>;
  /** Epoch ms of that answer. */
  checkedAt: number;
};

export const LAST_KNOWN_KEY = 'amplify-job-watch.last-known.v1';
export const MAX_LAST_KNOWN = 20;

function isLastKnownList(value: unknown): value is LastKnownJob[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isStoredJobKey(entry) &&
        typeof (entry as LastKnownJob).checkedAt === 'number' &&
        typeof (entry as LastKnownJob).wire === 'object' &&
        (entry as LastKnownJob).wire !== null,
    )
  );
}

export function loadLastKnownJob(key: BoardJob, storage?: Storage): LastKnownJob | undefined {
  return readJson(LAST_KNOWN_KEY, isLastKnownList, [], storage).find((entry) => sameJob(entry, key));
}

/** Keeps `entry` as its job's last answer (newest first, 20 at most); an older answer never replaces a newer one. */
export function saveLastKnownJob(entry: LastKnownJob, storage?: Storage): void {
  const before = readJson(LAST_KNOWN_KEY, isLastKnownList, [], storage);
  const current = before.find((other) => sameJob(other, entry));
  if (current && current.checkedAt >= entry.checkedAt) return;
  const key: BoardJob = pickJobRef(entry);
  const after = [{ ...key, wire: entry.wire, checkedAt: entry.checkedAt }, ...before.filter((other) => !sameJob(other, entry))];
  writeJson(LAST_KNOWN_KEY, after.slice(0, MAX_LAST_KNOWN), storage);
}

export function forgetLastKnownJobs(storage?: Storage): void {
  removeKey(LAST_KNOWN_KEY, storage);
  announceStoreChange(LAST_KNOWN_KEY);
}

/** Calls `listener` when the last answers are forgotten in this tab or change in another; returns the unsubscribe. */
export function subscribeToLastKnownJobs(listener: () => void): () => void {
  return subscribeToStore(LAST_KNOWN_KEY, listener);
}
