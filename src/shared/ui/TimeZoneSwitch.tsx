import './timeZoneSwitch.css';
import { setTimeZoneMode, useTimeZone, type TimeZoneMode } from './timeZonePreference';

const CHOICES: { mode: TimeZoneMode; label: string; title: string }[] = [
  { mode: 'local', label: 'Local', title: 'Show times in this browser’s time zone' },
  { mode: 'utc', label: 'UTC', title: 'Show times in UTC' },
];

/** Local / UTC for every absolute time in the app; remembered in this browser. */
export function TimeZoneSwitch() {
  const zone = useTimeZone();
  return (
    <div role="group" aria-label="Show times in" className="time-zone-switch">
      {CHOICES.map((choice) => (
        <button
          key={choice.mode}
          type="button"
          className="time-zone-switch__option"
          aria-pressed={zone === choice.mode}
          title={choice.title}
          onClick={() => setTimeZoneMode(choice.mode)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
