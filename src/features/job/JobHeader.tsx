import type { Ref } from 'react';
import { Link } from '../../shared/browser/history';
import { isHostingRef, type JobRef } from '../../shared/domain/jobRef';
import { jobPlaceLink } from '../../shared/domain/jobRoutes';
import { BreakableText } from '../../shared/ui/BreakableText';

export interface JobHeaderProps {
  jobKey: JobRef;
  /** The config's region: links leave it out of the address. */
  defaultRegion: string;
  /** The heading, focusable from script: focus lands there when what had it goes away. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * App, environment or branch (a link to its job list) and region, then the job ID as the page's
 * heading: "Job 7f3c…" for an AmplifyBackend job, "Build 12" for a hosting job.
 */
export function JobHeader({ jobKey, defaultRegion, headingRef }: JobHeaderProps) {
  const { place, name, href } = jobPlaceLink(jobKey, defaultRegion);
  return (
    <header className="job__header">
      <p className="muted">
        App <span className="mono">{jobKey.appId}</span> · {place}{' '}
        <Link href={href}>
          <span className="mono break">
            <BreakableText text={name} />
          </span>
        </Link>{' '}
        · {jobKey.region}
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {isHostingRef(jobKey) ? 'Hosting job' : 'Job'}{' '}
        <span className="mono job__id">
          <BreakableText text={jobKey.jobId} />
        </span>
      </h1>
    </header>
  );
}
