import { afterEach, describe, expect, it } from 'vitest';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { checkFields, firstProblem, idProblem, saveFields, savedFields } from './openJobChecks';

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
    const problems = checkFields({ region: 'eu-west-9', appId: '', envName: 'prod', jobId: 'a b' }, isAmplifyBackendRegion);
    expect(Object.keys(problems)).toEqual(['region', 'appId', 'jobId']);
    expect(problems.region).toMatch(/“eu-west-9”/);
    expect(firstProblem(problems)).toBe('region');
    expect(firstProblem({ jobId: 'x', envName: 'y' })).toBe('envName');
    expect(firstProblem({})).toBeUndefined();
  });
});

describe('the form on its history entry', () => {
  afterEach(() => window.history.replaceState(null, ''));

  it('keeps whatever else the entry holds', () => {
    window.history.replaceState({ other: 1 }, '');
    saveFields({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: '' });
    expect(window.history.state).toEqual({ other: 1, openJobForm: { region: 'eu-west-1', appId: 'a', envName: 'e', jobId: '' } });
    expect(savedFields(window.history.state)).toEqual({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: '' });
  });

  it.each([null, 'x', {}, { openJobForm: null }, { openJobForm: { region: 'r', appId: 1, envName: 'e', jobId: '' } }])(
    'reads nothing from %j',
    (state) => {
      expect(savedFields(state)).toBeNull();
    },
  );
});
