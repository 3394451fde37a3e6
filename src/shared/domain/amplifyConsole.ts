import { isHostingRef, type JobRef } from './jobRef';

/**
 * The Amplify console's page for an app, `https://<region>.console.aws.amazon.com/amplify/apps/<appId>/overview?region=<region>`,
 * or for a branch's deployments,
 * `https://<region>.console.aws.amazon.com/amplify/apps/<appId>/branches/<branch>/deployments?region=<region>`.
 * The console has no address of its own for one deployment (its deployments page opens on the
 * branch's latest one, and the job is picked from its list), so a hosting job's page is its branch's.
 * Built from the IDs alone: no credentials, tokens or anything else from the session ever go into it.
 * A region that is not plainly a region name gives no address (it would land in the host name).
 */
const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export interface AmplifyConsoleTarget {
  region: string;
  appId: string;
  /** A hosting job's branch (`feature/login`, one encoded segment): its deployments instead of the app's overview. */
  branchName?: string;
}

export function amplifyConsoleUrl({ region, appId, branchName }: AmplifyConsoleTarget): string | null {
  if (!REGION_SHAPE.test(region) || appId === '' || branchName === '') return null;
  const url = new URL(`https://${region}.console.aws.amazon.com/`);
  url.pathname =
    branchName === undefined
      ? `/amplify/apps/${encodeURIComponent(appId)}/overview`
      : `/amplify/apps/${encodeURIComponent(appId)}/branches/${encodeURIComponent(branchName)}/deployments`;
  url.searchParams.set('region', region);
  return url.href;
}

/** Where a job of either kind is seen in the console: a backend job's app, a hosting job's branch deployments. */
export function consoleTarget(ref: JobRef): AmplifyConsoleTarget {
  return isHostingRef(ref)
    ? { region: ref.region, appId: ref.appId, branchName: ref.branchName }
    : { region: ref.region, appId: ref.appId };
}

/** What a console link says after "Open in the Amplify console" to a screen reader: which page it opens. */
export function consoleLinkWhere(target: AmplifyConsoleTarget, jobId?: string): string {
  return target.branchName === undefined
    ? `app ${target.appId}`
    : `deployments of branch ${target.branchName}${jobId === undefined ? '' : `, job ${jobId} among them`}, app ${target.appId}`;
}
