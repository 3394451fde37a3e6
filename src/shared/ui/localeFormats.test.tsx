import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbsoluteTime } from './AbsoluteTime';
import { LOCALE_FORMATS_LATEST_MS, localeFormatsReady, setLocaleFormatsReadyForTests } from './localeFormats';
import { formatDateTime, formatShortTime, formatTime } from './timeFormat';

// 04:05:09 UTC; 2026-11-29 23:05:09 in New York.
const date = new Date('2026-11-30T04:05:09.000Z');

describe('absolute times before the page has drawn once', () => {
  const savedTz = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
    vi.useFakeTimers();
    setLocaleFormatsReadyForTests(false);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    process.env.TZ = savedTz;
  });

  it('writes the same instant in the same zone without building an Intl formatter', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    expect(formatTime(date, 'utc')).toBe('04:05:09 UTC');
    expect(formatShortTime(date, 'utc')).toBe('04:05 UTC');
    expect(formatDateTime(date, 'utc')).toBe('2026-11-30 04:05:09 UTC');
    expect(formatTime(date, 'local')).toBe('23:05:09');
    expect(formatDateTime(date, 'local')).toBe('2026-11-29 23:05:09');
    expect(made).not.toHaveBeenCalled();
  });

  it('uses the locale’s formats a frame later', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    expect(localeFormatsReady()).toBe(false);
    vi.advanceTimersByTime(LOCALE_FORMATS_LATEST_MS - 1);
    expect(localeFormatsReady()).toBe(false);
    // The frame is drawn; the locale's formats come in the task after it.
    frames.forEach((callback) => callback(0));
    expect(localeFormatsReady()).toBe(false);
    vi.advanceTimersByTime(0);
    expect(localeFormatsReady()).toBe(true);
    expect(formatTime(date, 'utc')).not.toBe('04:05:09 UTC');
    expect(formatTime(date, 'utc')).toMatch(/^04:05:09\b.* UTC$/);
  });

  it('in a tab that draws no frames (hidden), uses them soon anyway', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    expect(localeFormatsReady()).toBe(false);
    vi.advanceTimersByTime(LOCALE_FORMATS_LATEST_MS - 1);
    expect(localeFormatsReady()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(localeFormatsReady()).toBe(true);
  });

  it('redraws a shown time in the locale’s format once it is ready', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    render(<AbsoluteTime date={date} format="time" />);
    const time = screen.getByText('23:05:09');
    expect(time).toHaveAttribute('datetime', '2026-11-30T04:05:09.000Z');
    act(() => {
      vi.advanceTimersByTime(LOCALE_FORMATS_LATEST_MS);
    });
    expect(time).toHaveTextContent(/^11:05:09\b/);
  });
});
