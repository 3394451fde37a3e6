import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobShortcuts, type JobShortcutsOptions } from './useJobShortcuts';

const ALL = { refresh: true, pause: true, interval: true, notify: true };

function options(overrides: Partial<JobShortcutsOptions> = {}): JobShortcutsOptions {
  return { controls: ALL, paused: false, onRefresh: vi.fn(), onPausedChange: vi.fn(), onAddToBoard: vi.fn(), ...overrides };
}

describe('job page shortcuts', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('while the job is watched: r, p, b and ?', () => {
    expect(jobShortcuts(options(), vi.fn()).map((shortcut) => shortcut.key)).toEqual(['r', 'p', 'b', '?']);
  });

  it('only the keys whose control is on the page: no r or p once checks have stopped', () => {
    const stopped = { refresh: false, pause: false, interval: false, notify: false };
    expect(jobShortcuts(options({ controls: stopped }), vi.fn()).map((shortcut) => shortcut.key)).toEqual(['b', '?']);
    const finished = { refresh: true, pause: false, interval: false, notify: false };
    expect(jobShortcuts(options({ controls: finished }), vi.fn()).map((shortcut) => shortcut.key)).toEqual(['r', 'b', '?']);
  });

  it('r refreshes, p pauses or resumes and says which, ? shows the list', () => {
    const showList = vi.fn();
    const running = options();
    const [refresh, pause, , help] = jobShortcuts(running, showList);
    refresh?.run();
    expect(running.onRefresh).toHaveBeenCalledTimes(1);
    expect(pause?.description).toBe('Pause auto-refresh');
    pause?.run();
    expect(running.onPausedChange).toHaveBeenCalledWith(true);
    help?.run();
    expect(showList).toHaveBeenCalledTimes(1);

    const paused = options({ paused: true });
    const resume = jobShortcuts(paused, vi.fn())[1];
    expect(resume?.description).toBe('Resume auto-refresh');
    resume?.run();
    expect(paused.onPausedChange).toHaveBeenCalledWith(false);
  });

  it('b adds the job to the board and stays on the page', () => {
    const running = options();
    jobShortcuts(running, vi.fn())
      .find((shortcut) => shortcut.key === 'b')
      ?.run();
    expect(running.onAddToBoard).toHaveBeenCalledTimes(1);
    expect(window.location.pathname).toBe('/');
  });
});
