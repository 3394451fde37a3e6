import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocaleFormatsReadyForTests } from './localeFormats';
import { formatCompactDateTime, formatDateTime, formatDuration, formatRelative, formatShortTime, formatTime } from './timeFormat';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [SECOND, '1 s'],
    [42 * SECOND, '42 s'],
    [MINUTE - 1, '59 s'],
    [MINUTE, '1 min 00 s'],
    [3 * MINUTE + 12 * SECOND, '3 min 12 s'],
    [3 * MINUTE + 5 * SECOND, '3 min 05 s'],
    [HOUR - 1, '59 min 59 s'],
    [HOUR, '1 h 00 min'],
    [2 * HOUR + 5 * MINUTE, '2 h 05 min'],
    [2 * HOUR + 5 * MINUTE + 59 * SECOND, '2 h 05 min'],
    [DAY - 1, '23 h 59 min'],
    [DAY, '1 d 0 h'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3 d 4 h'],
    [400 * DAY, '400 d 0 h'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a negative duration (clock differences) as zero', () => {
    expect(formatDuration(-5 * SECOND)).toBe('0 s');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 10, 29, 12, 30, 0);
  const ago = (ms: number) => formatRelative(new Date(now - ms), now);

  it.each([
    [0, 'just now'],
    [4999, 'just now'],
    [-4999, 'just now'],
    [5 * SECOND, '5 s ago'],
    [MINUTE - 1, '59 s ago'],
    [MINUTE, '1 min ago'],
    [HOUR - 1, '59 min ago'],
    [HOUR, '1 h ago'],
    [DAY - 1, '23 h ago'],
    [DAY, '1 d ago'],
    [4 * DAY + 23 * HOUR, '4 d ago'],
  ])('%i ms before now is "%s"', (ms, text) => {
    expect(ago(ms)).toBe(text);
  });

  it.each([
    [5 * SECOND, 'in 5 s'],
    [3 * MINUTE, 'in 3 min'],
    [2 * HOUR + 59 * MINUTE, 'in 2 h'],
    [2 * DAY, 'in 2 d'],
  ])('%i ms after now is "%s"', (ms, text) => {
    expect(ago(-ms)).toBe(text);
  });
});

describe('absolute times, Local or UTC', () => {
  // 04:05:09 UTC is 23:05:09 the day before in New York: the two modes differ in hour and date.
  const date = new Date('2026-11-30T04:05:09.000Z');
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
    // The locale's formats, as after the page's first frame (localeFormats.test covers the moment before).
    setLocaleFormatsReadyForTests(true);
  });
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it('shows UTC times in UTC and ends them in "UTC"', () => {
    expect(formatTime(date, 'utc')).toMatch(/^04:05:09\b.* UTC$/);
    expect(formatShortTime(date, 'utc')).toMatch(/^04:05\b.* UTC$/);
    expect(formatDateTime(date, 'utc')).toMatch(/30.*2026.*4:05:09.* UTC$/);
  });

  it('shows local times in the browser’s time zone, without a zone suffix', () => {
    expect(formatTime(date, 'local')).toMatch(/^11:05:09\b/);
    expect(formatShortTime(date, 'local')).toMatch(/^11:05\b/);
    expect(formatDateTime(date, 'local')).toMatch(/29.*2026.*11:05:09/);
    for (const text of [formatTime(date, 'local'), formatShortTime(date, 'local'), formatDateTime(date, 'local')]) {
      expect(text).not.toMatch(/UTC/);
    }
  });

  it('writes the time of day one way in every style: two-digit hours, the date style ending in the time style', () => {
    for (const zone of ['utc', 'local'] as const) {
      const time = formatTime(date, zone);
      expect(formatDateTime(date, zone).endsWith(time)).toBe(true);
      expect(formatShortTime(date, zone)).toBe(time.replace(/(\d\d:\d\d):\d\d/, '$1'));
      expect(formatDateTime(new Date('2026-11-30T09:05:09.000Z'), 'utc')).toMatch(/, 09:05:09\b/);
    }
  });

  it('for dense tables leaves out the year when it is this year’s in the zone shown, and keeps the same clock', () => {
    const sameYear = Date.parse('2026-12-31T12:00:00Z');
    expect(formatCompactDateTime(date, sameYear, 'utc')).toBe(`${formatDateTime(date, 'utc').replace(/,? 2026/, '')}`);
    expect(formatCompactDateTime(date, sameYear, 'utc')).not.toMatch(/2026/);
    expect(formatCompactDateTime(date, Date.parse('2027-01-02T00:00:00Z'), 'utc')).toBe(formatDateTime(date, 'utc'));
    // 2026-01-01T02:00Z is still 2025 in New York: the local year decides there.
    const newYear = new Date('2026-01-01T02:00:00Z');
    expect(formatCompactDateTime(newYear, sameYear, 'local')).toMatch(/2025/);
    expect(formatCompactDateTime(newYear, sameYear, 'utc')).not.toMatch(/2026/);
    expect(formatCompactDateTime(date, sameYear, 'local').endsWith(formatTime(date, 'local'))).toBe(true);
  });

  it('builds each formatter once, not per call', () => {
    formatTime(date, 'utc');
    formatDateTime(date, 'local');
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    formatTime(date, 'utc');
    formatTime(new Date(0), 'utc');
    formatDateTime(date, 'local');
    formatDateTime(new Date(0), 'local');
    expect(spy).not.toHaveBeenCalled();
  });
});
