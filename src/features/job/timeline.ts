import { readJson, removeKey, writeJson } from '../../shared/browser/boundedStorage';
import { announceStoreChange } from '../../shared/browser/storeEvents';

/** One status as this browser first saw it. The API keeps no history; this is what was observed. */
export interface ObservedStatus {
  status: string;
  /** Epoch ms when this browser first saw the status. */
  firstSeen: number;
}

export type Timelines = Record<string, { updated: number; entries: ObservedStatus[] }>;

export const TIMELINE_KEY = 'amplify-job-watch.timelines.v1';
export const MAX_TIMELINE_JOBS = 50;
export const MAX_TIMELINE_ENTRIES = 30;

function isTimelines(value: unknown): value is Timelines {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (timeline) =>
      typeof timeline === 'object' &&
      timeline !== null &&
      typeof (timeline as { updated?: unknown }).updated === 'number' &&
      Array.isArray((timeline as { entries?: unknown }).entries) &&
      (timeline as { entries: unknown[] }).entries.every(
        (entry) =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as ObservedStatus).status === 'string' &&
          typeof (entry as ObservedStatus).firstSeen === 'number',
      ),
  );
}

/** Appends `status` when it differs from the last one seen, keeping every list and the map bounded. */
export function recordStatus(timelines: Timelines, jobKey: string, status: string, now: number): Timelines {
  const current = timelines[jobKey]?.entries ?? [];
  if (current[current.length - 1]?.status === status) return timelines;
  const entries = [...current, { status, firstSeen: now }].slice(-MAX_TIMELINE_ENTRIES);
  const next: Timelines = { ...timelines, [jobKey]: { updated: now, entries } };
  const keys = Object.keys(next);
  if (keys.length > MAX_TIMELINE_JOBS) {
    keys
      .sort((a, b) => (next[a]?.updated ?? 0) - (next[b]?.updated ?? 0))
      .slice(0, keys.length - MAX_TIMELINE_JOBS)
      .forEach((key) => delete next[key]);
  }
  return next;
}

export function loadTimelines(storage?: Storage): Timelines {
  return readJson(TIMELINE_KEY, isTimelines, {}, storage);
}

export function observeStatus(jobKey: string, status: string, now = Date.now(), storage?: Storage): ObservedStatus[] {
  const before = loadTimelines(storage);
  const after = recordStatus(before, jobKey, status, now);
  if (after !== before) writeJson(TIMELINE_KEY, after, storage);
  return after[jobKey]?.entries ?? [];
}

export function timelineFor(jobKey: string, storage?: Storage): ObservedStatus[] {
  return loadTimelines(storage)[jobKey]?.entries ?? [];
}

/** Forgets every observed timeline (on sign-out: the next person at this browser should not see them). */
export function clearTimelines(storage?: Storage): void {
  removeKey(TIMELINE_KEY, storage);
  announceStoreChange(TIMELINE_KEY);
}
