import type { Ref } from 'react';
import type { BackendJobKey } from '../../shared/aws/amplifyBackend';
import { Link } from '../../shared/browser/history';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { BreakableText } from '../../shared/ui/BreakableText';

export interface JobHeaderProps {
  jobKey: BackendJobKey;
  /** The config's region: links leave it out of the address. */
  defaultRegion: string;
  /** The heading, focusable from script: focus lands there when what had it goes away. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** App, environment (a link to its job list) and region, then the job ID as the page's heading. */
export function JobHeader({ jobKey, defaultRegion, headingRef }: JobHeaderProps) {
  return (
    <header className="job__header">
      <p className="muted">
        App <span className="mono">{jobKey.appId}</span> · environment{' '}
        <Link
          href={environmentJobsPath({
            appId: jobKey.appId,
            envName: jobKey.envName,
            region: jobKey.region === defaultRegion ? undefined : jobKey.region,
          })}
        >
          <span className="mono break">
            <BreakableText text={jobKey.envName} />
          </span>
        </Link>{' '}
        · {jobKey.region}
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        Job{' '}
        <span className="mono job__id">
          <BreakableText text={jobKey.jobId} />
        </span>
      </h1>
    </header>
  );
}
