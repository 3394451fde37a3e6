/**
 * The Amplify console's page for an app: `https://<region>.console.aws.amazon.com/amplify/apps/<appId>/overview?region=<region>`.
 * Built from the IDs alone: no credentials, tokens or anything else from the session ever go into it.
 * A region that is not plainly a region name gives no address (it would land in the host name).
 */
const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export interface AmplifyConsoleTarget {
  region: string;
  appId: string;
}

export function amplifyConsoleUrl({ region, appId }: AmplifyConsoleTarget): string | null {
  if (!REGION_SHAPE.test(region) || appId === '') return null;
  const url = new URL(`https://${region}.console.aws.amazon.com/`);
  url.pathname = `/amplify/apps/${encodeURIComponent(appId)}/overview`;
  url.searchParams.set('region', region);
  return url.href;
}
