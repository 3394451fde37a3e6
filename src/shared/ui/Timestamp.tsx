import type { JobTime } from '../aws/jobTime';
import { formatCompactDateTime, formatDateTime, formatRelative, useAbsoluteTimeZone } from './timeFormat';

export interface TimestampProps {
  time: JobTime | undefined;
  now: number;
  /** For dense tables: no year when it is this year's. */
  compact?: boolean;
}

/** Absolute time (Local or UTC, as switched) plus a live relative form; a value that is not a time is shown as the API sent it. */
export function Timestamp({ time, now, compact = false }: TimestampProps) {
  const zone = useAbsoluteTimeZone();
  if (!time) return <span className="muted">not reported</span>;
  if (!time.date) {
    return (
      <span>
        <span className="mono">{time.raw}</span> <span className="muted">(not a recognised time)</span>
      </span>
    );
  }
  return (
    <span>
      <time dateTime={time.date.toISOString()} title={time.date.toISOString()}>
        {compact ? formatCompactDateTime(time.date, now, zone) : formatDateTime(time.date, zone)}
      </time>{' '}
      <span className="muted">({formatRelative(time.date, now)})</span>
    </span>
  );
}
