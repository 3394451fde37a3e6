import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { readPastedText, type PastedText } from '../../shared/domain/jobReference';
import { branchJobsPath, hostingJobPagePath, jobPagePath } from '../../shared/domain/jobRoutes';
import {
  BROKEN_JSON_PASTED,
  checkFields,
  idFieldsOf,
  idProblem,
  withReference,
  type FieldName,
  type FieldProblems,
  type OpenJobFields,
  type OpenJobKind,
} from './openJobChecks';

/**
 * What the open-a-job form does, as a plain state machine: `state + action → next state`. The
 * component keeps the fields on the history entry, moves focus and opens the page.
 */
export interface OpenJobState {
  fields: OpenJobFields;
  /** The problems Open found (or a paste brought); each goes once its field is right. */
  problems: FieldProblems;
  /** The status line: what a paste (or a link typed into a field) filled in. */
  notice: string | null;
}

export type OpenJobAction =
  | { type: 'change'; name: FieldName; value: string }
  | { type: 'kind'; kind: OpenJobKind }
  /** `field`: the field the text was pasted into, if any. */
  | { type: 'paste'; pasted: NonNullable<PastedText>; field?: FieldName }
  | { type: 'open' };

type Reference = Extract<PastedText, { kind: 'reference' }>;

const SWITCHED: Record<OpenJobKind, string> = {
  backend: 'It names a backend job, so the form now asks for an environment.',
  hosting: 'It names a hosting build, so the form now asks for a branch.',
};

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The fields with a reference put in, and what the status line says of it (and, when it did, that the kind changed). */
function withPasted(fields: OpenJobFields, { from, reference }: Reference): Pick<OpenJobState, 'fields' | 'notice'> {
  const next = withReference(fields, reference);
  const taken = [
    'app ID',
    ...(reference.branchName !== undefined ? ['branch'] : []),
    ...(reference.jobId !== undefined ? ['job ID'] : []),
    ...(reference.region !== undefined ? ['region'] : []),
  ];
  const said =
    from === 'console' ? `Took the ${joinWords(taken)} from the Amplify console address.` : 'Filled in from what you pasted.';
  return { fields: next, notice: next.kind === fields.kind ? said : `${said} ${SWITCHED[next.kind]}` };
}

export function openJobStep(state: OpenJobState, action: OpenJobAction): OpenJobState {
  switch (action.type) {
    case 'change': {
      const { name, value } = action;
      const fields = { ...state.fields, [name]: value };
      // A message stays until Open checks again, unless the field is now right.
      const right = name === 'region' || !idProblem(name, value, fields.kind);
      const problems = state.problems[name] && right ? { ...state.problems, [name]: undefined } : state.problems;
      return { ...state, fields, problems };
    }
    case 'kind':
      // The rules differ (a hosting job ID is a number): Open checks again with the new ones.
      return { fields: { ...state.fields, kind: action.kind }, problems: {}, notice: null };
    case 'paste':
      if (action.pasted.kind === 'reference') return { ...withPasted(state.fields, action.pasted), problems: {} };
      // The text still goes in, so what was pasted can be seen; the field says why it will not do.
      return {
        ...state,
        problems: action.field ? { ...state.problems, [action.field]: BROKEN_JSON_PASTED } : state.problems,
        notice: null,
      };
    case 'open': {
      // A link, console address or the CLI's JSON typed or dropped into a field is read, not sent as an ID.
      let read: Pick<OpenJobState, 'fields' | 'notice'> = { fields: state.fields, notice: null };
      for (const name of idFieldsOf(state.fields.kind)) {
        const pasted = readPastedText(read.fields[name]);
        if (pasted?.kind === 'reference') read = withPasted({ ...read.fields, [name]: '' }, pasted);
      }
      return { ...read, problems: checkFields(read.fields, isAmplifyBackendRegion) };
    }
  }
}

/** Where Open goes: the job's page, or without a Job ID its environment's (or branch's) jobs; the config's region goes unsaid. */
export function openedPath(fields: OpenJobFields, defaultRegion: string): string {
  const appId = fields.appId.trim();
  const jobId = fields.jobId.trim();
  const region = fields.region === defaultRegion ? undefined : fields.region;
  if (fields.kind === 'hosting') {
    const branchName = fields.branchName.trim();
    return jobId ? hostingJobPagePath({ appId, branchName, jobId, region }) : branchJobsPath({ appId, branchName, region });
  }
  const envName = fields.envName.trim();
  return jobId ? jobPagePath({ appId, envName, jobId, region }) : environmentJobsPath({ appId, envName, region });
}
