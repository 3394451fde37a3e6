import { describe, expect, it } from 'vitest';
import { readPastedText } from '../../shared/domain/jobReference';
import { BROKEN_JSON_PASTED, EMPTY_FIELDS, type OpenJobFields } from './openJobChecks';
import { openedPath, openJobStep, type OpenJobAction, type OpenJobState } from './openJobSteps';

const FIELDS: OpenJobFields = { ...EMPTY_FIELDS, region: 'us-east-1', appId: 'dApp', envName: 'prod' };
const START: OpenJobState = { fields: FIELDS, problems: {}, notice: null };

function step(action: OpenJobAction, state: OpenJobState = START): OpenJobState {
  return openJobStep(state, action);
}

function paste(text: string, state: OpenJobState = START): OpenJobState {
  const pasted = readPastedText(text);
  if (!pasted) throw new Error(`not a paste the form reads: ${text}`);
  return step({ type: 'paste', pasted, field: 'appId' }, state);
}

describe('openJobStep', () => {
  it.each([
    ['a field now right loses its problem', 'appId', 'dOther', { appId: 'App ID is empty.' }, {}],
    ['a field still wrong keeps it', 'appId', 'd Other', { appId: 'App ID is empty.' }, { appId: 'App ID is empty.' }],
    ['another field’s problem stays', 'appId', 'dOther', { envName: 'x' }, { envName: 'x' }],
  ] as const)('change: %s', (_rule, name, value, before, after) => {
    const next = step({ type: 'change', name, value }, { ...START, problems: before });
    expect(next.fields[name]).toBe(value);
    expect(Object.fromEntries(Object.entries(next.problems).filter(([, problem]) => problem))).toEqual(after);
  });

  it('another kind drops every problem and the notice: Open checks with its rules', () => {
    const next = step({ type: 'kind', kind: 'hosting' }, { ...START, problems: { jobId: 'x' }, notice: 'said' });
    expect(next).toEqual({ fields: { ...FIELDS, kind: 'hosting' }, problems: {}, notice: null });
  });

  it.each([
    ['a job link', '/apps/dNew/environments/qa/jobs/j-1', 'Filled in from what you pasted.'],
    [
      'a hosting job link',
      '/apps/dNew/branches/main/jobs/12',
      'Filled in from what you pasted. It names a hosting build, so the form now asks for a branch.',
    ],
    [
      'a console address',
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/dNew/overview',
      'Took the app ID and region from the Amplify console address.',
    ],
    [
      'a console address of a deployment',
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/dNew/branches/main/deployments/12',
      'Took the app ID, branch, job ID and region from the Amplify console address. It names a hosting build, so the form now asks for a branch.',
    ],
  ])('paste of %s: fills the fields in, drops the problems, and says so', (_what, text, notice) => {
    const next = paste(text, { ...START, problems: { envName: 'x' } });
    expect(next.fields.appId).toBe('dNew');
    expect(next.problems).toEqual({});
    expect(next.notice).toBe(notice);
  });

  it('paste of JSON cut off: the field it went into says why, the fields stay', () => {
    const next = paste('{"AppId": "dNew', { ...START, notice: 'said' });
    expect(next).toEqual({ fields: FIELDS, problems: { appId: BROKEN_JSON_PASTED }, notice: null });
  });

  it('open reads a link typed into a field, then checks the fields', () => {
    const typed = { ...START, fields: { ...FIELDS, jobId: '/apps/dNew/environments/qa/jobs/j-1' } };
    expect(step({ type: 'open' }, typed)).toEqual({
      fields: { ...FIELDS, appId: 'dNew', envName: 'qa', jobId: 'j-1' },
      problems: {},
      notice: 'Filled in from what you pasted.',
    });
    expect(step({ type: 'open' }, { ...START, fields: { ...FIELDS, appId: '' } })).toEqual({
      fields: { ...FIELDS, appId: '' },
      problems: { appId: 'App ID is empty.' },
      notice: null,
    });
  });
});

describe('openedPath', () => {
  it.each([
    [{ jobId: ' j-1 ' }, '/apps/dApp/environments/prod/jobs/j-1'],
    [{ jobId: '' }, '/apps/dApp/environments/prod/jobs'],
    [{ jobId: 'j-1', region: 'eu-west-1' }, '/apps/dApp/environments/prod/jobs/j-1?region=eu-west-1'],
    [{ kind: 'hosting', branchName: 'main', jobId: '12' }, '/apps/dApp/branches/main/jobs/12'],
    [{ kind: 'hosting', branchName: ' main ', jobId: '', region: 'eu-west-1' }, '/apps/dApp/branches/main/jobs?region=eu-west-1'],
  ] as const)('%j → %s', (fields, path) => {
    expect(openedPath({ ...FIELDS, ...fields }, 'us-east-1')).toBe(path);
  });
});
