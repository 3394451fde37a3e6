import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { JobClients, WatchedJob } from '../../shared/aws/watchedJob';
import { usePageHidden } from '../../shared/browser/visibility';
import type { BoardJob } from '../../shared/domain/boardLink';
import { budgetedIntervalMs } from '../../shared/domain/pollingPolicy';
import { pollOffsetMs } from '../../shared/domain/pollSpread';
import { useJobElections, useJobsPolledInBrowser } from '../../shared/queries/jobPollElections';
import { jobQueryOptions, jobWatchOptions } from '../../shared/queries/jobQuery';

export type JobResult = UseQueryResult<WatchedJob>;

/**
 * Asks about every row at once (each status shows as soon as it can), then spreads the rows'
 * checks over the interval (each waits its own offset once: pollSpread), each by the job page's
 * policy. Returns the shared job queries in board order.
 */
export function useBoardWatch(jobs: readonly BoardJob[], clients: JobClients, intervalMs: number) {
  const hidden = usePageHidden();
  useJobElections(jobs);
  // Stretched when this browser polls more jobs than its request budget allows at this interval.
  const jobsInBrowser = useJobsPolledInBrowser();
  const budgeted = budgetedIntervalMs(intervalMs, jobsInBrowser);
  const settings = { intervalMs: budgeted, hidden, paused: false };
  const results = useQueries({
    queries: jobs.map((job, index) => ({
      ...jobQueryOptions(job, { clients }),
      ...jobWatchOptions(settings, pollOffsetMs(index, jobs.length, budgeted)),
    })),
  });
  return { results, hidden, budget: { intervalMs: budgeted, stretched: budgeted > intervalMs, jobsInBrowser } };
}
