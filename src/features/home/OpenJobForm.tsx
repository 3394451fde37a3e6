import { useId, useRef, useState, type ClipboardEvent, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { AMPLIFY_BACKEND_REGIONS, isAmplifyBackendRegion } from '../../shared/config/regions';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { readPastedText, type JobReference } from '../../shared/domain/jobReference';
import { branchJobsPath, hostingJobPagePath, jobPagePath } from '../../shared/domain/jobRoutes';
import { navigate } from '../../shared/browser/history';
import {
  BROKEN_JSON_PASTED,
  checkFields,
  EMPTY_FIELDS,
  firstProblem,
  idFieldsOf,
  idProblem,
  regionProblem,
  saveFields,
  savedFields,
  withReference,
  type FieldName,
  type FieldProblems,
  type OpenJobFields,
  type OpenJobKind,
} from './openJobChecks';

const KIND_WORDS: Record<OpenJobKind, { label: string; switched: string }> = {
  backend: { label: 'Backend job', switched: 'It names a backend job, so the form now asks for an environment.' },
  hosting: { label: 'Hosting build', switched: 'It names a hosting build, so the form now asks for a branch.' },
};

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What the status line says after a paste filled the form in (and, when it did, that the kind changed). */
function noticeFor(from: 'link' | 'json' | 'console', reference: JobReference, switchedTo: OpenJobKind | null): string {
  const taken = [
    'app ID',
    ...(reference.branchName !== undefined ? ['branch'] : []),
    ...(reference.jobId !== undefined ? ['job ID'] : []),
    ...(reference.region !== undefined ? ['region'] : []),
  ];
  const said =
    from === 'console' ? `Took the ${joinWords(taken)} from the Amplify console address.` : 'Filled in from what you pasted.';
  return switchedTo ? `${said} ${KIND_WORDS[switchedTo].switched}` : said;
}

/**
 * Kind (backend job or hosting build), Region, App ID, Environment or Branch, and Job ID. A pasted
 * job link, CLI JSON or Amplify console address fills the fields (and picks the kind it names);
 * each problem is shown under its field, and Open moves focus to the first.
 * What was typed stays on this history entry, so Back from the opened page finds it again.
 */
export function OpenJobForm({ defaultRegion }: { defaultRegion: string }) {
  const [fields, setFields] = useState<OpenJobFields>(
    () => savedFields(window.history.state) ?? { ...EMPTY_FIELDS, region: defaultRegion },
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  const controls = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  // An unknown region (only a paste can bring one) is named as soon as it is there.
  const shown: FieldProblems = { ...problems, region: regionProblem(fields.region, isAmplifyBackendRegion, fields.kind) };

  const update = (next: OpenJobFields) => {
    setFields(next);
    saveFields(next);
  };

  const onChange = (name: FieldName) => (event: { target: { value: string } }) => {
    const next = { ...fields, [name]: event.target.value };
    update(next);
    // A message stays until Open checks again, unless the field is now right.
    if (problems[name] && (name === 'region' || !idProblem(name, next[name], next.kind))) {
      setProblems((current) => ({ ...current, [name]: undefined }));
    }
  };

  const onKindChange = (kind: OpenJobKind) => {
    update({ ...fields, kind });
    // The rules differ (a hosting job ID is a number): Open checks again with the new ones.
    setProblems({});
    setNotice(null);
  };

  const onPaste = (event: ClipboardEvent<HTMLFormElement>) => {
    const pasted = readPastedText(event.clipboardData.getData('text'));
    if (!pasted) return;
    const target = (event.target as HTMLElement).dataset.field as FieldName | undefined;
    if (pasted.kind === 'broken-json') {
      // The text still goes in, so what was pasted can be seen; the field says why it will not do.
      if (target) setProblems((current) => ({ ...current, [target]: BROKEN_JSON_PASTED }));
      setNotice(null);
      return;
    }
    event.preventDefault();
    const next = withReference(fields, pasted.reference);
    update(next);
    setProblems({});
    setNotice(noticeFor(pasted.from, pasted.reference, next.kind === fields.kind ? null : next.kind));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A link, console address or the CLI's JSON typed or dropped into a field is read, not sent as an ID.
    let next = fields;
    let readNotice: string | null = null;
    for (const name of idFieldsOf(fields.kind)) {
      const pasted = readPastedText(next[name]);
      if (pasted?.kind === 'reference') {
        const before = next.kind;
        next = withReference({ ...next, [name]: '' }, pasted.reference);
        readNotice = noticeFor(pasted.from, pasted.reference, next.kind === before ? null : next.kind);
      }
    }
    if (next !== fields) update(next);
    const found = checkFields(next, isAmplifyBackendRegion);
    const first = firstProblem(found);
    if (first) {
      // The messages are in place (and described) before focus lands on the first field.
      flushSync(() => {
        setProblems(found);
        setNotice(readNotice);
      });
      controls.current[first]?.focus();
      return;
    }
    setProblems({});
    saveFields(next);
    const appId = next.appId.trim();
    const jobId = next.jobId.trim();
    const region = next.region === defaultRegion ? undefined : next.region;
    if (next.kind === 'hosting') {
      const branchName = next.branchName.trim();
      navigate(jobId ? hostingJobPagePath({ appId, branchName, jobId, region }) : branchJobsPath({ appId, branchName, region }));
      return;
    }
    const envName = next.envName.trim();
    navigate(jobId ? jobPagePath({ appId, envName, jobId, region }) : environmentJobsPath({ appId, envName, region }));
  };

  /** Label, control and (when there is one) the control's problem right under it. */
  const field = (name: FieldName, label: string, control: (props: ControlProps) => ReactNode) => {
    const controlId = `${id}-${name}`;
    const problem = shown[name];
    return (
      <>
        <label htmlFor={controlId}>{label}</label>
        {control({
          id: controlId,
          'data-field': name,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': problem ? `${controlId}-problem` : undefined,
          ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
            controls.current[name] = element;
          },
        })}
        {problem ? (
          <p id={`${controlId}-problem`} className="field-problem">
            {problem}
          </p>
        ) : null}
      </>
    );
  };

  const input = (name: FieldName) => (props: ControlProps) => (
    <input {...props} value={fields[name]} onChange={onChange(name)} autoComplete="off" spellCheck={false} />
  );
  const known = isAmplifyBackendRegion(fields.region);

  return (
    <section aria-labelledby={`${id}-title`} className="open-job">
      <h2 id={`${id}-title`}>Open a job</h2>
      <p className="muted">
        Paste a job link, an Amplify console address or the JSON the AWS CLI printed into any field, and the form fills itself in.
        Leave Job ID empty to see the environment’s (or the branch’s) jobs.
      </p>
      <form className="form open-job__form" onSubmit={onSubmit} onPaste={onPaste} noValidate>
        <fieldset className="open-job__kind">
          <legend>Kind</legend>
          {(['backend', 'hosting'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={fields.kind === kind}
                onChange={() => onKindChange(kind)}
              />{' '}
              {KIND_WORDS[kind].label}
            </label>
          ))}
        </fieldset>
        {field('region', 'Region', (props) => (
          <select {...props} value={fields.region} onChange={onChange('region')}>
            {known ? null : (
              <option value={fields.region}>
                {fields.region} ({fields.kind === 'hosting' ? 'not a region offered here' : 'not an AmplifyBackend region'})
              </option>
            )}
            {AMPLIFY_BACKEND_REGIONS.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        ))}
        {field('appId', 'App ID', input('appId'))}
        {fields.kind === 'hosting'
          ? field('branchName', 'Branch', input('branchName'))
          : field('envName', 'Environment', input('envName'))}
        {field('jobId', 'Job ID', input('jobId'))}
        <p role="status" className="muted small">
          {notice}
        </p>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Open
          </button>
        </div>
      </form>
    </section>
  );
}

interface ControlProps {
  id: string;
  'data-field': FieldName;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  ref: (element: HTMLInputElement | HTMLSelectElement | null) => void;
}
