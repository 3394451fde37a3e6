export interface JobPageParams {
  appId: string;
  envName: string;
  jobId: string;
  /** From `?region=`; the config's region applies when absent. */
  region?: string;
}

/** `/apps/{appId}/environments/{envName}/jobs/{jobId}?region=…`, each ID one encoded segment. */
export function jobPagePath({ appId, envName, jobId, region }: JobPageParams): string {
  const path = `/apps/${encodeURIComponent(appId)}/environments/${encodeURIComponent(envName)}/jobs/${encodeURIComponent(jobId)}`;
  return region ? `${path}?region=${encodeURIComponent(region)}` : path;
}

const JOB_PAGE = /^\/apps\/([^/]*)\/environments\/([^/]*)\/jobs\/([^/]*)\/?$/;

export type JobPathMatch = { ok: true; params: JobPageParams } | { ok: false; message: string };

/** Reads a job page URL; undefined when the path is not a job page at all. */
export function matchJobPagePath(pathname: string, search: string): JobPathMatch | undefined {
  const match = JOB_PAGE.exec(pathname);
  if (!match) return undefined;
  let ids: string[];
  try {
    ids = match.slice(1).map((segment) => decodeURIComponent(segment));
  } catch {
    return { ok: false, message: 'The link has a broken percent-encoding (a “%” not followed by two hex digits).' };
  }
  const [appId = '', envName = '', jobId = ''] = ids;
  // An empty ?region= means the config's region, like no parameter at all.
  const region = new URLSearchParams(search).get('region') || undefined;
  const params: JobPageParams = { appId, envName, jobId };
  if (region !== undefined) params.region = region;
  return { ok: true, params };
}
