/**
 * Whether absolute times may be written with `Intl.DateTimeFormat` yet. The first formatter a page
 * builds loads the locale's data: about 200 ms of main thread at the benchmark's 4× CPU slowdown,
 * and built in the render that first shows a job, it kept the status off the screen that long. So
 * until the page has drawn once, an absolute time is written without Intl (the same instant in the
 * same zone, as `2026-11-30 13:05:09`), and the locale's format replaces it a task later: after the
 * next frame, or after a short timer in a tab that draws no frames (hidden).
 */
import { useSyncExternalStore } from 'react';

/** A hidden tab draws no frames; the locale format still comes this soon after the first use. */
export const LOCALE_FORMATS_LATEST_MS = 100;

let ready = false;
let scheduled = false;
const listeners = new Set<() => void>();

function markReady(): void {
  if (ready) return;
  ready = true;
  for (const listener of [...listeners]) listener();
}

function scheduleReady(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(markReady, 0));
  setTimeout(markReady, LOCALE_FORMATS_LATEST_MS);
}

/** True once Intl formatters may be built; the first call that finds them not ready schedules it. */
export function localeFormatsReady(): boolean {
  if (!ready) scheduleReady();
  return ready;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isReady = () => ready;

/** Re-renders the component when the locale's formats become available (once per page). */
export function useLocaleFormatsReady(): boolean {
  return useSyncExternalStore(subscribe, isReady, isReady);
}

/** For tests: as on a page that has not drawn yet (false), or has (true). */
export function setLocaleFormatsReadyForTests(next: boolean): void {
  ready = next;
  scheduled = next;
}
