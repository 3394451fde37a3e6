import './board.css';
import { useEffect, useRef, useState } from 'react';
import type { AmplifyBackendClient } from '../../shared/aws/amplifyBackend';
import { rememberBoard } from '../../shared/browser/boardMemory';
import { navigate } from '../../shared/browser/history';
import { useTabIndicator } from '../../shared/browser/tabIndicator';
import type { AppConfig } from '../../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { boardJobId, boardPath, MAX_BOARD_JOBS, parseBoardSearch, removeBoardJob } from '../../shared/domain/boardLink';
import { CopyButton } from '../../shared/ui/CopyButton';
import { useNow } from '../../shared/ui/useNow';
import { AllDoneNotify } from './AllDoneNotify';
import { BoardRow } from './BoardRow';
import { summarizeBoard } from './boardSummary';
import { useBoardAnnouncements } from './useBoardAnnouncements';
import { rowStateOf, useBoardWatch } from './useBoardWatch';

export type BoardConfig = Pick<AppConfig, 'pollIntervalSeconds' | 'amplifyBackendEndpoint' | 'signingHost'>;

export interface BoardPageProps {
  /** The page's query string: one `job` parameter per job. */
  search: string;
  config: BoardConfig;
  client: AmplifyBackendClient;
}

/** Several jobs at once, each a row; the address bar is the board's share link. */
export function BoardPage({ search, config, client }: BoardPageProps) {
  const board = parseBoardSearch(search, isAmplifyBackendRegion);
  const { jobs } = board;
  const { results } = useBoardWatch(jobs, client, config.pollIntervalSeconds * 1000);
  const now = useNow();
  const rows = results.map(rowStateOf);
  const summary = summarizeBoard(rows);
  useTabIndicator(summary.title, summary.favicon);
  const announcement = useBoardAnnouncements(jobs, results, summary.allEnded);
  const heading = useRef<HTMLHeadingElement>(null);
  const [shareUrl, setShareUrl] = useState('');

  const path = boardPath(jobs);
  useEffect(() => {
    rememberBoard(jobs);
    setShareUrl(new URL(path, window.location.href).href);
    // `jobs` is a fresh array each render; the path says everything about it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  const remove = (index: number) => {
    const job = jobs[index];
    if (!job) return;
    navigate(boardPath(removeBoardJob(jobs, job)), { replace: true });
    // The row and its button are gone: keep keyboard focus on the page, not on <body>.
    heading.current?.focus();
  };

  return (
    <article className="page board">
      <header>
        <h1 ref={heading} tabIndex={-1}>
          Board
        </h1>
        <p className="muted">
          {jobs.length === 0
            ? 'No jobs on this board yet. Use “Add to board” on a job page or an environment’s job list.'
            : `${jobs.length} job${jobs.length === 1 ? '' : 's'} watched. The address of this page is the board: share it to share the board.`}
        </p>
      </header>

      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {board.refused > 0 ? (
        <section className="panel panel--warning" role="status">
          <p>
            A board watches at most {MAX_BOARD_JOBS} jobs: the last {board.refused} in the link{' '}
            {board.refused === 1 ? 'is' : 'are'} not watched. Remove some jobs to make room.
          </p>
        </section>
      ) : null}

      {board.invalid.length > 0 ? (
        <section className="panel panel--warning" aria-labelledby="board-invalid-title">
          <h2 className="panel__title" id="board-invalid-title">
            {board.invalid.length === 1
              ? 'One entry in the link was not understood'
              : `${board.invalid.length} entries in the link were not understood`}
          </h2>
          <ul>
            {board.invalid.map((entry, index) => (
              <li key={index}>
                <span className="mono break">{entry.text || '(empty)'}</span>: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {jobs.length > 0 ? (
        <ul className="board__rows" aria-label="Jobs on the board">
          {jobs.map((job, index) => (
            <BoardRow
              key={boardJobId(job)}
              job={job}
              result={results[index]!}
              config={config}
              client={client}
              now={now}
              onRemove={() => remove(index)}
            />
          ))}
        </ul>
      ) : null}

      <div className="actions">
        {jobs.length > 0 ? (
          <CopyButton value={shareUrl} label="Copy link to this board">
            Copy link
          </CopyButton>
        ) : null}
        <AllDoneNotify rows={rows} allEnded={summary.allEnded} />
      </div>
    </article>
  );
}
