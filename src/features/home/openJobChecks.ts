import { validateId, type IdField } from '../../shared/domain/jobIds';
import { looksLikeJsonPart, type JobReference } from '../../shared/domain/jobReference';

export interface OpenJobFields {
  region: string;
  appId: string;
  envName: string;
  jobId: string;
}

export type FieldName = keyof OpenJobFields;
export type IdFieldName = Exclude<FieldName, 'region'>;

/** The order the fields have on screen: the first with a problem gets focus. */
export const FIELD_ORDER: readonly FieldName[] = ['region', 'appId', 'envName', 'jobId'];
export const ID_FIELDS: readonly IdFieldName[] = ['appId', 'envName', 'jobId'];

export type FieldProblems = Partial<Record<FieldName, string>>;

const LABELS: Record<IdFieldName, IdField> = { appId: 'App ID', envName: 'Environment', jobId: 'Job ID' };

export const BROKEN_JSON_PASTED =
  'This looks like the JSON the AWS CLI printed, cut off part way, so the form cannot read it. Copy all of it, from “{” to “}”, and paste it again.';

export function regionProblem(region: string, isKnownRegion: (region: string) => boolean): string | undefined {
  if (isKnownRegion(region)) return undefined;
  return `Region “${region}”, from what was pasted, is not a region where AmplifyBackend runs. Choose one from the list.`;
}

/** What is wrong with one ID as typed (it is trimmed before use), or undefined. Job ID may be empty. */
export function idProblem(name: IdFieldName, value: string): string | undefined {
  const label = LABELS[name];
  const trimmed = value.trim();
  if (name === 'jobId' && trimmed === '') return undefined;
  if (trimmed === '') return `${label} is empty.`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return `${label} is a web address, not an ID. Paste a job link or an Amplify console address into any field and the form takes the IDs out of it.`;
  }
  if (looksLikeJsonPart(trimmed)) {
    return `${label} holds part of the JSON the AWS CLI printed. Paste all of it, from “{” to “}”, and the form fills itself in, or paste only the ID.`;
  }
  const basic = validateId(label, trimmed);
  if (basic) return basic;
  if (/\s/.test(trimmed)) return `${label} has a space in it; IDs have none. Check that only the ID was copied.`;
  return undefined;
}

export function checkFields(fields: OpenJobFields, isKnownRegion: (region: string) => boolean): FieldProblems {
  const problems: FieldProblems = {};
  const region = regionProblem(fields.region, isKnownRegion);
  if (region) problems.region = region;
  for (const name of ID_FIELDS) {
    const problem = idProblem(name, fields[name]);
    if (problem) problems[name] = problem;
  }
  return problems;
}

export function firstProblem(problems: FieldProblems): FieldName | undefined {
  return FIELD_ORDER.find((name) => problems[name] !== undefined);
}

export function withReference(fields: OpenJobFields, reference: JobReference): OpenJobFields {
  return {
    region: reference.region ?? fields.region,
    appId: reference.appId ?? fields.appId,
    envName: reference.envName ?? fields.envName,
    jobId: reference.jobId ?? fields.jobId,
  };
}

const STATE_KEY = 'openJobForm';

/** The form as it was last filled in on this history entry (Back returns to it), or null. */
export function savedFields(state: unknown): OpenJobFields | null {
  if (typeof state !== 'object' || state === null) return null;
  const saved = (state as Record<string, unknown>)[STATE_KEY];
  if (typeof saved !== 'object' || saved === null) return null;
  const record = saved as Record<string, unknown>;
  const { region, appId, envName, jobId } = record;
  if (typeof region !== 'string' || typeof appId !== 'string' || typeof envName !== 'string' || typeof jobId !== 'string') {
    return null;
  }
  return { region, appId, envName, jobId };
}

/** Keeps the fields on the current history entry, beside whatever else it holds. */
export function saveFields(fields: OpenJobFields): void {
  const current: unknown = window.history.state;
  const base = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  try {
    window.history.replaceState({ ...base, [STATE_KEY]: fields }, '');
  } catch {
    // A browser that limits how often history may change: the form only forgets what was typed.
  }
}
