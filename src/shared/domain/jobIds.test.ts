import { describe, expect, it } from 'vitest';
import { hostingLinkProblems, MAX_ID_LENGTH, validateId, type IdField } from './jobIds';

const FIELDS: IdField[] = ['App ID', 'Environment', 'Job ID'];

describe('validateId: refused values', () => {
  it.each([
    ['empty', '', 'is empty'],
    ['spaces only', '   ', 'is empty'],
    ['a tab only', '\t', 'is empty'],
    ['a dot', '.', 'cannot be “.”'],
    ['two dots', '..', 'cannot be “..”'],
    ['a NUL', 'ab\u0000c', 'control characters'],
    ['a newline inside', 'ab\ncd', 'control characters'],
    ['a tab inside', 'ab\tcd', 'control characters'],
    ['DEL', 'ab\u007f', 'control characters'],
    ['a C1 control', 'ab\u0085cd', 'control characters'],
    ['a leading space', ' abc', 'spaces at its start or end'],
    ['a trailing space', 'abc ', 'spaces at its start or end'],
    ['a trailing no-break space', 'abc\u00a0', 'spaces at its start or end'],
  ])('refuses %s', (_label, value, words) => {
    const message = validateId('Job ID', value);
    expect(message).toContain(words);
    expect(message?.startsWith('Job ID ')).toBe(true);
  });

  it.each(FIELDS)('names the %s field in its message', (field) => {
    expect(validateId(field, '')).toBe(`${field} is empty.`);
    expect(validateId(field, '..')).toMatch(new RegExp(`^${field} `));
  });

  it('refuses more than 256 characters and says how long the value is', () => {
    expect(MAX_ID_LENGTH).toBe(256);
    expect(validateId('App ID', 'a'.repeat(257))).toBe('App ID is 257 characters long; at most 256 are accepted.');
  });

  it('accepts exactly 256 characters', () => {
    expect(validateId('App ID', 'a'.repeat(256))).toBeNull();
  });
});

describe('validateId: accepted values', () => {
  it.each([
    ['an Amplify app ID', 'd2k9xq7v1ab3cd'],
    ['an environment name', 'staging'],
    ['a UUID job ID', '7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37'],
    ['a slash', 'a/b'],
    ['a percent sign', '100%'],
    ['a plus', 'a+b'],
    ['inner spaces', 'my env'],
    ['unicode', 'Überprüfung-日本'],
    ['three dots', '...'],
    ['a dot inside', 'v1.2'],
    ['a single character', 'x'],
  ])('accepts %s', (_label, value) => {
    expect(validateId('Environment', value)).toBeNull();
  });
});

describe('hostingLinkProblems', () => {
  const known = (region: string) => region === 'us-east-1';

  it('accepts a branch with slashes and a job number', () => {
    expect(hostingLinkProblems({ appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login', jobId: '12' }, known)).toEqual([]);
    expect(hostingLinkProblems({ appId: 'd2k9xq7v1ab3cd', branchName: 'main' }, known)).toEqual([]);
  });

  it.each(['12abc', '-1', '1.5', ' 12', '７'])('refuses job ID %j: not the branch’s job number', (jobId) => {
    expect(hostingLinkProblems({ appId: 'a', branchName: 'main', jobId }, known)).toEqual([
      expect.stringMatching(/digits only|spaces/),
    ]);
  });

  it('names every problem: an empty branch, a control character, an unknown region', () => {
    expect(hostingLinkProblems({ appId: 'a\u0001', branchName: '', jobId: '1', region: 'xx-nowhere-1' }, known)).toEqual([
      'App ID contains control characters.',
      'Branch is empty.',
      expect.stringContaining('Region “xx-nowhere-1”'),
    ]);
  });
});
