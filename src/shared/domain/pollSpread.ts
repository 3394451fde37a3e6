/**
 * Many jobs watched at once should not ask in one burst every interval. Every row asks once at the
 * start (so each status shows as soon as it can), then waits its own offset within the interval
 * longer before its second check; since each then polls every interval, they stay spread.
 */
export function pollOffsetMs(index: number, count: number, intervalMs: number): number {
  if (count <= 1 || index <= 0) return 0;
  const slot = Math.min(index, count - 1);
  return Math.floor((slot * intervalMs) / count);
}
