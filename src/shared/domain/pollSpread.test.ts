import { describe, expect, it } from 'vitest';
import { pollOffsetMs } from './pollSpread';

describe('pollOffsetMs', () => {
  it('starts a single job at once', () => {
    expect(pollOffsetMs(0, 1, 5000)).toBe(0);
  });

  it('spreads rows evenly over one interval, never as far as the next', () => {
    const offsets = Array.from({ length: 4 }, (_, index) => pollOffsetMs(index, 4, 5000));
    expect(offsets).toEqual([0, 1250, 2500, 3750]);
    const many = Array.from({ length: 25 }, (_, index) => pollOffsetMs(index, 25, 5000));
    expect(new Set(many).size).toBe(25);
    expect(Math.max(...many)).toBeLessThan(5000);
  });

  it('keeps an index beyond the count inside the interval', () => {
    expect(pollOffsetMs(9, 3, 3000)).toBe(2000);
  });
});
