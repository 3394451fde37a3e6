import './board.css';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { JobClients } from '../../shared/aws/watchedJob';
import { rememberBoard } from '../../shared/browser/boardMemory';
import { Link, navigate } from '../../shared/browser/history';
import { useTabIndicator } from '../../shared/browser/tabIndicator';
import type { AppConfig } from '../../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import {
  boardJobId,
  boardPath,
  MAX_BOARD_JOBS,
  parseBoardSearch,
  removeBoardJob,
  type BoardJob,
  type InvalidBoardEntry,
} from '../../shared/domain/boardLink';
import { showsEstimate } from '../../shared/domain/jobEstimate';
import { placeName } from '../../shared/domain/jobRef';
import { jobRefPagePath } from '../../shared/domain/jobRoutes';
import { describeJobQuery } from '../../shared/queries/describeJobQuery';
import { CopyButton } from '../../shared/ui/CopyButton';
import { durationNote } from '../../shared/ui/JobEstimate';
import { LazyShortcutsDialog } from '../../shared/ui/LazyShortcutsDialog';
import { useNow } from '../../shared/ui/useNow';
import { useShortcuts } from '../../shared/ui/useShortcuts';
import { AllDoneNotify } from './AllDoneNotify';
import { jobNoun } from './boardJobNames';
import { BoardRow, type BoardRowConfig } from './BoardRow';
import { rowStateOf, settledNotice, summarizeBoard } from './boardSummary';
import { boardIntro, stretchedNote } from './boardText';
import { useBoardAnnouncements } from './useBoardAnnouncements';
import { useBoardWatch, type JobResult } from './useBoardWatch';

/** Jobs past the maximum named in the warning, at most; the rest are counted. */
export const REFUSED_NAMED = 5;

export type BoardConfig = Pick<AppConfig, 'pollIntervalSeconds'> & BoardRowConfig;

export interface BoardPageProps {
  /** The page's query string: one `job` (AmplifyBackend) or `build` (Amplify Hosting) parameter per job. */
  search: string;
  config: BoardConfig;
  clients: JobClients;
}

type BoardBudget = ReturnType<typeof useBoardWatch>['budget'];

/** Entries of the link listed as not understood; past these, a count. */
const INVALID_SHOWN = 10;

/** Several jobs at once, each a row; the address bar is the board's share link. */
export function BoardPage({ search, config, clients }: BoardPageProps) {
  const { jobs, refusedJobs, invalid } = parseBoardSearch(search, isAmplifyBackendRegion);
  const { results, budget } = useBoardWatch(jobs, clients, config.pollIntervalSeconds * 1000);
  const now = useNow();
  const { rows, settled, announcement } = useBoardSummary(jobs, results);
  const shareUrl = useRememberedBoard(jobs);
  const heading = useRef<HTMLHeadingElement>(null);
  const [shortcutsShown, setShortcutsShown] = useState(false);
  const shortcuts = [{ key: '?', description: 'Show these shortcuts', run: () => setShortcutsShown(true) }];
  useShortcuts(shortcuts, !shortcutsShown);

  const remove = (job: BoardJob) => {
    // Jobs the link held past the maximum stay in it: the first of them moves up into the room made.
    navigate(boardPath([...removeBoardJob(jobs, job), ...refusedJobs]), { replace: true });
    // The row and its button are gone: keep keyboard focus on the page, not on <body>.
    heading.current?.focus();
  };

  return (
    <article className="page board">
      <BoardHeader ref={heading} jobCount={jobs.length} budget={budget} />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {refusedJobs.length > 0 ? <RefusedJobs jobs={refusedJobs} defaultRegion={config.region} /> : null}
      {invalid.length > 0 ? <InvalidEntries invalid={invalid} /> : null}

      {jobs.length > 0 ? (
        <ul className="board__rows" aria-label="Jobs on the board">
          {jobs.map((job, index) => (
            <BoardRow
              key={boardJobId(job)}
              job={job}
              result={results[index]!}
              config={config}
              clients={clients}
              now={now}
              onRemove={() => remove(job)}
            />
          ))}
        </ul>
      ) : null}
      {durationNotes(jobs, results).map((note) => (
        <p key={note} className="muted small board__note">
          {note}
        </p>
      ))}

      <div className="actions">
        {jobs.length > 0 ? (
          <CopyButton value={shareUrl} label="Copy link to this board">
            Copy link
          </CopyButton>
        ) : null}
        <AllDoneNotify rows={rows} settled={settled} />
      </div>
      <LazyShortcutsDialog shown={shortcutsShown} shortcuts={shortcuts} onClose={() => setShortcutsShown(false)} />
    </article>
  );
}

/** The tab's title and favicon, and the board's one live region, from what each row's job query means. */
function useBoardSummary(jobs: readonly BoardJob[], results: readonly JobResult[]) {
  const rows = results.map((result) => rowStateOf(describeJobQuery(result)));
  const summary = summarizeBoard(rows);
  useTabIndicator(summary.title, summary.favicon);
  const notice = summary.settled ? settledNotice(rows) : null;
  const announcement = useBoardAnnouncements(jobs, results, notice ? `${notice.title}: ${notice.body}` : null);
  return { rows, settled: summary.settled, announcement };
}

/** Remembers the board as the last one shown (for "Add to board"), and gives its share link. */
function useRememberedBoard(jobs: readonly BoardJob[]): string {
  const [shareUrl, setShareUrl] = useState('');
  const path = boardPath(jobs);
  useEffect(() => {
    rememberBoard(jobs);
    setShareUrl(new URL(path, window.location.href).href);
    // `jobs` is a fresh array each render; the path says everything about it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);
  return shareUrl;
}

/** How durations are measured, once for the board: one line per kind of job that shows an estimate. */
function durationNotes(jobs: readonly BoardJob[], results: readonly JobResult[]): string[] {
  return [...new Set(jobs.flatMap((job, index) => (showsEstimate(results[index]?.data) ? [durationNote(job)] : [])))];
}

/** The heading, what the board is, and the interval when the browser's request budget stretched it. */
function BoardHeader({ ref, jobCount, budget }: { ref: Ref<HTMLHeadingElement>; jobCount: number; budget: BoardBudget }) {
  return (
    <header>
      <h1 ref={ref} tabIndex={-1}>
        Board
      </h1>
      <p className="muted">{boardIntro(jobCount)}</p>
      {budget.stretched ? (
        <p className="muted small" role="note">
          {stretchedNote(budget.jobsInBrowser, budget.intervalMs)}
        </p>
      ) : null}
    </header>
  );
}

/** The entries of the link that are not jobs, each with the reason. */
function InvalidEntries({ invalid }: { invalid: readonly InvalidBoardEntry[] }) {
  return (
    <section className="panel panel--warning" aria-labelledby="board-invalid-title">
      <h2 className="panel__title" id="board-invalid-title">
        {invalid.length === 1
          ? 'One entry in the link was not understood'
          : `${invalid.length} entries in the link were not understood`}
      </h2>
      <ul>
        {invalid.slice(0, INVALID_SHOWN).map((entry, index) => (
          <li key={index}>
            <span className="mono break">{entry.text || '(empty)'}</span>: {entry.reason}
          </li>
        ))}
        {invalid.length > INVALID_SHOWN ? <li>and {invalid.length - INVALID_SHOWN} more</li> : null}
      </ul>
    </section>
  );
}

/** The jobs of the link past the maximum, by name (the first few), so nobody wonders which. */
function RefusedJobs({ jobs, defaultRegion }: { jobs: readonly BoardJob[]; defaultRegion: string }) {
  const named = jobs.slice(0, REFUSED_NAMED);
  const more = jobs.length - named.length;
  return (
    <section className="panel panel--warning" role="status">
      <p>
        A board watches at most {MAX_BOARD_JOBS} jobs, so {jobs.length === 1 ? 'this job' : `these ${jobs.length} jobs`} in the
        link {jobs.length === 1 ? 'is' : 'are'} not watched. Remove some jobs above to make room: the next one moves up.
      </p>
      <ul className="board__refused">
        {named.map((job) => (
          <li key={boardJobId(job)}>
            {jobNoun(job)}{' '}
            <Link href={jobRefPagePath(job, defaultRegion)} className="mono break">
              {job.jobId}
            </Link>{' '}
            <span className="muted">
              (<span className="mono break">{job.appId}</span> / <span className="mono break">{placeName(job)}</span> /{' '}
              {job.region})
            </span>
          </li>
        ))}
        {more > 0 ? <li>and {more} more</li> : null}
      </ul>
    </section>
  );
}
