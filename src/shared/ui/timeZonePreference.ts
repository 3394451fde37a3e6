/**
 * Whether absolute times are shown in the browser's time zone or in UTC: one preference for every page,
 * remembered in localStorage and followed by other tabs (storage event). Read it with useTimeZone().
 */
import { useSyncExternalStore } from 'react';

export type TimeZoneMode = 'local' | 'utc';

export const TIME_ZONE_STORAGE_KEY = 'amplify-job-watch.timeZone';

const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage blocked: the preference lasts for this page only
  }
}

function parse(value: string | null | undefined): TimeZoneMode {
  return value === 'utc' ? 'utc' : 'local';
}

let current: TimeZoneMode = readStored();

function readStored(): TimeZoneMode {
  try {
    return parse(storage()?.getItem(TIME_ZONE_STORAGE_KEY));
  } catch {
    return 'local';
  }
}

function emit(): void {
  for (const listener of [...listeners]) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== null && event.key !== TIME_ZONE_STORAGE_KEY) return;
  const next = readStored();
  if (next === current) return;
  current = next;
  emit();
}

export function getTimeZoneMode(): TimeZoneMode {
  return current;
}

export function setTimeZoneMode(mode: TimeZoneMode): void {
  try {
    storage()?.setItem(TIME_ZONE_STORAGE_KEY, mode);
  } catch {
    // full or blocked storage: still switch for this page
  }
  if (mode === current) return;
  current = mode;
  emit();
}

export function subscribeTimeZoneMode(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** Re-reads the stored preference (tests, or after storage was changed behind the page's back). */
export function reloadTimeZoneMode(): void {
  const next = readStored();
  if (next === current) return;
  current = next;
  emit();
}

const serverMode = (): TimeZoneMode => 'local';

/** The current preference; the component re-renders when it changes, in this tab or another. */
export function useTimeZone(): TimeZoneMode {
  return useSyncExternalStore(subscribeTimeZoneMode, getTimeZoneMode, serverMode);
}
