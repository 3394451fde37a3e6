import type { QueryClient } from '@tanstack/react-query';
import type { WatchedJob } from '../shared/aws/watchedJob';
import type { AppConfig } from '../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { linkProblems } from '../shared/domain/jobIds';
import { sameJobRef, type JobRef } from '../shared/domain/jobRef';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { fetchJob, firstLeadOf, joinJobElection, knownInCache } from '../shared/queries/jobPollElections';
import { jobQueryOptions, seedFirstAnswer } from '../shared/queries/jobQuery';
import { deepLinkJobs } from './deepLinkJobs';
import { delay } from './delay';
import { matchRoute } from './routes';
import type { AppServices } from './services';

/** How long the first render waits for this tab to be given its jobs' election locks. */
export const BOOT_LEAD_WAIT_MS = 200;

/** A job request the page sent before React loaded (the first status): its answer, and when it came. */
export interface EarlyRequest {
  ref: JobRef;
  answer: Promise<WatchedJob>;
  /** The answer and when it came (epoch ms), once it has. */
  answered?: { job: WatchedJob; at: number };
}

/**
 * On a link that will be watched, starts the AWS calls before React's first render: the job page's
 * query joins the request already in flight. A request the page sent before React (`early`) is not
 * sent again: its answer goes into the cache as of when it came, or the query waits for it. Other
 * pages (and invalid links) send nothing until asked. Requests go through each job's cross-tab
 * election: with the job open in another tab, that tab's answer comes instead of a request of this
 * tab's own; the page takes its own seat before this one goes. Settles when the requests have left
 * (this tab leads its jobs' elections) or after BOOT_LEAD_WAIT_MS (another tab leads): the first
 * render waits for that.
 */
export function startDeepLinkRequests(
  location: { pathname: string; search: string },
  config: AppConfig,
  services: Pick<AppServices, 'clients' | 'credentials'>,
  queryClient: QueryClient,
  early: readonly EarlyRequest[] = [],
): Promise<void> {
  const leads: Promise<void>[] = [];
  for (const key of deepLinkJobs(location, config.region).jobs) {
    const options = jobQueryOptions(key, { clients: services.clients, jitterSeed: TAB_JITTER_SEED });
    const sent = early.find((request) => sameJobRef(request.ref, key));
    if (sent?.answered) {
      seedFirstAnswer(queryClient, key, sent.answered.job, sent.answered.at);
      continue;
    }
    const leave = joinJobElection(key, knownInCache(queryClient, key));
    // The request already on its way is the first fetch's; a retry asks again.
    let inFlight = sent?.answer;
    const queryFn = ({ signal }: { signal: AbortSignal }) => {
      const answer = inFlight ?? fetchJob(services.clients, key, signal);
      inFlight = undefined;
      return answer;
    };
    void queryClient.prefetchQuery({ ...options, queryFn }).finally(leave);
    if (!sent) leads.push(firstLeadOf(key));
  }
  const route = matchRoute(location.pathname, location.search);
  if (route.page === 'environment' && linkProblems(route.params, isAmplifyBackendRegion).length === 0) {
    services.credentials().catch(() => undefined);
  }
  if (leads.length === 0) return Promise.resolve();
  // A tab alone on its jobs is given their election locks within a task or two, and the requests
  // leave in that task: waiting for it puts them before React's first render instead of behind it.
  return Promise.race([Promise.all(leads).then(() => undefined), delay(BOOT_LEAD_WAIT_MS)]);
}
