/** A time as the API sent it, plus the instant it denotes when it could be read. */
export interface JobTime {
  raw: string;
  date?: Date;
}

const ALL_DIGITS = /^\d{1,16}$/;
// ISO 8601 date-time with a time zone (Z or ±hh:mm); a zone-less string would be read as local time.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The service sends times as strings: epoch milliseconds in the one real sample, ISO 8601 in
 * the docs. All-digit strings are epoch ms, anything else ISO 8601; otherwise only `raw` is kept.
 */
export function parseJobTime(raw: string | undefined): JobTime | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  let date: Date | undefined;
  if (ALL_DIGITS.test(value)) {
    date = new Date(Number(value));
  } else if (ISO_8601.test(value) && isRealCalendarDate(value)) {
    date = new Date(value);
  }
  if (date && Number.isNaN(date.getTime())) date = undefined;
  return date ? { raw, date } : { raw };
}

/** `Date` rolls 2021-02-30 over into March; such a string is not a time. */
function isRealCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * Amplify Hosting sends times as epoch seconds, JSON numbers that may carry a fraction; the AWS CLI
 * prints them as ISO 8601. Either is read; anything else keeps only `raw`.
 */
export function parseEpochSecondsTime(value: unknown): JobTime | undefined {
  if (typeof value === 'number') {
    const date = Number.isFinite(value) ? new Date(Math.round(value * 1000)) : undefined;
    return date && !Number.isNaN(date.getTime()) ? { raw: String(value), date } : { raw: String(value) };
  }
  if (typeof value !== 'string') return undefined;
  if (/^\d{1,12}(?:\.\d+)?$/.test(value.trim())) return parseEpochSecondsTime(Number(value.trim()));
  return parseJobTime(value);
}
