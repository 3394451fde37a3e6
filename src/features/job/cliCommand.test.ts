import { describe, expect, it } from 'vitest';
import type { BackendJobRef, HostingJobRef } from '../../shared/domain/jobRef';
import { getJobCommand, isPlainCliValue } from './cliCommand';

/** Characters no shell (POSIX, fish, PowerShell, cmd.exe) gives a meaning inside a word, minus the space. */
const INERT = /^[A-Za-z0-9._:=/-]$/;

/**
 * Splits a command line at spaces, the way every shell does for words made of inert characters only.
 * Anything else in the command would be read differently by one shell or another, so it throws.
 */
function shellWords(command: string): string[] {
  for (const ch of command) {
    if (ch !== ' ' && !INERT.test(ch)) throw new Error(`${JSON.stringify(ch)} means something to some shell`);
  }
  return command.split(' ');
}

/** The command for a backend job, with `base` left out for the comparisons below. */
function getBackendCommand(key: BackendJobRef) {
  const { base, ...rest } = getJobCommand(key);
  expect(base).toBe('aws amplifybackend get-backend-job');
  return rest;
}

const PLAIN = {
  region: 'eu-west-1',
  appId: 'd2k9xq7v1ab3cd',
  envName: 'staging',
  jobId: '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60',
};

/** The job link of the review, decoded: `%5C'%3Btouch%20%2Ftmp%2Fpwned%3B%23`. */
const FISH_BREAKOUT = decodeURIComponent("%5C'%3Btouch%20%2Ftmp%2Fpwned%3B%23");

describe('the test’s own word splitter', () => {
  it('refuses what some shell would interpret, so the checks below can fail', () => {
    expect(() => shellWords("--job-id='x'")).toThrow();
    expect(() => shellWords('--job-id=\\x')).toThrow();
    expect(() => shellWords('--job-id=a;b')).toThrow();
    expect(() => shellWords('--job-id=a\u2019b')).toThrow();
    expect(shellWords('aws --job-id=a-b')).toEqual(['aws', '--job-id=a-b']);
  });
});

describe('isPlainCliValue', () => {
  it.each([
    'd2k9xq7v1ab3cd',
    'staging',
    '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60',
    'us-east-1',
    'ap-southeast-2',
    'dev_env.2',
    'a:b',
    'feature/login',
  ])('takes the real-world ID %s as plain', (id) => {
    expect(isPlainCliValue(id)).toBe(true);
  });
});

describe('getJobCommand for a backend job', () => {
  it('gives the exact AWS CLI command for plain IDs, each value joined to its option', () => {
    expect(getBackendCommand(PLAIN)).toEqual({
      kind: 'command',
      command:
        'aws amplifybackend get-backend-job --app-id=d2k9xq7v1ab3cd --backend-environment-name=staging --job-id=7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60 --region=eu-west-1',
    });
  });

  it('keeps a value with a leading dash as the value of its option, never an option of its own', () => {
    const result = getBackendCommand({ ...PLAIN, jobId: '--debug', envName: '-e' });
    expect(result.kind).toBe('command');
    const words = shellWords(result.kind === 'command' ? result.command : '');
    expect(words).toContain('--job-id=--debug');
    expect(words).toContain('--backend-environment-name=-e');
    expect(words).not.toContain('--debug');
    expect(words).toHaveLength(7);
  });

  it.each([
    ['the fish break-out of the review', FISH_BREAKOUT],
    ['a POSIX single quote', "it's"],
    ['a double quote', 'say "hi"'],
    ['a right single quotation mark (a quote to PowerShell)', 'a\u2019;calc;\u2019'],
    ['a left single quotation mark', 'a\u2018b'],
    ['a low-9 quotation mark', 'a\u201ab'],
    ['a left double quotation mark', 'a\u201cb'],
    ['a right double quotation mark', 'a\u201db'],
    ['a backtick', '`id`'],
    ['a backslash', 'a\\b'],
    ['a newline', 'line1\nline2'],
    ['a carriage return', 'a\rb'],
    ['a line separator', 'a\u2028b'],
    ['a tab', 'a\tb'],
    ['a space', 'my env'],
    ['a no-break space', 'a\u00a0b'],
    ['a dollar sign', '$HOME'],
    ['a command substitution', '$(touch /tmp/pwned)'],
    ['a semicolon', 'x;touch /tmp/pwned'],
    ['an ampersand', 'a&&b'],
    ['a pipe', 'a|b'],
    ['redirections', '<in >out'],
    ['a hash', 'a#b'],
    ['globs', '*?[a-z]'],
    ['braces', '{a,b}'],
    ['parentheses', '(sub)'],
    ['a percent sign (cmd.exe)', '%PATH%'],
    ['a caret (cmd.exe)', 'a^b'],
    ['an at sign (PowerShell splatting)', '@args'],
    ['a slash and a percent sign', 'app/with%slash'],
    ['an equals sign', 'a=b'],
    ['non-ASCII letters', 'Überprüfung'],
    ['the empty string', ''],
  ])('offers no command for an ID with %s, and names that ID', (_label, value) => {
    for (const field of ['appId', 'envName', 'jobId', 'region'] as const) {
      const result = getBackendCommand({ ...PLAIN, [field]: value });
      expect(result.kind, field).toBe('unusual');
      if (result.kind !== 'unusual') continue;
      expect(result.unusual.map((item) => item.value)).toEqual([value]);
      expect(result.values.map((item) => item.value)).toEqual([
        field === 'appId' ? value : PLAIN.appId,
        field === 'envName' ? value : PLAIN.envName,
        field === 'jobId' ? value : PLAIN.jobId,
        field === 'region' ? value : PLAIN.region,
      ]);
    }
  });

  it('never produces a command with anything but inert characters, for many generated values', () => {
    const alphabet = ['a', 'Z', '0', '-', '.', '_', ':', ' ', "'", '"', '\u2019', '$', '`', ';', '\n', '\\', '|', '&', '#', 'é'];
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    let commands = 0;
    for (let n = 0; n < 500; n++) {
      const length = 1 + (next() % 6);
      const jobId = Array.from({ length }, () => alphabet[next() % 8]).join('');
      const envName = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const result = getBackendCommand({ ...PLAIN, jobId, envName });
      if (result.kind === 'unusual') continue;
      commands += 1;
      expect(shellWords(result.command)).toEqual([
        'aws',
        'amplifybackend',
        'get-backend-job',
        `--app-id=${PLAIN.appId}`,
        `--backend-environment-name=${envName}`,
        `--job-id=${jobId}`,
        `--region=${PLAIN.region}`,
      ]);
    }
    expect(commands).toBeGreaterThan(0);
  });
});

describe('getJobCommand for a hosting job', () => {
  const HOSTING: HostingJobRef = {
    kind: 'hosting',
    region: 'eu-west-1',
    appId: 'd2k9xq7v1ab3cd',
    branchName: 'feature/login',
    jobId: '12',
  };

  it('is `aws amplify get-job` with app, branch, job and region; a branch with a slash is plain', () => {
    const result = getJobCommand(HOSTING);
    expect(result).toEqual({
      kind: 'command',
      base: 'aws amplify get-job',
      command: 'aws amplify get-job --app-id=d2k9xq7v1ab3cd --branch-name=feature/login --job-id=12 --region=eu-west-1',
    });
    expect(shellWords(result.kind === 'command' ? result.command : '')).toHaveLength(7);
  });

  it.each([
    ['a hash', 'fix#12'],
    ['a plus', 'deps+lock'],
    ['an at sign', 'user@topic'],
    ['a comma (an array to PowerShell)', 'a,b'],
    ['a tilde', '~wip'],
    ['an exclamation mark', 'wow!'],
  ])('offers no command for a branch with %s, and names the branch', (_label, branchName) => {
    const result = getJobCommand({ ...HOSTING, branchName });
    expect(result.kind).toBe('unusual');
    if (result.kind !== 'unusual') return;
    expect(result.base).toBe('aws amplify get-job');
    expect(result.unusual).toEqual([{ option: '--branch-name', label: 'Branch', value: branchName }]);
    expect(result.values.map((item) => item.option)).toEqual(['--app-id', '--branch-name', '--job-id', '--region']);
  });
});
