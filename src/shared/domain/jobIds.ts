export type IdField = 'App ID' | 'Environment' | 'Job ID';

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
  if (ids.region !== undefined && !isKnownRegion(ids.region)) {
    problems.push(`Region “${ids.region}” is not one where AmplifyBackend runs (for example us-east-1 or eu-west-1).`);
  }
  return problems.filter((problem): problem is string => problem !== null);
}
