import { describe, expect, it } from 'vitest';
import type { JobQueryDescription } from '../../shared/queries/describeJobQuery';
import { QUIET_DESCRIPTION as quiet } from '../../test/jobQueryDescription';
import { rowStateOf, settledNotice, summarizeBoard, type RowState } from './boardSummary';

describe('rowStateOf', () => {
  it.each<[string, Partial<JobQueryDescription>, RowState]>([
    ['running, or still loading', { tone: 'unknown' }, 'running'],
    ['completed', { tone: 'completed', finished: true }, 'completed'],
    ['failed, even while a check of it fails', { tone: 'failed', finished: true, unreachable: true }, 'failed'],
    ['retrying while AWS is out of reach', { problem: { kind: 'retrying', error: null }, unreachable: true }, 'unreachable'],
    ['retrying a throttled check', { problem: { kind: 'retrying', error: null } }, 'running'],
    ['stopped on a 404, even while trying again', { stoppedOn: 'not-found', unreachable: true }, 'not-found'],
    ['stopped on another error', { stoppedOn: 'error' }, 'error'],
    ['offline', { problem: { kind: 'offline' } }, 'running'],
  ])('%s', (_name, described, row) => {
    expect(rowStateOf({ ...quiet, ...described })).toBe(row);
  });
});

describe('summarizeBoard', () => {
  it('counts running and failed jobs while anything runs', () => {
    const summary = summarizeBoard(['running', 'running', 'failed']);
    expect(summary.title).toBe('2 running, 1 failed · Amplify Job Watch');
    expect(summary.settled).toBe(false);
  });

  it('says all are done without the word "running" once every job has ended', () => {
    const summary = summarizeBoard(['completed', 'failed', 'completed']);
    expect(summary.title).toBe('All 3 done, 1 failed · Amplify Job Watch');
    expect(summary.title).not.toMatch(/running/i);
    expect(summary).toMatchObject({ settled: true, allDone: true });
    expect(summarizeBoard(['completed']).title).toBe('All 1 done · Amplify Job Watch');
  });

  it('counts only finished jobs as done, and names the rows it cannot watch apart', () => {
    expect(summarizeBoard(['completed', 'error'])).toMatchObject({
      title: '1 done, 1 can’t be watched · Amplify Job Watch',
      settled: true,
      allDone: false,
    });
    expect(summarizeBoard(['running', 'error']).title).toBe('1 running, 1 can’t be watched · Amplify Job Watch');
    expect(summarizeBoard(['completed', 'not-found', 'not-found', 'error']).title).toBe(
      '1 done, 2 not found, 1 can’t be watched · Amplify Job Watch',
    );
  });

  it('a board of jobs AWS does not know says how many were not found, never that they are done', () => {
    const summary = summarizeBoard(Array.from({ length: 25 }, (): RowState => 'not-found'));
    expect(summary).toEqual({
      title: '25 not found · Amplify Job Watch',
      favicon: 'unreachable',
      settled: true,
      allDone: false,
      failed: 0,
    });
  });

  it('does not call a board whose AWS cannot be reached done', () => {
    const summary = summarizeBoard(['completed', 'unreachable']);
    expect(summary.settled).toBe(false);
    expect(summary.title).toBe('1 done, 1 can’t reach AWS · Amplify Job Watch');
  });

  it.each<[RowState[], string]>([
    [['completed', 'running', 'unreachable', 'failed'], 'failed'],
    [['completed', 'running', 'unreachable'], 'unreachable'],
    [['completed', 'running', 'error'], 'unreachable'],
    [['completed', 'running'], 'running'],
    [['completed', 'completed'], 'completed'],
  ])('shows the worst state in the favicon: %j → %s', (rows, favicon) => {
    expect(summarizeBoard(rows).favicon).toBe(favicon);
  });

  it('has a plain title and the default icon when empty', () => {
    expect(summarizeBoard([])).toMatchObject({ title: 'Board · Amplify Job Watch', favicon: 'idle', settled: false });
  });
});

describe('settledNotice', () => {
  it('names how many failed when every job has ended', () => {
    expect(settledNotice(['completed', 'failed', 'failed'])).toEqual({
      title: 'All 3 jobs on the board have ended',
      body: '2 failed.',
    });
    expect(settledNotice(['completed']).body).toBe('none failed.');
  });

  it('does not say the jobs ended when some could not be watched: it says what became of each', () => {
    expect(settledNotice(Array.from({ length: 25 }, (): RowState => 'not-found'))).toEqual({
      title: 'Nothing left to watch on the board',
      body: '25 not found.',
    });
    expect(settledNotice(['completed', 'failed', 'not-found', 'not-found', 'not-found', 'error'])).toEqual({
      title: 'Nothing left to watch on the board',
      body: '2 ended (1 failed), 3 not found, 1 can’t be watched.',
    });
  });
});
