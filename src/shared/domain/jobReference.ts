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
