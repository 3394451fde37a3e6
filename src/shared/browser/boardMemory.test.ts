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

  it('keeps a board of both kinds as it was, a build still a build', () => {
    const storage = memoryStorage();
    const build: BoardJob = { kind: 'hosting', region: 'us-east-1', appId: 'app', branchName: 'feature/login', jobId: '12' };
    rememberBoard([job('a'), build], storage);
    expect(loadLastBoard(storage)).toEqual([job('a'), build]);
    expect(addToBoardHref([build, job('b')], storage)).toBe(
      '/watch?job=us-east-1/app/env/a&build=us-east-1/app/feature%2Flogin/12&job=us-east-1/app/env/b',
    );
    // A build without its branch is not a job this version can read: the whole stored board is set aside.
    storage.setItem('amplify-job-watch.board.v1', JSON.stringify([{ ...build, branchName: undefined }]));
    expect(loadLastBoard(storage)).toEqual([]);
  });

  it('ignores what an older version stored', () => {
    const storage = memoryStorage();
    storage.setItem('amplify-job-watch.board.v1', JSON.stringify([{ jobId: 1 }]));
    expect(loadLastBoard(storage)).toEqual([]);
  });
});
