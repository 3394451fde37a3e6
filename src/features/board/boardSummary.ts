import { APP_TITLE } from '../../shared/browser/documentTitle';
import type { TabState } from '../../shared/browser/tabIndicator';

/**
 * What one row stands for in the tab's summary:
 * - running: not finished (including still loading, or an unknown status);
 * - completed / failed: the job's terminal status;
 * - unreachable: retrying after a network fault, timeout or 5xx;
 * - error: checks stopped on an error that waits for the person (404, 403, …).
 */
export type RowState = 'running' | 'completed' | 'failed' | 'unreachable' | 'error';

/** Worst first: what the favicon shows when rows disagree. */
const FAVICON_ORDER: readonly TabState[] = ['failed', 'unreachable', 'running', 'completed'];

function faviconStateOf(row: RowState): TabState {
  // A job that cannot be watched is a warning, like an unreachable one, not a failed job.
  return row === 'error' ? 'unreachable' : row;
}

export interface BoardSummary {
  title: string;
  favicon: TabState;
  /** Every row has ended (finished or stopped by an error). */
  allEnded: boolean;
  failed: number;
}

function count(rows: readonly RowState[], state: RowState): number {
  return rows.filter((row) => row === state).length;
}

/** `2 running, 1 failed · Amplify Job Watch` while anything runs; `All 3 done, 1 failed · …` after. */
export function summarizeBoard(rows: readonly RowState[]): BoardSummary {
  if (rows.length === 0) return { title: `Board · ${APP_TITLE}`, favicon: 'idle', allEnded: false, failed: 0 };
  const running = count(rows, 'running');
  const unreachable = count(rows, 'unreachable');
  const failed = count(rows, 'failed');
  const errors = count(rows, 'error');
  const favicon = FAVICON_ORDER.find((state) => rows.some((row) => faviconStateOf(row) === state)) ?? 'idle';
  const details: string[] = [];
  if (failed > 0) details.push(`${failed} failed`);
  if (unreachable > 0) details.push(`${unreachable} can’t reach AWS`);
  if (errors > 0) details.push(`${errors} can’t be watched`);
  // A row retrying a network fault has not ended: the job may still be running.
  const allEnded = running === 0 && unreachable === 0;
  const head = allEnded ? `All ${rows.length} done` : running > 0 ? `${running} running` : null;
  const title = [head, ...details].filter((part) => part !== null).join(', ');
  return { title: `${title} · ${APP_TITLE}`, favicon, allEnded, failed };
}

/** The one notification when the last job ends. */
export function allDoneNotice(rows: readonly RowState[]): { title: string; body: string } {
  const failed = count(rows, 'failed');
  const errors = count(rows, 'error');
  const parts = [failed === 0 ? 'none failed' : `${failed} failed`];
  if (errors > 0) parts.push(`${errors} could not be watched`);
  return { title: `All ${rows.length} jobs on the board have ended`, body: `${parts.join(', ')}.` };
}
