import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test/memoryStorage';
import { boardPath, MAX_BOARD_JOBS, type BoardJob } from '../domain/boardLink';
import { addToBoardHref, loadLastBoard, rememberBoard } from './boardMemory';

const job = (jobId: string): BoardJob => ({ region: 'us-east-1', appId: 'app', envName: 'env', jobId });

describe('the last board', () => {
  it('adds to the board shown last, without duplicates', () => {
    const storage = memoryStorage();
    expect(addToBoardHref([job('a')], storage)).toBe(boardPath([job('a')]));
    rememberBoard([job('a'), job('b')], storage);
    expect(loadLastBoard(storage)).toEqual([job('a'), job('b')]);
    expect(addToBoardHref([job('b'), job('c')], storage)).toBe(boardPath([job('a'), job('b'), job('c')]));
  });

  it('leads past the limit to the board, which says what it refused', () => {
    const storage = memoryStorage();
    rememberBoard(
      Array.from({ length: MAX_BOARD_JOBS }, (_, index) => job(`j${index}`)),
      storage,
    );
    expect(addToBoardHref([job('extra')], storage)).toContain('job=us-east-1/app/env/extra');
  });

  it('ignores what an older version stored', () => {
    const storage = memoryStorage();
    storage.setItem('amplify-job-watch.board.v1', JSON.stringify([{ jobId: 1 }]));
    expect(loadLastBoard(storage)).toEqual([]);
  });
});
