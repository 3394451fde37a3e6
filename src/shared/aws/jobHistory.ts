import { isHostingRef, type JobRef } from '../domain/jobRef';
import type { JobClients, WatchedJob } from './watchedJob';

/*
 * An environment's (or branch's) earlier jobs, read for estimates: plain requests, no caching, so the
 * page's query (queries/historyQuery) and the terminal command read them the same way.
 */

/** ListBackendJobs (or ListJobs) pages read for an estimate, at most. */
export const HISTORY_MAX_PAGES = 5;

/** ListJobs' largest page: a branch's history in one or two requests. */
const HOSTING_PAGE_SIZE = 50;

/** Reads up to HISTORY_MAX_PAGES pages of ListBackendJobs or ListJobs, newest first as the services list them. */
export async function readHistory(clients: JobClients, ref: JobRef, signal?: AbortSignal): Promise<WatchedJob[]> {
  const jobs: WatchedJob[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
    const result = isHostingRef(ref)
      ? await clients.hosting.listJobs(ref, { maxResults: HOSTING_PAGE_SIZE, nextToken }, signal)
      : await clients.backend.listBackendJobs(ref, nextToken ? { nextToken } : {}, signal);
    jobs.push(...result.jobs);
    nextToken = result.nextToken;
    if (!nextToken) break;
  }
  return jobs;
}
