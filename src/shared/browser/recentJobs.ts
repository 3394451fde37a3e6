import { useState } from 'react';
import { sameBoardJob as sameJob } from '../domain/boardLink';
import type { JobRef } from '../domain/jobRef';
import { isStoredJobKey, readJson, removeKey, writeJson } from './boundedStorage';
import { announceStoreChange, useStoreChange } from './storeEvents';

/** A job this browser watched, of either kind, with what it last said. */
export type RecentJob = JobRef & {
  status?: string;
  operation?: string;
  /** Epoch ms this browser last looked at the job. */
  lastSeen: number;
};

export const RECENT_JOBS_KEY = 'amplify-job-watch.recent-jobs.v1';
export const MAX_RECENT_JOBS = 20;

function isRecentJobs(value: unknown): value is RecentJob[] {
  return Array.isArray(value) && value.every((job) => isStoredJobKey(job) && typeof (job as RecentJob).lastSeen === 'number');
}

/** Puts `job` first, replacing its older entry, keeping the newest 20. */
export function addRecentJob(jobs: RecentJob[], job: RecentJob): RecentJob[] {
  return [job, ...jobs.filter((other) => !sameJob(other, job))].slice(0, MAX_RECENT_JOBS);
}

export function loadRecentJobs(storage?: Storage): RecentJob[] {
  return readJson(RECENT_JOBS_KEY, isRecentJobs, [], storage);
}

export function rememberJob(job: RecentJob, storage?: Storage): void {
  const before = loadRecentJobs(storage);
  const first = before[0];
  // Polling re-reports the same job every few seconds; write only when something a person would see changed.
  if (first && sameJob(first, job) && first.status === job.status && job.lastSeen - first.lastSeen < 60_000) return;
  writeJson(RECENT_JOBS_KEY, addRecentJob(before, job), storage);
  announceStoreChange(RECENT_JOBS_KEY);
}

/** Forgets the list (sign-out, "Forget these jobs"); every screen showing it follows at once. */
export function forgetRecentJobs(storage?: Storage): void {
  removeKey(RECENT_JOBS_KEY, storage);
  announceStoreChange(RECENT_JOBS_KEY);
}

/** The recent jobs as stored now, following every change: forgotten here, or changed in another tab. */
export function useRecentJobs(): RecentJob[] {
  const [jobs, setJobs] = useState(() => loadRecentJobs());
  useStoreChange(RECENT_JOBS_KEY, () => setJobs(loadRecentJobs()));
  return jobs;
}
