import { afterEach, describe, expect, it, vi } from 'vitest';
import { addToBoardHref } from '../../shared/browser/boardMemory';
import { jobShortcuts, type JobShortcutsOptions } from './useJobShortcuts';

const jobKey = {
  region: 'eu-west-1',
  appId: 'd2k9xq7v1ab3cd',
  envName: 'staging',
  jobId: '7f3c9e2a-5b1d-4c8e-9a6f-0123456789ab',
};
const ALL = { refresh: true, pause: true, interval: true, notify: true };

function options(overrides: Partial<JobShortcutsOptions> = {}): JobShortcutsOptions {
  return { jobKey, controls: ALL, paused: false, onRefresh: vi.fn(), onPausedChange: vi.fn(), ...overrides };
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

  it('b opens the board with this job added', () => {
    const expected = addToBoardHref([jobKey]);
    jobShortcuts(options(), vi.fn())
      .find((shortcut) => shortcut.key === 'b')
      ?.run();
    expect(window.location.pathname + window.location.search).toBe(expected);
  });
});
