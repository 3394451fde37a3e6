import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../shared/browser/history';
import { boardPath, MAX_BOARD_JOBS, type BoardJob } from '../../shared/domain/boardLink';
import { statusTone } from '../../shared/domain/jobStatus';
import { describeError, type ErrorContext } from '../../shared/ui/describeError';
import { ErrorPanel } from '../../shared/ui/ErrorPanel';
import { formatTime, useAbsoluteTimeZone } from '../../shared/ui/timeFormat';
import { anyRunning, describeListOrder, describeLoadedMore, newestFirst, type JobListPage, type ListedJob } from './jobListQuery';
import { LoadMoreButton } from './LoadMoreButton';

export interface JobListProps<J extends ListedJob> {
  query: UseInfiniteQueryResult<InfiniteData<JobListPage<J>, unknown>>;
  /** Which list this is (place and filters): what "Load more" said belongs to it alone. */
  listKey: string;
  errorContext: ErrorContext;
  pollIntervalSeconds: number;
  /** What an empty list says, and what it offers (e.g. "Clear filters"). */
  emptyText: string;
  emptyAction?: ReactNode;
  /** A row's job as a board entry ("Watch all running"). */
  boardJob: (job: J) => BoardJob | undefined;
  table: (jobs: J[], describedBy: string) => ReactNode;
}

/**
 * Everything a job list shows around its table, the same for every list: the error in words (and
 * "Try again"), loading, empty, how the rows are sorted, "Load more" and what it brought, "Watch all
 * running", "Refresh now", when it was last refreshed and whether it refreshes by itself.
 */
export function JobList<J extends ListedJob>(props: JobListProps<J>) {
  const { query, listKey, errorContext, pollIntervalSeconds, emptyText, emptyAction, boardJob, table } = props;
  const orderId = useId();
  const [loadedMore, setLoadedMore] = useState({ listKey, text: '' });
  const refreshButton = useRef<HTMLButtonElement>(null);
  const loadedBefore = useRef<J[]>([]);
  const jobs = newestFirst(query.data);
  const order = describeListOrder(query.data, query.hasNextPage);
  const running = anyRunning(query.data);
  const problem = query.failureReason ?? query.error;
  const runningJobs = jobs
    .filter((job) => statusTone(job.status) === 'running')
    .map(boardJob)
    .filter((job): job is BoardJob => job !== undefined);
  const watchAll = runningJobs.slice(0, MAX_BOARD_JOBS);

  return (
    <>
      {problem && (query.isError || query.failureCount > 0) ? (
        <ErrorPanel
          tone={query.isError ? 'error' : 'warning'}
          description={describeError(problem, errorContext)}
          lead={query.isError ? undefined : 'Retrying by itself…'}
          onRetry={query.isError ? () => void query.refetch() : undefined}
          retrying={query.isFetching}
        />
      ) : null}

      {query.isPending && !query.failureReason ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading jobs from AWS…
        </p>
      ) : null}

      {query.isSuccess && jobs.length === 0 ? (
        <div className="no-jobs">
          <p role="status">{emptyText}</p>
          {emptyAction}
        </div>
      ) : null}

      {order ? (
        <p className="muted" id={orderId}>
          {order}
        </p>
      ) : null}
      {jobs.length > 0 ? table(jobs, orderId) : null}
      <p className="muted" role="status">
        {loadedMore.listKey === listKey ? loadedMore.text : ''}
      </p>

      <div className="actions">
        {query.hasNextPage ? (
          <LoadMoreButton
            loading={query.isFetchingNextPage}
            onLoad={() => {
              const before = jobs;
              loadedBefore.current = before;
              setLoadedMore({ listKey, text: '' });
              void query.fetchNextPage().then((result) => {
                if (result.isSuccess) setLoadedMore({ listKey, text: describeLoadedMore(before, newestFirst(result.data)) });
              });
            }}
            // The last page is in: the button goes, and focus goes on to the first job it brought,
            // wherever the sort put it.
            focusAfter={() => {
              const known = new Set(loadedBefore.current.map((job) => job.jobId));
              const links = [...document.querySelectorAll<HTMLElement>('.job-table__id-link')];
              return links.find((link) => !known.has(link.title)) ?? refreshButton.current;
            }}
          />
        ) : null}
        {watchAll.length > 0 ? (
          <Link className="button" href={boardPath(watchAll)}>
            {runningJobs.length > MAX_BOARD_JOBS ? `Watch the first ${MAX_BOARD_JOBS} running` : 'Watch all running'}
          </Link>
        ) : null}
        <button
          type="button"
          className="button"
          ref={refreshButton}
          onClick={() => void query.refetch({ cancelRefetch: false })}
          aria-busy={query.isFetching}
        >
          Refresh now
        </button>
      </div>
      {query.dataUpdatedAt > 0 ? (
        <p className="muted">
          Last refreshed <LastRefreshed at={query.dataUpdatedAt} />
        </p>
      ) : null}
      <p className="muted">
        {running
          ? `Refreshing every ${pollIntervalSeconds} s while a listed job runs.`
          : query.isSuccess
            ? 'No listed job is running; not refreshing.'
            : ''}
      </p>
    </>
  );
}

function LastRefreshed({ at }: { at: number }) {
  const zone = useAbsoluteTimeZone();
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{formatTime(date, zone)}</time>;
}
