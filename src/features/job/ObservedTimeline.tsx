import { AbsoluteTime } from '../../shared/ui/AbsoluteTime';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatDuration } from '../../shared/ui/timeFormat';
import type { ObservedStatus } from './timeline';

export interface ObservedTimelineProps {
  entries: ObservedStatus[];
  now: number;
  /** Once the job has ended, the last status lasts no longer. */
  finished: boolean;
}

/** The statuses this browser saw, when each was first seen and how long it lasted. */
export function ObservedTimeline({ entries, now, finished }: ObservedTimelineProps) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h2 id="timeline-title">Statuses seen by this browser</h2>
      <p className="muted small">The API keeps no history: this is what this browser observed while the page was open.</p>
      <ol className="timeline__list">
        {entries.map((entry, index) => {
          const next = entries[index + 1];
          const last = index === entries.length - 1;
          const lasted = next ? next.firstSeen - entry.firstSeen : finished ? null : now - entry.firstSeen;
          return (
            <li key={`${entry.status}-${entry.firstSeen}`}>
              <StatusBadge status={entry.status} small />{' '}
              <span>
                first seen <AbsoluteTime date={new Date(entry.firstSeen)} />
              </span>
              {lasted !== null ? (
                <span className="muted">
                  {' '}
                  · {last ? 'for' : 'lasted'} {formatDuration(lasted)}
                  {last ? ' so far' : ''}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
