export type IdField = 'App ID' | 'Environment' | 'Branch' | 'Job ID';

export const MAX_ID_LENGTH = 256;

/**
 * IDs go into the request path as one segment each. Refuse what could never be an ID or could
 * make the request reach another resource (`.` and `..` are resolved away by URL parsing).
 * Returns a message for the person, or null when the value may be sent.
 */
export function validateId(field: IdField, value: string): string | null {
  if (value.trim() === '') return `${field} is empty.`;
  if (value === '.' || value === '..') return `${field} cannot be “${value}”.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return `${field} contains control characters.`;
  if (value.length > MAX_ID_LENGTH) return `${field} is ${value.length} characters long; at most ${MAX_ID_LENGTH} are accepted.`;
  if (value !== value.trim()) return `${field} has spaces at its start or end.`;
  return null;
}

export interface LinkIds {
  appId: string;
  envName: string;
  jobId?: string;
  region?: string;
}

/** Everything wrong with a job or environment link, in words; empty when it may be sent. */
export function linkProblems(ids: LinkIds, isKnownRegion: (region: string) => boolean): string[] {
  const problems = [validateId('App ID', ids.appId), validateId('Environment', ids.envName)];
  if (ids.jobId !== undefined) problems.push(validateId('Job ID', ids.jobId));
  if (ids.region !== undefined && !isKnownRegion(ids.region)) problems.push(unknownRegion(ids.region));
  return problems.filter((problem): problem is string => problem !== null);
}

const unknownRegion = (region: string) =>
  `Region “${region}” is not one where AmplifyBackend runs (for example us-east-1 or eu-west-1).`;

/** Amplify Hosting numbers a branch's jobs 1, 2, 3…: its job IDs are decimal digits and nothing else. */
const HOSTING_JOB_ID = /^[0-9]{1,255}$/;

export interface HostingLinkIds {
  appId: string;
  branchName: string;
  jobId?: string;
  region?: string;
}

/**
 * Everything wrong with a hosting job or branch link, in words. A branch name may hold slashes
 * (`feature/login`: one encoded segment); a job ID is the branch's job number.
 */
export function hostingLinkProblems(ids: HostingLinkIds, isKnownRegion: (region: string) => boolean): string[] {
  const problems = [validateId('App ID', ids.appId), validateId('Branch', ids.branchName)];
  if (ids.jobId !== undefined) {
    const problem = validateId('Job ID', ids.jobId);
    problems.push(
      problem ??
        (HOSTING_JOB_ID.test(ids.jobId)
          ? null
          : 'Job ID of a hosting job is the branch’s job number, digits only (for example 12).'),
    );
  }
  if (ids.region !== undefined && !isKnownRegion(ids.region)) problems.push(unknownRegion(ids.region));
  return problems.filter((problem): problem is string => problem !== null);
}
