import { useEffect, useRef, useState } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { AmplifyBackendClient, BackendJob } from '../../shared/aws/amplifyBackend';
import { isAwsError } from '../../shared/aws/awsError';
import { usePageHidden } from '../../shared/browser/visibility';
import { boardJobId, type BoardJob } from '../../shared/domain/boardLink';
import { statusTone } from '../../shared/domain/jobStatus';
import { pollOffsetMs } from '../../shared/domain/pollSpread';
import { useJobElections } from '../../shared/queries/jobPollElections';
import { jobQueryOptions, jobWatchOptions } from '../../shared/queries/jobQuery';
import type { RowState } from './boardSummary';

const UNREACHABLE_KINDS = new Set(['network', 'timeout', 'service-unavailable']);

export type JobResult = UseQueryResult<BackendJob>;

/** How one row counts in the board's summary. */
export function rowStateOf(
  result: Pick<JobResult, 'data' | 'status' | 'failureReason' | 'failureCount' | 'fetchStatus'>,
): RowState {
  const tone = statusTone(result.data?.status);
  if (tone === 'completed' || tone === 'failed') return tone;
  if (result.status === 'error') return 'error';
  const retrying = result.fetchStatus === 'fetching' && result.failureCount > 0;
  if (retrying && isAwsError(result.failureReason) && UNREACHABLE_KINDS.has(result.failureReason.kind)) return 'unreachable';
  return 'running';
}

/**
 * Starts each row at its own offset within the interval (so many rows do not ask in one burst),
 * then each polls by the job page's policy. Returns the shared job queries in board order.
 */
export function useBoardWatch(jobs: readonly BoardJob[], client: AmplifyBackendClient, intervalMs: number) {
  const hidden = usePageHidden();
  useJobElections(jobs);
  const started = useRef(new Set<string>());
  const [, setStartedCount] = useState(0);
  const ids = jobs.map(boardJobId);
  const idsKey = JSON.stringify(ids);

  useEffect(() => {
    const order: string[] = JSON.parse(idsKey) as string[];
    const timers = order.map((id, index) => {
      if (started.current.has(id)) return undefined;
      return window.setTimeout(
        () => {
          started.current.add(id);
          setStartedCount(started.current.size);
        },
        pollOffsetMs(index, order.length, intervalMs),
      );
    });
    return () => timers.forEach((timer) => timer !== undefined && window.clearTimeout(timer));
  }, [idsKey, intervalMs]);

  const settings = { intervalMs, hidden, paused: false };
  const results = useQueries({
    queries: jobs.map((job, index) => ({
      ...jobQueryOptions(job, { client }),
      ...jobWatchOptions(settings),
      enabled: started.current.has(ids[index] ?? ''),
    })),
  });
  return { results, hidden };
}
