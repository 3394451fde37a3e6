import { addBoardJobs, boardPath, type BoardJob } from '../domain/boardLink';
import { isStoredJobKey, readJson, removeKey, writeJson } from './boundedStorage';
import { announceStoreChange } from './storeEvents';

/** The board last shown in this browser, so "Add to board" elsewhere adds to it. */
export const LAST_BOARD_KEY = 'amplify-job-watch.board.v1';

function isBoardJobs(value: unknown): value is BoardJob[] {
  return Array.isArray(value) && value.every(isStoredJobKey);
}

export function loadLastBoard(storage?: Storage): BoardJob[] {
  return readJson(LAST_BOARD_KEY, isBoardJobs, [], storage);
}

export function rememberBoard(jobs: readonly BoardJob[], storage?: Storage): void {
  writeJson(LAST_BOARD_KEY, jobs, storage);
}

/** Forgets the last board (on sign-out: the next person's "Add to board" starts a board of their own). */
export function forgetLastBoard(storage?: Storage): void {
  removeKey(LAST_BOARD_KEY, storage);
  announceStoreChange(LAST_BOARD_KEY);
}

/** Where "Add to board" leads: the last board plus these jobs (the board itself refuses a 26th). */
export function addToBoardHref(added: readonly BoardJob[], storage?: Storage): string {
  const last = loadLastBoard(storage);
  const result = addBoardJobs(last, added);
  return boardPath(result.ok ? result.jobs : [...last, ...added]);
}
