import { describe, expect, it } from 'vitest';
import { allDoneNotice, summarizeBoard, type RowState } from './boardSummary';

describe('summarizeBoard', () => {
  it('counts running and failed jobs while anything runs', () => {
    const summary = summarizeBoard(['running', 'running', 'failed']);
    expect(summary.title).toBe('2 running, 1 failed · Amplify Job Watch');
    expect(summary.allEnded).toBe(false);
  });

  it('says all are done without the word "running" once every job has ended', () => {
    const summary = summarizeBoard(['completed', 'failed', 'completed']);
    expect(summary.title).toBe('All 3 done, 1 failed · Amplify Job Watch');
    expect(summary.title).not.toMatch(/running/i);
    expect(summary.allEnded).toBe(true);
    expect(summarizeBoard(['completed']).title).toBe('All 1 done · Amplify Job Watch');
  });

  it('counts a row stopped by an error as ended and names it', () => {
    expect(summarizeBoard(['completed', 'error']).title).toBe('All 2 done, 1 can’t be watched · Amplify Job Watch');
    expect(summarizeBoard(['running', 'error']).title).toBe('1 running, 1 can’t be watched · Amplify Job Watch');
  });

  it('does not call a board whose AWS cannot be reached done', () => {
    const summary = summarizeBoard(['completed', 'unreachable']);
    expect(summary.allEnded).toBe(false);
    expect(summary.title).toBe('1 can’t reach AWS · Amplify Job Watch');
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
    expect(summarizeBoard([])).toMatchObject({ title: 'Board · Amplify Job Watch', favicon: 'idle', allEnded: false });
  });
});

describe('allDoneNotice', () => {
  it('names how many failed', () => {
    expect(allDoneNotice(['completed', 'failed', 'failed'])).toEqual({
      title: 'All 3 jobs on the board have ended',
      body: '2 failed.',
    });
    expect(allDoneNotice(['completed']).body).toBe('none failed.');
  });
});
