import { Fragment, type Ref } from 'react';
import type { BackendJobKey } from '../../shared/aws/amplifyBackend';
import { Link } from '../../shared/browser/history';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';

export interface JobHeaderProps {
  jobKey: BackendJobKey;
  /** The config's region: links leave it out of the address. */
  defaultRegion: string;
  /** The heading, focusable from script: focus lands there when what had it goes away. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** `7f3c9e2a-5b1d-…` with a line-break opportunity after each hyphen and nowhere else (unless a part is wider than the line). */
function BreakAtHyphens({ text }: { text: string }) {
  const parts = text.split('-');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? (
        <>
          -<wbr />
        </>
      ) : null}
    </Fragment>
  ));
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
          <span className="mono">{jobKey.envName}</span>
        </Link>{' '}
        · {jobKey.region}
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        Job{' '}
        <span className="mono job__id">
          <BreakAtHyphens text={jobKey.jobId} />
        </span>
      </h1>
    </header>
  );
}
