import { APP_TITLE } from '../../shared/browser/documentTitle';
import type { TabState } from '../../shared/browser/tabIndicator';
import type { JobQueryDescription } from '../../shared/queries/describeJobQuery';

/**
 * What one row stands for in the tab's summary:
 * - running: not finished (including still loading, or an unknown status);
 * - completed / failed: the job's terminal status;
 * - unreachable: retrying after a network fault, timeout or 5xx;
 * - not-found: AWS answered 404: there is no such job to watch;
 * - error: checks stopped on another error that waits for the person (403, 400, …).
 */
export type RowState = 'running' | 'completed' | 'failed' | 'unreachable' | 'not-found' | 'error';

/** How one row counts in the summary, from what its job query's state means. */
export function rowStateOf({ tone, stoppedOn, unreachable }: JobQueryDescription): RowState {
  if (tone === 'completed' || tone === 'failed') return tone;
  return stoppedOn ?? (unreachable ? 'unreachable' : 'running');
}

/** Worst first: what the favicon shows when rows disagree. */
const FAVICON_ORDER: readonly TabState[] = ['failed', 'unreachable', 'running', 'completed'];

function faviconStateOf(row: RowState): TabState {
  // A job that cannot be watched is a warning, like an unreachable one, not a failed job.
  return row === 'error' || row === 'not-found' ? 'unreachable' : row;
}

export interface BoardSummary {
  title: string;
  favicon: TabState;
  /** Nothing is left to watch: every row has finished or was stopped by an error (404, 403, …). */
  settled: boolean;
  /** Every row's job has finished (COMPLETED or FAILED). */
  allDone: boolean;
  failed: number;
}

function count(rows: readonly RowState[], state: RowState): number {
  return rows.filter((row) => row === state).length;
}

/**
 * `2 running, 1 failed · Amplify Job Watch` while anything runs; `All 3 done, 1 failed · …` once
 * every job has finished. Only finished jobs count as done: `1 done, 2 not found`, `25 not found`.
 */
export function summarizeBoard(rows: readonly RowState[]): BoardSummary {
  if (rows.length === 0) return { title: `Board · ${APP_TITLE}`, favicon: 'idle', settled: false, allDone: false, failed: 0 };
  const running = count(rows, 'running');
  const unreachable = count(rows, 'unreachable');
  const failed = count(rows, 'failed');
  const done = count(rows, 'completed') + failed;
  const notFound = count(rows, 'not-found');
  const errors = count(rows, 'error');
  const favicon = FAVICON_ORDER.find((state) => rows.some((row) => faviconStateOf(row) === state)) ?? 'idle';
  const details: string[] = [];
  if (failed > 0) details.push(`${failed} failed`);
  if (unreachable > 0) details.push(`${unreachable} can’t reach AWS`);
  if (notFound > 0) details.push(`${notFound} not found`);
  if (errors > 0) details.push(`${errors} can’t be watched`);
  // A row retrying a network fault has not ended: the job may still be running.
  const settled = running === 0 && unreachable === 0;
  const allDone = done === rows.length;
  const head = running > 0 ? `${running} running` : allDone ? `All ${done} done` : done > 0 ? `${done} done` : null;
  const title = [head, ...details].filter((part) => part !== null).join(', ');
  return { title: `${title} · ${APP_TITLE}`, favicon, settled, allDone, failed };
}

/**
 * What the board says once nothing is left to watch (its notification and its announcement):
 * "All 3 jobs on the board have ended" only when all of them have; otherwise what became of each.
 */
export function settledNotice(rows: readonly RowState[]): { title: string; body: string } {
  const failed = count(rows, 'failed');
  const done = count(rows, 'completed') + failed;
  const notFound = count(rows, 'not-found');
  const errors = count(rows, 'error');
  if (done === rows.length) {
    return { title: `All ${rows.length} jobs on the board have ended`, body: `${failed === 0 ? 'none' : failed} failed.` };
  }
  const parts: string[] = [];
  if (done > 0) parts.push(`${done} ended${failed > 0 ? ` (${failed} failed)` : ''}`);
  if (notFound > 0) parts.push(`${notFound} not found`);
  if (errors > 0) parts.push(`${errors} can’t be watched`);
  return { title: 'Nothing left to watch on the board', body: `${parts.join(', ')}.` };
}
