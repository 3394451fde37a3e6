import { useEffect, useRef, useState } from 'react';
import { isTerminalStatus, statusWord } from '../domain/jobStatus';
import { readJson, writeJson } from './boundedStorage';

export const NOTIFY_PREFERENCE_KEY = 'amplify-job-watch.notify.v1';

export type NotifyState = 'unsupported' | 'off' | 'on' | 'blocked';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** What this browser allows: `on` only when notifications are also wanted (by default, the person's remembered choice). */
export function notifyState(wanted = readJson(NOTIFY_PREFERENCE_KEY, isBoolean, false)): NotifyState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return wanted && Notification.permission === 'granted' ? 'on' : 'off';
}

/** Asks for permission (from a click, and only when not granted yet): `on` when the browser allows it. */
export async function requestNotify(): Promise<NotifyState> {
  if (!supported()) return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  return permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off';
}

/** Shows one notification (`tag`: one per subject); a click on it brings the page forward. */
export function showNotification(title: string, { body, tag }: { body: string; tag: string }): void {
  const notification = new Notification(title, { body, tag, icon: '/favicon.svg' });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

/** The "Notify me" choice, remembered per browser. Permission is asked only from the click. */
export function useNotifyPreference() {
  const [state, setState] = useState<NotifyState>(() => notifyState());
  const enable = async () => {
    if (!supported()) return;
    writeJson(NOTIFY_PREFERENCE_KEY, (await requestNotify()) === 'on');
    setState(notifyState());
  };
  const disable = () => {
    writeJson(NOTIFY_PREFERENCE_KEY, false);
    setState(notifyState());
  };
  return { state, enable, disable };
}

export interface TerminalNotice {
  /** Identifies the job; one notification per job per page. */
  key: string;
  jobId: string;
  operation?: string;
  status?: string;
  appId: string;
  /** Where the job runs, in words: "environment staging", "branch main". */
  place: string;
  /** What to call the job when it has no operation: "backend job", "hosting job". */
  kindName: string;
}

const notified = new Set<string>();

/**
 * Fires one notification when a job this page watched while it ran reaches a terminal status.
 * A job that was already finished when the page opened does not notify.
 */
export function useTerminalNotification(notice: TerminalNotice, enabled: boolean): void {
  const sawRunning = useRef(false);
  const { key, status } = notice;
  const latest = useRef(notice);
  latest.current = notice;
  useEffect(() => {
    if (status === undefined) return;
    if (!isTerminalStatus(status)) {
      sawRunning.current = true;
      return;
    }
    if (!enabled || !sawRunning.current || notified.has(key) || notifyState() !== 'on') return;
    notified.add(key);
    const { jobId, operation, appId, place, kindName } = latest.current;
    showNotification(`${statusWord(status)}: ${operation ?? kindName}`, {
      body: `Job ${jobId} of app ${appId}, ${place}`,
      tag: key,
    });
  }, [key, status, enabled]);
}
