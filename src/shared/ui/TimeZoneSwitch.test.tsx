import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbsoluteTime } from './AbsoluteTime';
import { Timestamp } from './Timestamp';
import { getTimeZoneMode, reloadTimeZoneMode, setTimeZoneMode, TIME_ZONE_STORAGE_KEY } from './timeZonePreference';
import { TimeZoneSwitch } from './TimeZoneSwitch';

const date = new Date('2026-11-30T04:05:09.000Z');

function Page() {
  return (
    <>
      <TimeZoneSwitch />
      <AbsoluteTime date={date} format="time" />
      <Timestamp time={{ raw: date.toISOString(), date }} now={date.getTime() + 60_000} />
    </>
  );
}

describe('the Local / UTC switch', () => {
  beforeEach(() => {
    window.localStorage.clear();
    reloadTimeZoneMode();
  });
  afterEach(() => {
    window.localStorage.clear();
    reloadTimeZoneMode();
  });

  it('starts on Local and switches every absolute time to UTC and back; datetime stays ISO', async () => {
    const user = userEvent.setup();
    const { container } = render(<Page />);
    const local = screen.getByRole('button', { name: 'Local' });
    const utc = screen.getByRole('button', { name: 'UTC' });
    expect(screen.getByRole('group', { name: 'Show times in' })).toContainElement(local);
    expect(local).toHaveAttribute('aria-pressed', 'true');
    expect(utc).toHaveAttribute('aria-pressed', 'false');
    const times = () => [...container.querySelectorAll('time')];
    expect(times()).toHaveLength(2);
    for (const time of times()) {
      expect(time).toHaveAttribute('datetime', '2026-11-30T04:05:09.000Z');
      expect(time.textContent).not.toMatch(/UTC$/);
    }

    await user.click(utc);
    expect(utc).toHaveAttribute('aria-pressed', 'true');
    expect(local).toHaveAttribute('aria-pressed', 'false');
    for (const time of times()) {
      expect(time).toHaveAttribute('datetime', '2026-11-30T04:05:09.000Z');
      expect(time.textContent).toMatch(/4:05:09.* UTC$/);
    }
    expect(window.localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBe('utc');

    await user.click(local);
    for (const time of times()) expect(time.textContent).not.toMatch(/UTC$/);
    expect(window.localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBe('local');
  });

  it('starts from the remembered choice', () => {
    window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'utc');
    reloadTimeZoneMode();
    render(<Page />);
    expect(screen.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('a page load starts from the remembered choice: the preference is read when the app loads', async () => {
    window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'utc');
    // A fresh copy of the module, as a new page gets: nothing re-reads the storage for it.
    vi.resetModules();
    const fresh = await import('./timeZonePreference');
    expect(fresh.getTimeZoneMode()).toBe('utc');
  });

  it('follows a change made in another tab', () => {
    render(<Page />);
    window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'utc');
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: TIME_ZONE_STORAGE_KEY, newValue: 'utc' }));
    });
    expect(screen.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('treats an unknown stored value as Local and still switches when storage refuses writes', () => {
    window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'Mars/Olympus');
    reloadTimeZoneMode();
    expect(getTimeZoneMode()).toBe('local');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      setTimeZoneMode('utc');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(getTimeZoneMode()).toBe('utc');
  });
});
