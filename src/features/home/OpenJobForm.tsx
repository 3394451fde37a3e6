import { useId, useRef, useState, type ClipboardEvent, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { navigate } from '../../shared/browser/history';
import { AMPLIFY_BACKEND_REGIONS, isAmplifyBackendRegion } from '../../shared/config/regions';
import { readPastedText } from '../../shared/domain/jobReference';
import {
  EMPTY_FIELDS,
  firstProblem,
  regionProblem,
  saveFields,
  savedFields,
  type FieldName,
  type OpenJobFields,
  type OpenJobKind,
} from './openJobChecks';
import { openedPath, openJobStep, type OpenJobAction, type OpenJobState } from './openJobSteps';

type Control = HTMLInputElement | HTMLSelectElement;
type OpenJobFormModel = ReturnType<typeof useOpenJobForm>;

/**
 * Kind (backend job or hosting build), Region, App ID, Environment or Branch, and Job ID. A pasted
 * job link, CLI JSON or Amplify console address fills the fields (and picks the kind it names);
 * each problem is shown under its field, and Open moves focus to the first.
 */
export function OpenJobForm({ defaultRegion }: { defaultRegion: string }) {
  const form = useOpenJobForm(defaultRegion);
  const { fields } = form.state;
  return (
    <section aria-labelledby={`${form.id}-title`} className="open-job">
      <h2 id={`${form.id}-title`}>Open a job</h2>
      <p className="muted">
        Paste a job link, an Amplify console address or the JSON the AWS CLI printed into any field, and the form fills itself in.
        Leave Job ID empty to see the environment’s (or the branch’s) jobs.
      </p>
      <form className="form open-job__form" onSubmit={form.onSubmit} onPaste={form.onPaste} noValidate>
        <KindChoice name={`${form.id}-kind`} kind={fields.kind} onChange={(kind) => form.act({ type: 'kind', kind })} />
        <Field form={form} name="region" label="Region" options={<RegionOptions fields={fields} />} />
        <Field form={form} name="appId" label="App ID" />
        {fields.kind === 'hosting' ? (
          <Field form={form} name="branchName" label="Branch" />
        ) : (
          <Field form={form} name="envName" label="Environment" />
        )}
        <Field form={form} name="jobId" label="Job ID" />
        <p role="status" className="muted small">
          {form.state.notice}
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

/** The form's state (the fields kept on this history entry, so Back from the opened page finds them), and what paste and Open do. */
function useOpenJobForm(defaultRegion: string) {
  const [state, setState] = useState<OpenJobState>(() => ({
    fields: savedFields(window.history.state) ?? { ...EMPTY_FIELDS, region: defaultRegion },
    problems: {},
    notice: null,
  }));
  const id = useId();
  const controls = useRef<Partial<Record<FieldName, Control | null>>>({});

  const act = (action: OpenJobAction): OpenJobState => {
    const next = openJobStep(state, action);
    setState(next);
    if (next.fields !== state.fields) saveFields(next.fields);
    return next;
  };

  const onPaste = (event: ClipboardEvent<HTMLFormElement>) => {
    const pasted = readPastedText(event.clipboardData.getData('text'));
    if (!pasted) return;
    if (pasted.kind === 'reference') event.preventDefault();
    act({ type: 'paste', pasted, field: (event.target as HTMLElement).dataset.field as FieldName | undefined });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The messages are in place (and described) before focus lands on the first field.
    const next = flushSync(() => act({ type: 'open' }));
    const first = firstProblem(next.problems);
    if (first) {
      controls.current[first]?.focus();
    } else {
      saveFields(next.fields);
      navigate(openedPath(next.fields, defaultRegion));
    }
  };

  return { id, state, controls, act, onPaste, onSubmit };
}

const KIND_LABELS: Record<OpenJobKind, string> = { backend: 'Backend job', hosting: 'Hosting build' };

function KindChoice({ name, kind, onChange }: { name: string; kind: OpenJobKind; onChange: (kind: OpenJobKind) => void }) {
  return (
    <fieldset className="open-job__kind">
      <legend>Kind</legend>
      {(['backend', 'hosting'] as const).map((choice) => (
        <label key={choice} className="choice">
          <input type="radio" name={name} value={choice} checked={kind === choice} onChange={() => onChange(choice)} />{' '}
          {KIND_LABELS[choice]}
        </label>
      ))}
    </fieldset>
  );
}

/** Every region offered, after the one a paste brought when it is not among them. */
function RegionOptions({ fields }: { fields: OpenJobFields }) {
  return (
    <>
      {isAmplifyBackendRegion(fields.region) ? null : (
        <option value={fields.region}>
          {fields.region} ({fields.kind === 'hosting' ? 'not a region offered here' : 'not an AmplifyBackend region'})
        </option>
      )}
      {AMPLIFY_BACKEND_REGIONS.map((region) => (
        <option key={region} value={region}>
          {region}
        </option>
      ))}
    </>
  );
}

/** Label, control and (when there is one) the control's problem right under it. */
function Field({ form, name, label, options }: { form: OpenJobFormModel; name: FieldName; label: string; options?: ReactNode }) {
  const { fields, problems } = form.state;
  const id = `${form.id}-${name}`;
  // An unknown region (only a paste can bring one) is named as soon as it is there.
  const problem = name === 'region' ? regionProblem(fields.region, isAmplifyBackendRegion, fields.kind) : problems[name];
  const props = {
    id,
    'data-field': name,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
    ref: (element: Control | null) => {
      form.controls.current[name] = element;
    },
    value: fields[name],
    onChange: (event: { target: { value: string } }) => form.act({ type: 'change', name, value: event.target.value }),
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {options ? <select {...props}>{options}</select> : <input {...props} autoComplete="off" spellCheck={false} />}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      ) : null}
    </>
  );
}
