import { matchEnvironmentJobsPath } from './environmentRoutes';
import { matchJobPagePath } from './jobRoutes';

/** What a person pasted, as far as it names a job or environment. */
export interface JobReference {
  region?: string;
  appId?: string;
  envName?: string;
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
  return null;
}

/**
 * Reads a pasted job link (absolute or a path), or the JSON the AWS CLI printed after
 * `aws amplifybackend create-backend-…` (`AppId`/`appId`, `BackendEnvironmentName`, `JobId`).
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

/**
 * Reads an Amplify console address for its app ID and region, in either form the console uses:
 * `https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/…` and the older
 * `https://console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/…`.
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
  const inPath = /^\/amplify\/apps\/([^/?#]+)/i.exec(url.pathname)?.[1];
  const hashSegments = url.hash.replace(/^#\/?/, '').split(/[/?]/);
  const inHash = hashSegments[0] === 'apps' ? hashSegments[1] : hashSegments[0];
  const appId = [inPath, inHash].find((candidate) => candidate !== undefined && APP_ID_SHAPE.test(candidate));
  if (!appId) return null;
  return region ? { appId, region } : { appId };
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
