import { useId } from 'react';
import { formatInterval } from '../../shared/ui/timeFormat';

export const INTERVAL_PRESETS_SECONDS = [2, 5, 10, 30, 60];

export interface WatchControlsProps {
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  intervalSeconds: number;
  configIntervalSeconds: number;
  onIntervalChange: (seconds: number) => void;
}

/** Pause/resume and the interval for this tab: only while the job is being checked. */
export function WatchControls({
  paused,
  onPausedChange,
  intervalSeconds,
  configIntervalSeconds,
  onIntervalChange,
}: WatchControlsProps) {
  const selectId = useId();
  const presets = [...new Set([...INTERVAL_PRESETS_SECONDS, configIntervalSeconds])].sort((a, b) => a - b);
  return (
    <>
      <button type="button" className="button" aria-pressed={paused} onClick={() => onPausedChange(!paused)}>
        {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
      </button>
      <span>
        <label htmlFor={selectId}>Check every </label>
        <select id={selectId} value={intervalSeconds} onChange={(event) => onIntervalChange(Number(event.target.value))}>
          {presets.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatInterval(seconds * 1000)}
              {seconds === configIntervalSeconds ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </span>
    </>
  );
}
