import type { Browser } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { APP_ID, createRunningJob, ENV_NAME, REGION } from './jobs';
import { visitJob } from './load';
import { openPage } from './page';
import { spread, type Spread } from './stats';

/**
 * A board of `BOARD_SIZE` running jobs against one job's deep link, cold, in the same rounds: the
 * time until every row shows a status, beside the time until the one job's status shows.
 */

export const BOARD_SIZE = 10;

export interface BoardRound {
  round: number;
  /** Navigation start → the last of the board's rows shows a status (ms); NaN when it failed. */
  boardMs: number;
  /** Navigation start → the one job's status (ms), in the same round. */
  oneJobMs: number;
  error?: string;
}

export interface BoardResult {
  rounds: BoardRound[];
  board: Spread;
  oneJob: Spread;
}

/** Runs in the page before its scripts: notes when every row of the board shows a status. */
function allRowsScript(rows: number): string {
  return `(() => {
  const state = { at: null };
  Object.defineProperty(window, '__boardBench', { value: state });
  const check = () => {
    if (state.at !== null) return;
    const shown = [...document.querySelectorAll('li.board-row [data-tone]')].filter((e) => (e.textContent || '').trim());
    if (shown.length >= ${rows}) state.at = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;
}

function boardPath(jobIds: readonly string[]): string {
  const entry = (jobId: string) => [REGION, APP_ID, ENV_NAME, jobId].map(encodeURIComponent).join('/');
  return `/watch?${jobIds.map((jobId) => `job=${entry(jobId)}`).join('&')}`;
}

async function visitBoard(browser: Browser, bench: Simulator, site: StaticSite): Promise<number> {
  const jobs = Array.from({ length: BOARD_SIZE }, () => createRunningJob(bench));
  const opened = await openPage(browser, { simOrigin: bench.origin, throttle: true });
  try {
    await opened.page.addInitScript(allRowsScript(BOARD_SIZE));
    await opened.page.goto(site.origin + boardPath(jobs.map((job) => job.jobId)), { waitUntil: 'commit' });
    await opened.page.waitForFunction(() => (window as { __boardBench?: { at: number | null } }).__boardBench?.at != null, null, {
      timeout: 60_000,
      polling: 100,
    });
    return await opened.page.evaluate(() => (window as unknown as { __boardBench: { at: number } }).__boardBench.at);
  } finally {
    await opened.close();
  }
}

/** `runs` rounds, each a cold board load and a cold one-job load in alternating order. */
export async function boardRounds(
  browser: Browser,
  bench: Simulator,
  site: StaticSite,
  runs: number,
  progress: (line: string) => void,
): Promise<BoardResult> {
  const rounds: BoardRound[] = [];
  for (let round = 1; round <= runs; round += 1) {
    const result: BoardRound = { round, boardMs: Number.NaN, oneJobMs: Number.NaN };
    const board = async () => {
      try {
        result.boardMs = await visitBoard(browser, bench, site);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
      }
    };
    const oneJob = async () => {
      const run = await visitJob(browser, bench, site, 'app', 'cold', round);
      if (run.ok) result.oneJobMs = run.timeToStatusMs;
      else result.error = run.error;
    };
    if (round % 2 === 0) {
      await board();
      await oneJob();
    } else {
      await oneJob();
      await board();
    }
    rounds.push(result);
    progress(
      `board round ${round}/${runs}: ${BOARD_SIZE} rows ${Math.round(result.boardMs)} ms, one job ${Math.round(result.oneJobMs)} ms${result.error ? ` (${result.error})` : ''}`,
    );
  }
  return { rounds, board: spread(rounds.map((r) => r.boardMs)), oneJob: spread(rounds.map((r) => r.oneJobMs)) };
}
