import { formatAbsolute, useAbsoluteTimeZone } from './timeFormat';

export interface AbsoluteTimeProps {
  date: Date;
  /** dateTime: date and time; time: time of day with seconds; shortTime: to the minute. */
  format?: 'dateTime' | 'time' | 'shortTime';
  title?: string;
}

/** A `<time>` whose datetime is ISO and whose text follows the Local / UTC switch. */
export function AbsoluteTime({ date, format = 'dateTime', title }: AbsoluteTimeProps) {
  const zone = useAbsoluteTimeZone();
  return (
    <time dateTime={date.toISOString()} title={title}>
      {formatAbsolute(date, format, zone)}
    </time>
  );
}
