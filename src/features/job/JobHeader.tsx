import type { BackendJobKey } from '../../shared/aws/amplifyBackend';
import { Link } from '../../shared/browser/history';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';

export interface JobHeaderProps {
  jobKey: BackendJobKey;
  /** The config's region: links leave it out of the address. */
  defaultRegion: string;
}

/** App, environment (a link to its job list) and region, then the job ID as the page's heading. */
export function JobHeader({ jobKey, defaultRegion }: JobHeaderProps) {
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
          <span className="mono">{jobKey.envName}</span>
        </Link>{' '}
        · {jobKey.region}
      </p>
      <h1>
        Job <span className="mono break">{jobKey.jobId}</span>
      </h1>
    </header>
  );
}
