import type { QueryClient } from '@tanstack/react-query';
import type { JobRef } from '../shared/domain/jobRef';
import type { AppConfig } from '../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { parseBoardSearch } from '../shared/domain/boardLink';
import { hostingLinkProblems, linkProblems } from '../shared/domain/jobIds';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { jobQueryOptions } from '../shared/queries/jobQuery';
import { firstLeadOf, joinJobElection, knownInCache } from '../shared/queries/jobPollElections';
import { matchRoute } from './routes';
import type { AppServices } from './services';

/** How long the first render waits for this tab to be given its jobs' election locks. */
export const BOOT_LEAD_WAIT_MS = 200;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * On a link that will be watched, starts the AWS calls before React's first render: the job page's
 * query joins the request already in flight. Other pages (and invalid links) send nothing until
 * asked. Requests go through each job's cross-tab election: with the job open in another tab, that
 * tab's answer comes instead of a request of this tab's own; the page takes its own seat before
 * this one goes. Settles when the requests have left (this tab leads its jobs' elections) or after
 * BOOT_LEAD_WAIT_MS (another tab leads): the first render waits for that.
 */
export function startDeepLinkRequests(
  { pathname, search }: { pathname: string; search: string },
  config: AppConfig,
  services: Pick<AppServices, 'clients' | 'credentials'>,
  queryClient: QueryClient,
): Promise<void> {
  const route = matchRoute(pathname, search);
  const watchable = (params: Parameters<typeof linkProblems>[0]) => linkProblems(params, isAmplifyBackendRegion).length === 0;
  const leads: Promise<void>[] = [];
  const prefetchJob = (key: JobRef) => {
    const leave = joinJobElection(key, knownInCache(queryClient, key));
    void queryClient
      .prefetchQuery(jobQueryOptions(key, { clients: services.clients, jitterSeed: TAB_JITTER_SEED }))
      .finally(leave);
    leads.push(firstLeadOf(key));
  };
  if (route.page === 'job' && watchable(route.params)) {
    const { params } = route;
    prefetchJob({ region: params.region ?? config.region, appId: params.appId, envName: params.envName, jobId: params.jobId });
  } else if (route.page === 'hosting-job' && hostingLinkProblems(route.params, isAmplifyBackendRegion).length === 0) {
    const { params } = route;
    prefetchJob({
      kind: 'hosting',
      region: params.region ?? config.region,
      appId: params.appId,
      branchName: params.branchName,
      jobId: params.jobId,
    });
  } else if (route.page === 'board') {
    // Every row at once, as the board asks (pollSpread spreads the checks after the first).
    parseBoardSearch(route.search, isAmplifyBackendRegion).jobs.forEach(prefetchJob);
  } else if (route.page === 'environment' && watchable(route.params)) {
    services.credentials().catch(() => undefined);
  }
  if (leads.length === 0) return Promise.resolve();
  // A tab alone on its jobs is given their election locks within a task or two, and the requests
  // leave in that task: waiting for it puts them before React's first render instead of behind it.
  return Promise.race([Promise.all(leads).then(() => undefined), delay(BOOT_LEAD_WAIT_MS)]);
}
