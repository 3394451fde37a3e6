import { localeFormatsReady, useLocaleFormatsReady } from './localeFormats';
import { useTimeZone, type TimeZoneMode } from './timeZonePreference';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (value: number) => String(value).padStart(2, '0');

export { formatDuration, formatInterval } from '../domain/durationFormat';

/** "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago"; "in 3 min" for the future. */
export function formatRelative(date: Date, now: number): string {
  const delta = now - date.getTime();
  const abs = Math.abs(delta);
  if (abs < 5 * SECOND) return 'just now';
  let amount: string;
  if (abs < MINUTE) amount = `${Math.floor(abs / SECOND)} s`;
  else if (abs < HOUR) amount = `${Math.floor(abs / MINUTE)} min`;
  else if (abs < DAY) amount = `${Math.floor(abs / HOUR)} h`;
  else amount = `${Math.floor(abs / DAY)} d`;
  return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}

export type { TimeZoneMode } from './timeZonePreference';

type AbsoluteStyle = 'dateTime' | 'dateTimeThisYear' | 'time' | 'shortTime';

// One way to write a time of day everywhere: two-digit hours, and the date (where shown) before it.
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const STYLES: Record<AbsoluteStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', ...CLOCK },
  dateTimeThisYear: { month: 'short', day: 'numeric', ...CLOCK },
  time: CLOCK,
  shortTime: { hour: '2-digit', minute: '2-digit' },
};

// Intl.DateTimeFormat is costly to build: one per style and zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: AbsoluteStyle, zone: TimeZoneMode): Intl.DateTimeFormat {
  const key = `${style}/${zone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(undefined, zone === 'utc' ? { ...STYLES[style], timeZone: 'UTC' } : STYLES[style]);
    formatters.set(key, made);
  }
  return made;
}

/** The same instant without Intl, for the moment before the locale's formats are ready (localeFormats). */
function plainFormat(date: Date, style: AbsoluteStyle, zone: TimeZoneMode): string {
  const utc = zone === 'utc';
  const hours = pad(utc ? date.getUTCHours() : date.getHours());
  const minutes = pad(utc ? date.getUTCMinutes() : date.getMinutes());
  if (style === 'shortTime') return `${hours}:${minutes}`;
  const clock = `${hours}:${minutes}:${pad(utc ? date.getUTCSeconds() : date.getSeconds())}`;
  if (style === 'time') return clock;
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = pad((utc ? date.getUTCMonth() : date.getMonth()) + 1);
  return `${year}-${month}-${pad(utc ? date.getUTCDate() : date.getDate())} ${clock}`;
}

/** An absolute time in the browser's time zone or in UTC; a UTC time ends in "UTC". */
export function formatAbsolute(date: Date, style: AbsoluteStyle, zone: TimeZoneMode): string {
  const text = localeFormatsReady() ? formatter(style, zone).format(date) : plainFormat(date, style, zone);
  return zone === 'utc' ? `${text} UTC` : text;
}

/**
 * The zone to write absolute times in, for a component that writes them: it re-renders when the
 * zone is switched and once when the locale's formats become available.
 */
export function useAbsoluteTimeZone(): TimeZoneMode {
  useLocaleFormatsReady();
  return useTimeZone();
}

/** Date and time, e.g. "Nov 30, 2026, 04:05:09 AM" (or "… UTC"). */
export function formatDateTime(date: Date, zone: TimeZoneMode): string {
  return formatAbsolute(date, 'dateTime', zone);
}

/** Date and time without the year when it is the year of `now` in that zone, for dense tables: "Nov 30, 04:05:09 AM". */
export function formatCompactDateTime(date: Date, now: number, zone: TimeZoneMode): string {
  const year = (moment: Date) => (zone === 'utc' ? moment.getUTCFullYear() : moment.getFullYear());
  return formatAbsolute(date, year(date) === year(new Date(now)) ? 'dateTimeThisYear' : 'dateTime', zone);
}

/** Time of day with seconds, e.g. "04:05:09" (or "04:05:09 UTC"). */
export function formatTime(date: Date, zone: TimeZoneMode): string {
  return formatAbsolute(date, 'time', zone);
}

/** Time of day to the minute, for dense lists. */
export function formatShortTime(date: Date, zone: TimeZoneMode): string {
  return formatAbsolute(date, 'shortTime', zone);
}
