import { matchEnvironmentJobsPath } from './environmentRoutes';
import { matchHostingPath, matchJobPagePath } from './jobRoutes';

/**
 * What a person pasted, as far as it names a job, an environment or a branch. A hosting job or
 * branch (`kind: 'hosting'`) names a branch and never an environment; anything else is read as
 * the AmplifyBackend kind, or as either when it names neither (an app ID alone).
 */
export interface JobReference {
  kind?: 'hosting';
  region?: string;
  appId?: string;
  envName?: string;
  /** A hosting job's branch, as named (`feature/login`). */
  branchName?: string;
  jobId?: string;
}

function pick(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function fromPath(text: string): JobReference | null {
  let url: URL;
  try {
    url = new URL(text, 'https://placeholder.invalid');
  } catch {
    return null;
  }
  const job = matchJobPagePath(url.pathname, url.search);
  if (job?.ok) return { ...job.params };
  const env = matchEnvironmentJobsPath(url.pathname, url.search);
  if (env?.ok) return { appId: env.params.appId, envName: env.params.envName, region: env.params.region };
  const hosting = matchHostingPath(url.pathname, url.search);
  if (hosting?.ok) return { kind: 'hosting', ...hosting.params };
  return null;
}

/** `arn:aws:amplify:REGION:ACCOUNT:apps/APP/branches/BRANCH/jobs/JOB`; the branch may hold slashes. */
const JOB_ARN = /^arn:aws[a-z-]*:amplify:([^:]*):[^:]*:apps\/([^/]+)\/branches\/(.+)\/jobs\/([^/]+)$/;

/** A hosting job named by its ARN, or null. The ARN's branch is taken as written. */
export function parseHostingJobArn(arn: string): JobReference | null {
  const match = JOB_ARN.exec(arn.trim());
  if (!match) return null;
  const [, region = '', appId = '', branchName = '', jobId = ''] = match;
  const reference: JobReference = { kind: 'hosting', appId, branchName, jobId };
  if (region !== '') reference.region = region;
  return reference;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The `jobArn` of what `aws amplify get-job` (`{"job":{"summary":{…}}}`), `start-job` (`{"jobSummary":{…}}`)
 * or a bare summary printed.
 */
function hostingJobFromJson(record: Record<string, unknown>): JobReference | null {
  const summaries = [asRecord(asRecord(record.job)?.summary), asRecord(record.jobSummary), asRecord(record.summary), record];
  for (const summary of summaries) {
    const arn = summary ? pick(summary, 'jobArn') : undefined;
    const reference = arn ? parseHostingJobArn(arn) : null;
    if (reference) return reference;
  }
  return null;
}

/**
 * Reads a pasted job link of either kind, an environment or branch list link (absolute or a path),
 * or the JSON the AWS CLI printed: after `aws amplifybackend create-backend-…` (`AppId`/`appId`,
 * `BackendEnvironmentName`, `JobId`), or `aws amplify get-job` (the summary's `jobArn`).
 * Returns null when the text names nothing.
 */
export function parseJobReference(text: string): JobReference | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const record = parsed as Record<string, unknown>;
      const hosting = hostingJobFromJson(record);
      if (hosting) return hosting;
      const reference: JobReference = {};
      const appId = pick(record, 'AppId', 'appId');
      const envName = pick(record, 'BackendEnvironmentName', 'backendEnvironmentName');
      const jobId = pick(record, 'JobId', 'jobId');
      const region = pick(record, 'Region', 'region');
      if (appId) reference.appId = appId;
      if (envName) reference.envName = envName;
      if (jobId) reference.jobId = jobId;
      if (region) reference.region = region;
      return appId || envName || jobId ? reference : null;
    } catch {
      return null;
    }
  }
  if (/^(https?:\/\/[^/]+)?\/apps\//i.test(trimmed)) return fromPath(trimmed);
  return null;
}

const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const APP_ID_SHAPE = /^[a-z0-9]+$/i;
const CONSOLE_HOST = /^(?:([a-z0-9-]+)\.)?console\.aws\.amazon\.com$/i;

/** A path or hash segment, percent-decoded when it decodes (a branch `feature%2Flogin`). */
function segment(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "branches" in the base64 the older console put into its addresses (`YmFja2VuZA` is "backend"). */
const BRANCHES_MARKERS = ['branches', 'YnJhbmNoZXM'];
const BACKEND_MARKER = 'YmFja2VuZA';
const HOSTING_JOB_ID = /^[0-9]+$/;

/** App, branch and job out of the console's path or hash segments, as far as they name them. */
function consoleIds(segments: readonly string[]): { appId?: string; branchName?: string; jobId?: string } {
  const [first, ...rest] = segments[0] === 'apps' ? segments.slice(1) : segments;
  if (first === undefined || !APP_ID_SHAPE.test(first)) return {};
  const appId = first;
  if (rest[0] !== undefined && BRANCHES_MARKERS.includes(rest[0])) {
    // …/branches/<branch>[/deployments/<job>]: any page of the branch names it.
    const branchName = segment(rest[1]);
    if (!branchName) return { appId };
    const jobId = rest[2] === 'deployments' && rest[3] !== undefined && HOSTING_JOB_ID.test(rest[3]) ? rest[3] : undefined;
    return jobId ? { appId, branchName, jobId } : { appId, branchName };
  }
  // The classic console's job page: #/<appId>/<branch>/<job number>, and nothing after it.
  const branchName = segment(rest[0]);
  if (rest.length === 2 && branchName && branchName !== BACKEND_MARKER && rest[1] !== undefined && HOSTING_JOB_ID.test(rest[1])) {
    return { appId, branchName, jobId: rest[1] };
  }
  return { appId };
}

/**
 * Reads an Amplify console address for its app ID and region, in either form the console uses:
 * `https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/…` and the older
 * `https://console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/…`. An address of a
 * branch (`…/apps/<appId>/branches/<branch>/deployments`) is a hosting reference with that branch,
 * and with the job where the address names one (`…/deployments/<jobId>`, or the classic console's
 * `#/<appId>/<branch>/<jobId>`).
 * The region is returned as written, known to AmplifyBackend or not.
 */
export function parseAmplifyConsoleUrl(text: string): JobReference | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const host = CONSOLE_HOST.exec(url.hostname);
  if (!host || url.protocol !== 'https:' || !/^\/amplify(\/|$)/i.test(url.pathname)) return null;
  const subdomain = host[1]?.toLowerCase();
  const region = subdomain && REGION_SHAPE.test(subdomain) ? subdomain : url.searchParams.get('region')?.trim() || undefined;
  const pathSegments = url.pathname.split('/').slice(2);
  const inPath = pathSegments[0]?.toLowerCase() === 'apps' ? consoleIds(['apps', ...pathSegments.slice(1)]) : {};
  const inHash = consoleIds(url.hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? []);
  const ids = inPath.appId ? inPath : inHash;
  if (!ids.appId) return null;
  const reference: JobReference = ids.branchName ? { kind: 'hosting', ...ids } : { appId: ids.appId };
  if (region) reference.region = region;
  return reference;
}

/** What a paste into the open-a-job form turned out to be. */
export type PastedText =
  | { kind: 'reference'; from: 'link' | 'json' | 'console'; reference: JobReference }
  /** Text that starts like the CLI's JSON but was cut off (or is not JSON at all). */
  | { kind: 'broken-json' }
  | null;

/** A job link, the CLI's JSON, an Amplify console address, JSON cut off part way, or (null) ordinary text. */
export function readPastedText(text: string): PastedText {
  const trimmed = text.trim();
  const consoleReference = parseAmplifyConsoleUrl(trimmed);
  if (consoleReference) return { kind: 'reference', from: 'console', reference: consoleReference };
  const reference = parseJobReference(trimmed);
  if (reference) return { kind: 'reference', from: trimmed.startsWith('{') ? 'json' : 'link', reference };
  if (looksLikeJsonPart(trimmed) && !parsesAsJson(trimmed)) return { kind: 'broken-json' };
  return null;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `{`, `}` or a `"Name":` pair: a piece of the CLI's JSON rather than an ID. */
export function looksLikeJsonPart(text: string): boolean {
  return /[{}]/.test(text) || /"\s*:/.test(text) || /^\s*"/.test(text);
}
