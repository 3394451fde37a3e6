import { hostingLinkProblems, validateId, type IdField } from '../../shared/domain/jobIds';
import { looksLikeJsonPart, type JobReference } from '../../shared/domain/jobReference';

/** Which kind of job the form opens: an AmplifyBackend job in an environment, or a hosting build on a branch. */
export type OpenJobKind = 'backend' | 'hosting';

export interface OpenJobFields {
  kind: OpenJobKind;
  region: string;
  appId: string;
  /** Kept while a hosting build is chosen (and the branch while a backend job is), so switching back finds it. */
  envName: string;
  branchName: string;
  jobId: string;
}

export type FieldName = Exclude<keyof OpenJobFields, 'kind'>;
export type IdFieldName = Exclude<FieldName, 'region'>;

/** The order the fields have on screen (only one of Environment and Branch is there): the first with a problem gets focus. */
export const FIELD_ORDER: readonly FieldName[] = ['region', 'appId', 'envName', 'branchName', 'jobId'];

/** The ID fields the form shows for a kind of job. */
export function idFieldsOf(kind: OpenJobKind): readonly IdFieldName[] {
  return kind === 'hosting' ? ['appId', 'branchName', 'jobId'] : ['appId', 'envName', 'jobId'];
}

export const EMPTY_FIELDS: Omit<OpenJobFields, 'region'> = { kind: 'backend', appId: '', envName: '', branchName: '', jobId: '' };

export type FieldProblems = Partial<Record<FieldName, string>>;

const LABELS: Record<IdFieldName, IdField> = { appId: 'App ID', envName: 'Environment', branchName: 'Branch', jobId: 'Job ID' };

export const BROKEN_JSON_PASTED =
  'This looks like the JSON the AWS CLI printed, cut off part way, so the form cannot read it. Copy all of it, from “{” to “}”, and paste it again.';

export function regionProblem(
  region: string,
  isKnownRegion: (region: string) => boolean,
  kind: OpenJobKind = 'backend',
): string | undefined {
  if (isKnownRegion(region)) return undefined;
  return kind === 'hosting'
    ? `Region “${region}”, from what was pasted, is not one of the regions this dashboard watches Amplify Hosting builds in. Choose one from the list.`
    : `Region “${region}”, from what was pasted, is not a region where AmplifyBackend runs. Choose one from the list.`;
}

/**
 * What is wrong with one ID as typed (it is trimmed before use), or undefined. Job ID may be empty;
 * a hosting build's Job ID is the branch's job number.
 */
export function idProblem(name: IdFieldName, value: string, kind: OpenJobKind = 'backend'): string | undefined {
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
  if (kind === 'hosting' && name === 'jobId') {
    // The link rules of a hosting job, with stand-ins for the other IDs: what is left is about the job ID.
    return hostingLinkProblems({ appId: 'app', branchName: 'branch', jobId: trimmed }, () => true)[0];
  }
  return undefined;
}

/** Every problem of the fields the chosen kind shows; the hidden one (Environment or Branch) is not checked. */
export function checkFields(fields: OpenJobFields, isKnownRegion: (region: string) => boolean): FieldProblems {
  const problems: FieldProblems = {};
  const region = regionProblem(fields.region, isKnownRegion, fields.kind);
  if (region) problems.region = region;
  for (const name of idFieldsOf(fields.kind)) {
    const problem = idProblem(name, fields[name], fields.kind);
    if (problem) problems[name] = problem;
  }
  return problems;
}

export function firstProblem(problems: FieldProblems): FieldName | undefined {
  return FIELD_ORDER.find((name) => problems[name] !== undefined);
}

/** The kind a reference names: a branch is a hosting build, an environment a backend job; an app ID alone names neither. */
export function referenceKind(reference: JobReference): OpenJobKind | undefined {
  if (reference.kind === 'hosting' || reference.branchName !== undefined) return 'hosting';
  return reference.envName !== undefined ? 'backend' : undefined;
}

/**
 * The fields with what a reference names put in. A reference of the other kind switches the form to
 * it, and a Job ID it does not name is cleared then (a job ID of one kind means nothing to the other).
 */
export function withReference(fields: OpenJobFields, reference: JobReference): OpenJobFields {
  const kind = referenceKind(reference) ?? fields.kind;
  return {
    kind,
    region: reference.region ?? fields.region,
    appId: reference.appId ?? fields.appId,
    envName: reference.envName ?? fields.envName,
    branchName: reference.branchName ?? fields.branchName,
    jobId: reference.jobId ?? (kind === fields.kind ? fields.jobId : ''),
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
  // Entries saved before the form knew hosting builds have neither kind nor branch.
  const kind: OpenJobKind = record.kind === 'hosting' ? 'hosting' : 'backend';
  const branchName = typeof record.branchName === 'string' ? record.branchName : '';
  return { kind, region, appId, envName, branchName, jobId };
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
