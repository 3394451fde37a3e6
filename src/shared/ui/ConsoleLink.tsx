import { amplifyConsoleUrl, consoleLinkWhere, consoleTarget, type AmplifyConsoleTarget } from '../domain/amplifyConsole';
import type { JobRef } from '../domain/jobRef';

export type ConsoleLinkProps = (
  | {
      /** A job of either kind: a backend job's app overview, a hosting job's branch deployments. */
      jobRef: JobRef;
    }
  | (AmplifyConsoleTarget & { jobRef?: undefined })
) & { className?: string };

/**
 * "Open in the Amplify console" for the app (or, for a hosting job, its branch's deployments), in a
 * new tab that gets neither this page nor its address.
 */
export function ConsoleLink(props: ConsoleLinkProps) {
  const { className = 'button button--small' } = props;
  const target = props.jobRef
    ? consoleTarget(props.jobRef)
    : { region: props.region, appId: props.appId, branchName: props.branchName };
  const href = amplifyConsoleUrl(target);
  if (!href) return null;
  const where = consoleLinkWhere(target, props.jobRef?.jobId);
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      Open in the Amplify console<span className="visually-hidden"> ({where}, opens in a new tab)</span>
    </a>
  );
}
