import { describe, expect, it } from 'vitest';
import { formatInterval } from './timeFormat';

describe('a setting’s length in words (“Check every”)', () => {
  it.each([
    [2_000, '2 s'],
    [30_000, '30 s'],
    [60_000, '1 min'],
    [90_000, '1 min 30 s'],
    [120_000, '2 min'],
    [300_000, '5 min'],
    [3_600_000, '1 h'],
    [5_400_000, '1 h 30 min'],
    [3_661_000, '1 h 1 min 1 s'],
    [0, '0 s'],
  ])('%d ms → %s, never “1 min 00 s”', (ms, words) => {
    expect(formatInterval(ms)).toBe(words);
  });
});
