import { environmentJobsPath } from './environmentRoutes';
import { isHostingRef, type JobRef } from './jobRef';

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

const BROKEN_ENCODING = {
  ok: false,
  message: 'The link has a broken percent-encoding (a “%” not followed by two hex digits).',
} as const;

/** A matched path's segments, decoded; undefined when one has a broken percent-encoding. */
function decodeSegments(match: RegExpExecArray): (string | undefined)[] | undefined {
  try {
    return match.slice(1).map((segment) => (segment === undefined ? undefined : decodeURIComponent(segment)));
  } catch {
    return undefined;
  }
}

/** An empty ?region= means the config's region, like no parameter at all. */
const regionOf = (search: string) => new URLSearchParams(search).get('region') || undefined;

/** Reads a job page URL; undefined when the path is not a job page at all. */
export function matchJobPagePath(pathname: string, search: string): JobPathMatch | undefined {
  const match = JOB_PAGE.exec(pathname);
  if (!match) return undefined;
  const ids = decodeSegments(match);
  if (!ids) return BROKEN_ENCODING;
  const [appId = '', envName = '', jobId = ''] = ids;
  const region = regionOf(search);
  const params: JobPageParams = { appId, envName, jobId };
  if (region !== undefined) params.region = region;
  return { ok: true, params };
}

export interface HostingJobPageParams {
  appId: string;
  branchName: string;
  jobId: string;
  /** From `?region=`; the config's region applies when absent. */
  region?: string;
}

export type BranchPageParams = Omit<HostingJobPageParams, 'jobId'>;

function branchPath({ appId, branchName }: BranchPageParams): string {
  return `/apps/${encodeURIComponent(appId)}/branches/${encodeURIComponent(branchName)}/jobs`;
}

const withRegion = (path: string, region: string | undefined) => (region ? `${path}?region=${encodeURIComponent(region)}` : path);

/** `/apps/{appId}/branches/{branchName}/jobs/{jobId}?region=…`; a branch `feature/login` is one segment, `feature%2Flogin`. */
export function hostingJobPagePath(params: HostingJobPageParams): string {
  return withRegion(`${branchPath(params)}/${encodeURIComponent(params.jobId)}`, params.region);
}

/** `/apps/{appId}/branches/{branchName}/jobs?region=…`: the branch's job list. */
export function branchJobsPath(params: BranchPageParams): string {
  return withRegion(branchPath(params), params.region);
}

const HOSTING_JOB_PAGE = /^\/apps\/([^/]*)\/branches\/([^/]*)\/jobs\/([^/]*)\/?$/;
const BRANCH_PAGE = /^\/apps\/([^/]*)\/branches\/([^/]*)\/jobs\/?$/;

export type HostingPathMatch =
  { ok: true; params: HostingJobPageParams } | { ok: true; params: BranchPageParams } | { ok: false; message: string };

/** Reads a hosting job page or branch list URL; undefined when the path is neither. */
export function matchHostingPath(pathname: string, search: string): HostingPathMatch | undefined {
  const match = BRANCH_PAGE.exec(pathname) ?? HOSTING_JOB_PAGE.exec(pathname);
  if (!match) return undefined;
  const ids = decodeSegments(match);
  if (!ids) return BROKEN_ENCODING;
  const [appId = '', branchName = '', jobId] = ids;
  const region = regionOf(search);
  const params: BranchPageParams = region === undefined ? { appId, branchName } : { appId, branchName, region };
  if (jobId === undefined) return { ok: true, params };
  const job: HostingJobPageParams = { ...params, jobId };
  return { ok: true, params: job };
}

/** The page of a job of either kind; the region goes into the link only when it is not the default one. */
export function jobRefPagePath(ref: JobRef, defaultRegion: string): string {
  const region = ref.region === defaultRegion ? undefined : ref.region;
  return isHostingRef(ref)
    ? hostingJobPagePath({ appId: ref.appId, branchName: ref.branchName, jobId: ref.jobId, region })
    : jobPagePath({ appId: ref.appId, envName: ref.envName, jobId: ref.jobId, region });
}

/**
 * Where a job lives, as its page's header links to it: the kind of place, its name, and its job list
 * (an environment's or a branch's); the region goes into the link only when it is not the default one.
 */
export function jobPlaceLink(
  ref: JobRef,
  defaultRegion: string,
): { place: 'environment' | 'branch'; name: string; href: string } {
  const region = ref.region === defaultRegion ? undefined : ref.region;
  return isHostingRef(ref)
    ? { place: 'branch', name: ref.branchName, href: branchJobsPath({ appId: ref.appId, branchName: ref.branchName, region }) }
    : { place: 'environment', name: ref.envName, href: environmentJobsPath({ appId: ref.appId, envName: ref.envName, region }) };
}
