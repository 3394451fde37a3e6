import { describe, expect, it } from 'vitest';
import { parseEpochSecondsTime, parseJobTime } from './jobTime';

describe('parseJobTime', () => {
  it('reads the real sample: epoch milliseconds as a string', () => {
    const time = parseJobTime('1617375907613');
    expect(time?.raw).toBe('1617375907613');
    expect(time?.date?.toISOString()).toBe('2021-04-02T15:05:07.613Z');
  });

  it('reads "0" as the epoch', () => {
    expect(parseJobTime('0')?.date?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('keeps the raw value untouched while ignoring surrounding spaces for parsing', () => {
    const time = parseJobTime(' 1617375907613\n');
    expect(time?.raw).toBe(' 1617375907613\n');
    expect(time?.date?.getTime()).toBe(1617375907613);
  });

  it.each([
    ['UTC with milliseconds', '2021-04-02T15:05:07.613Z', '2021-04-02T15:05:07.613Z'],
    ['UTC without seconds', '2021-04-02T15:05Z', '2021-04-02T15:05:00.000Z'],
    ['a lower-case z', '2021-04-02t15:05:07z', '2021-04-02T15:05:07.000Z'],
    ['a positive offset', '2021-04-02T17:05:07+02:00', '2021-04-02T15:05:07.000Z'],
    ['a negative offset', '2021-04-02T10:35:07-04:30', '2021-04-02T15:05:07.000Z'],
    ['an offset without colon', '2021-04-02T17:05:07+0200', '2021-04-02T15:05:07.000Z'],
    ['nanoseconds', '2021-04-02T15:05:07.613456789Z', '2021-04-02T15:05:07.613Z'],
  ])('reads ISO 8601 with %s', (_label, raw, iso) => {
    const time = parseJobTime(raw);
    expect(time?.raw).toBe(raw);
    expect(time?.date?.toISOString()).toBe(iso);
  });

  it.each([
    ['a zone-less date-time (would be read as browser-local time)', '2021-04-02T15:05:07'],
    ['a zone-less date-time with milliseconds', '2021-04-02T15:05:07.613'],
    ['a date only', '2021-04-02'],
    ['a space instead of T', '2021-04-02 15:05:07Z'],
    ['an RFC 1123 date', 'Fri, 02 Apr 2021 15:05:07 GMT'],
    ['epoch with a decimal point', '1617375907.613'],
    ['a negative number', '-1617375907613'],
    ['more than 16 digits', '12345678901234567'],
    ['16 digits beyond the representable range', '9999999999999999'],
    ['an impossible hour', '2021-04-02T25:00:00Z'],
    ['words', 'yesterday'],
    ['an empty string', ''],
    ['spaces only', '   '],
  ])('keeps %s raw without a date', (_label, raw) => {
    expect(parseJobTime(raw)).toEqual({ raw });
  });

  // Date rolls an impossible day over: "2021-02-30T00:00:00Z" would be shown as 2 March 2021.
  it('keeps an impossible calendar day raw instead of rolling it into the next month', () => {
    expect(parseJobTime('2021-02-30T00:00:00Z')).toEqual({ raw: '2021-02-30T00:00:00Z' });
  });

  it('gives undefined for a missing time', () => {
    expect(parseJobTime(undefined)).toBeUndefined();
  });
});

describe('parseEpochSecondsTime (Amplify Hosting)', () => {
  it('reads epoch seconds as JSON numbers, with a fraction', () => {
    expect(parseEpochSecondsTime(1_733_300_000)?.date?.toISOString()).toBe('2024-12-04T08:13:20.000Z');
    expect(parseEpochSecondsTime(1_733_300_000.25)?.date?.getTime()).toBe(1_733_300_000_250);
  });

  it('reads digits as seconds (never milliseconds) and ISO 8601 as the AWS CLI prints it', () => {
    expect(parseEpochSecondsTime('1733300000')?.date?.getTime()).toBe(1_733_300_000_000);
    expect(parseEpochSecondsTime('2024-12-04T08:13:20Z')?.date?.getTime()).toBe(1_733_300_000_000);
  });

  it('keeps what it cannot read as text, and nothing for nothing', () => {
    expect(parseEpochSecondsTime('soon')).toEqual({ raw: 'soon' });
    expect(parseEpochSecondsTime(Number.NaN)).toEqual({ raw: 'NaN' });
    expect(parseEpochSecondsTime(undefined)).toBeUndefined();
    expect(parseEpochSecondsTime({})).toBeUndefined();
  });
});
