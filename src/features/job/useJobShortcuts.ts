import { useState } from 'react';
import { useShortcuts, type Shortcut } from '../../shared/ui/useShortcuts';
import type { WatchDescription } from './describeWatch';

export interface JobShortcutsOptions {
  controls: WatchDescription['controls'];
  paused: boolean;
  onRefresh: () => void;
  onPausedChange: (paused: boolean) => void;
  /** Adds the job to the board this browser showed last, staying on the page. */
  onAddToBoard: () => void;
}

/** The shortcuts a job page offers right now. */
export function jobShortcuts(
  { controls, paused, onRefresh, onPausedChange, onAddToBoard }: JobShortcutsOptions,
  showList: () => void,
): Shortcut[] {
  return [
    ...(controls.refresh ? [{ key: 'r', description: 'Refresh now', run: onRefresh }] : []),
    ...(controls.pause
      ? [{ key: 'p', description: paused ? 'Resume auto-refresh' : 'Pause auto-refresh', run: () => onPausedChange(!paused) }]
      : []),
    { key: 'b', description: 'Add this job to the board', run: onAddToBoard },
    { key: '?', description: 'Show these shortcuts', run: showList },
  ];
}

/**
 * GitHub-style keys on the job page, each only while its control is on the page (no "p" once the
 * job has finished); "?" opens their list, and while it is open the keys rest.
 */
export function useJobShortcuts(options: JobShortcutsOptions) {
  const [shown, setShown] = useState(false);
  const shortcuts = jobShortcuts(options, () => setShown(true));
  useShortcuts(shortcuts, !shown);
  return { shortcuts, shown, close: () => setShown(false) };
}
