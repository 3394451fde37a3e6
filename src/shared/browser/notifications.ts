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

export function currentNotifyState(): NotifyState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const wanted = readJson(NOTIFY_PREFERENCE_KEY, isBoolean, false);
  return wanted && Notification.permission === 'granted' ? 'on' : 'off';
}

/** The "Notify me" choice, remembered per browser. Permission is asked only from the click. */
export function useNotifyPreference() {
  const [state, setState] = useState<NotifyState>(currentNotifyState);
  const enable = async () => {
    if (!supported()) return;
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    writeJson(NOTIFY_PREFERENCE_KEY, permission === 'granted');
    setState(currentNotifyState());
  };
  const disable = () => {
    writeJson(NOTIFY_PREFERENCE_KEY, false);
    setState(currentNotifyState());
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
    if (!enabled || !sawRunning.current || notified.has(key) || currentNotifyState() !== 'on') return;
    notified.add(key);
    const { jobId, operation, appId, place, kindName } = latest.current;
    const notification = new Notification(`${statusWord(status)}: ${operation ?? kindName}`, {
      body: `Job ${jobId} of app ${appId}, ${place}`,
      tag: key,
      icon: '/favicon.svg',
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }, [key, status, enabled]);
}
