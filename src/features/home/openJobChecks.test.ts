import { afterEach, describe, expect, it } from 'vitest';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { checkFields, EMPTY_FIELDS, firstProblem, idProblem, saveFields, savedFields, withReference } from './openJobChecks';

describe('idProblem', () => {
  it.each([
    ['appId', '', 'App ID is empty.'],
    ['envName', '  ', 'Environment is empty.'],
    ['appId', 'd2k9 xq7v', 'App ID has a space in it; IDs have none. Check that only the ID was copied.'],
    ['jobId', '7f3c9e2a\u00a05b1d', 'Job ID has a space in it; IDs have none. Check that only the ID was copied.'],
    ['envName', '..', 'Environment cannot be “..”.'],
  ] as const)('%s “%s”: %s', (name, value, message) => {
    expect(idProblem(name, value)).toBe(message);
  });

  it.each(['{"AppId": "d2k9', '"AppId": "d2k9xq7v1ab3cd",', 'd2k9xq7v1ab3cd"}'])('names JSON pieces: %s', (value) => {
    expect(idProblem('appId', value)).toMatch(/^App ID holds part of the JSON the AWS CLI printed/);
  });

  it('names a web address', () => {
    expect(idProblem('jobId', 'https://example.com/x')).toMatch(/^Job ID is a web address, not an ID/);
  });

  it('accepts IDs, trimmed, and an empty Job ID', () => {
    expect(idProblem('appId', ' d2k9xq7v1ab3cd ')).toBeUndefined();
    expect(idProblem('jobId', '7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37')).toBeUndefined();
    expect(idProblem('jobId', '')).toBeUndefined();
  });
});

describe('checkFields', () => {
  it('names an unknown region and orders problems as the fields are on screen', () => {
    const problems = checkFields(
      { ...EMPTY_FIELDS, region: 'eu-west-9', appId: '', envName: 'prod', jobId: 'a b' },
      isAmplifyBackendRegion,
    );
    expect(Object.keys(problems)).toEqual(['region', 'appId', 'jobId']);
    expect(problems.region).toMatch(/“eu-west-9”/);
    expect(firstProblem(problems)).toBe('region');
    expect(firstProblem({ jobId: 'x', envName: 'y' })).toBe('envName');
    expect(firstProblem({})).toBeUndefined();
  });
});

describe('a hosting build', () => {
  const hosting = { ...EMPTY_FIELDS, kind: 'hosting', region: 'us-east-1', appId: 'dApp', branchName: 'feature/login' } as const;

  it('checks App ID, Branch and Job ID (the environment is not asked for); a branch may hold slashes', () => {
    expect(checkFields({ ...hosting, jobId: '12' }, isAmplifyBackendRegion)).toEqual({});
    expect(checkFields({ ...hosting, jobId: '' }, isAmplifyBackendRegion)).toEqual({});
    expect(checkFields({ ...hosting, branchName: ' ', jobId: '' }, isAmplifyBackendRegion)).toEqual({
      branchName: 'Branch is empty.',
    });
  });

  it('takes only the branch’s job number as a Job ID', () => {
    expect(checkFields({ ...hosting, jobId: '7f3c9e2a-5b1d' }, isAmplifyBackendRegion)).toEqual({
      jobId: 'Job ID of a hosting job is the branch’s job number, digits only (for example 12).',
    });
    // The same ID is fine for a backend job.
    expect(idProblem('jobId', '7f3c9e2a-5b1d')).toBeUndefined();
  });

  it('names an unknown region in words for hosting builds', () => {
    expect(checkFields({ ...hosting, region: 'eu-west-9' }, isAmplifyBackendRegion).region).toMatch(
      /^Region “eu-west-9”, from what was pasted, is not one of the regions this dashboard watches Amplify Hosting builds in/,
    );
  });

  it('a pasted reference picks its kind; a job ID of the other kind is cleared, an app ID alone changes nothing', () => {
    const backend = { ...EMPTY_FIELDS, region: 'us-east-1', appId: 'dOld', envName: 'prod', jobId: '7f3c' };
    expect(withReference(backend, { kind: 'hosting', appId: 'dApp', branchName: 'main' })).toEqual({
      ...backend,
      kind: 'hosting',
      appId: 'dApp',
      branchName: 'main',
      jobId: '',
    });
    expect(withReference({ ...hosting, jobId: '4' }, { appId: 'dNew', envName: 'dev', jobId: 'j-1' })).toEqual({
      ...hosting,
      kind: 'backend',
      appId: 'dNew',
      envName: 'dev',
      jobId: 'j-1',
    });
    expect(withReference({ ...hosting, jobId: '4' }, { appId: 'dNew', region: 'eu-west-1' })).toEqual({
      ...hosting,
      appId: 'dNew',
      region: 'eu-west-1',
      jobId: '4',
    });
  });
});

describe('the form on its history entry', () => {
  afterEach(() => window.history.replaceState(null, ''));

  it('keeps whatever else the entry holds', () => {
    window.history.replaceState({ other: 1 }, '');
    const fields = {
      kind: 'hosting',
      region: 'eu-west-1',
      appId: 'a',
      envName: 'e',
      branchName: 'feature/x',
      jobId: '',
    } as const;
    saveFields(fields);
    expect(window.history.state).toEqual({ other: 1, openJobForm: fields });
    expect(savedFields(window.history.state)).toEqual(fields);
  });

  it('reads an entry saved before the form knew hosting builds as a backend job', () => {
    expect(savedFields({ openJobForm: { region: 'eu-west-1', appId: 'a', envName: 'e', jobId: 'j' } })).toEqual({
      kind: 'backend',
      region: 'eu-west-1',
      appId: 'a',
      envName: 'e',
      branchName: '',
      jobId: 'j',
    });
  });

  it.each([null, 'x', {}, { openJobForm: null }, { openJobForm: { region: 'r', appId: 1, envName: 'e', jobId: '' } }])(
    'reads nothing from %j',
    (state) => {
      expect(savedFields(state)).toBeNull();
    },
  );
});
