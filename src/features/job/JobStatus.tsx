import type { Ref } from 'react';
import type { WatchedJob } from '../../shared/aws/watchedJob';
import { jobDurationText } from '../../shared/queries/describeJobQuery';
import { AbsoluteTime } from '../../shared/ui/AbsoluteTime';
import { StatusBadge } from '../../shared/ui/StatusBadge';

export interface JobStatusProps {
  job: WatchedJob;
  now: number;
  /** Shown "as of" this time (epoch ms), not as live: paused or stale. Its elapsed time stops there. */
  asOf: number | null;
  /** Focus lands here when the control that had it goes away. */
  ref?: Ref<HTMLElement>;
}

/** The status badge and how long the job has taken (or has been running, up to `asOf` when not live). */
export function JobStatus({ job, now, asOf, ref }: JobStatusProps) {
  const duration = jobDurationText(job, asOf ?? now);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`job__status${asOf !== null ? ' job__status--as-of' : ''}`}
      aria-label="Job status"
    >
      <span className="job__badge">
        <StatusBadge status={job.status} />
        {asOf !== null ? (
          <span className="job__as-of">
            {' as of '}
            <AbsoluteTime date={new Date(asOf)} format="time" />
          </span>
        ) : null}
      </span>
      {duration ? <span className="muted">{duration}</span> : null}
    </section>
  );
}
