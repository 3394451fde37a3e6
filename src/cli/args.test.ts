import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_INTERVAL_SECONDS } from '../shared/config/appConfig';
import { parseCliArgs, parseDuration, type CliOptions } from './args';

function watch(argv: string[]): CliOptions {
  const parsed = parseCliArgs(argv);
  if (parsed.kind !== 'watch') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function usageError(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.kind !== 'usage-error') throw new Error(`expected a usage error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseCliArgs: links', () => {
  it('reads a job page URL with its region, and a path without one', () => {
    expect(
      watch([
        'https://jobs.example.com/apps/d2k9/environments/staging/jobs/7f3c?region=eu-west-1',
        '/apps/d2k9/environments/prod/jobs/8a1b',
      ]).targets,
    ).toEqual([
      { appId: 'd2k9', envName: 'staging', jobId: '7f3c', region: 'eu-west-1' },
      { appId: 'd2k9', envName: 'prod', jobId: '8a1b' },
    ]);
  });

  it('reads a hosting job link, its branch one encoded segment', () => {
    expect(watch(['/apps/d2k9/branches/feature%2Flogin/jobs/12?region=us-west-2']).targets).toEqual([
      { kind: 'hosting', appId: 'd2k9', branchName: 'feature/login', jobId: '12', region: 'us-west-2' },
    ]);
  });

  it('reads every job of a board link, job= and build= entries alike', () => {
    expect(watch(['https://jobs.example.com/watch?job=eu-west-1/d2k9/staging/7f3c&build=eu-west-1/d2k9/main/4']).targets).toEqual(
      [
        { region: 'eu-west-1', appId: 'd2k9', envName: 'staging', jobId: '7f3c' },
        { kind: 'hosting', region: 'eu-west-1', appId: 'd2k9', branchName: 'main', jobId: '4' },
      ],
    );
  });

  it('reads the JSON the AWS CLI printed after create-backend-…', () => {
    expect(
      watch(['{"AppId":"d2k9","BackendEnvironmentName":"staging","JobId":"7f3c","Operation":"CreateBackendAuth"}']).targets,
    ).toEqual([{ appId: 'd2k9', envName: 'staging', jobId: '7f3c' }]);
  });

  it('refuses what is not a job link, naming it', () => {
    expect(usageError(['https://example.com/somewhere'])).toMatch(/^“https:\/\/example\.com\/somewhere” is not a job link/);
    expect(usageError(['/apps/d2k9/environments/staging/jobs'])).toMatch(/does not name a job/);
    expect(usageError(['/apps/d2k9/branches/main/jobs'])).toMatch(/names a branch, not a job/);
  });

  it('refuses a board entry that cannot be read, with the board’s own reason', () => {
    expect(usageError(['/watch?job=eu-west-1/d2k9/staging'])).toMatch(
      /board entry “eu-west-1\/d2k9\/staging”: Expected region\/app\/environment\/job/,
    );
    expect(usageError(['/watch'])).toMatch(/a board with no jobs/);
  });

  it('refuses a link whose IDs the page would refuse (an unknown region, a hosting job ID that is not a number)', () => {
    expect(usageError(['/apps/d2k9/environments/staging/jobs/7f3c?region=mars-1'])).toMatch(/Region “mars-1” is not one where/);
    expect(usageError(['/apps/d2k9/branches/main/jobs/abc'])).toMatch(/digits only/);
  });
});

describe('parseCliArgs: --app/--env/--branch/--job', () => {
  it('names a backend job with --env and a hosting job with --branch', () => {
    expect(watch(['--app', 'd2k9', '--env', 'staging', '--job', '7f3c', '--region', 'eu-west-1'])).toMatchObject({
      targets: [{ appId: 'd2k9', envName: 'staging', jobId: '7f3c' }],
      region: 'eu-west-1',
    });
    expect(watch(['--app', 'd2k9', '--branch', 'feature/login', '--job', '12']).targets).toEqual([
      { kind: 'hosting', appId: 'd2k9', branchName: 'feature/login', jobId: '12' },
    ]);
  });

  it('asks for all three, and for --env or --branch, not both', () => {
    expect(usageError(['--app', 'd2k9', '--job', '7f3c'])).toMatch(/go together/);
    expect(usageError(['--app', 'd2k9', '--env', 'staging', '--branch', 'main', '--job', '1'])).toMatch(/give one of them/);
  });

  it('needs something to watch', () => {
    expect(usageError([])).toMatch(/^Give a job link/);
  });
});

describe('parseCliArgs: options', () => {
  const job = '/apps/d2k9/environments/staging/jobs/7f3c';

  it('defaults to the page’s interval, no timeout, plain output', () => {
    expect(watch([job])).toEqual({
      targets: [{ appId: 'd2k9', envName: 'staging', jobId: '7f3c' }],
      intervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
      json: false,
      quiet: false,
    });
  });

  it('reads --interval in seconds, at least 1', () => {
    expect(watch(['--interval', '1', job]).intervalSeconds).toBe(1);
    expect(watch(['--interval=30', job]).intervalSeconds).toBe(30);
    expect(usageError(['--interval', '0.5', job])).toMatch(/--interval must be from 1 to 300 seconds/);
    expect(usageError(['--interval', 'often', job])).toMatch(/not a number of seconds/);
  });

  it('reads --timeout as a duration', () => {
    expect(watch(['--timeout', '30m', job]).timeoutMs).toBe(30 * 60_000);
    expect(usageError(['--timeout', 'soon', job])).toMatch(/--timeout “soon” is not a duration/);
  });

  it('reads --json, --quiet and --region', () => {
    expect(watch(['--json', '--quiet', '--region', 'ap-south-1', job])).toMatchObject({
      json: true,
      quiet: true,
      region: 'ap-south-1',
    });
    expect(usageError(['--region', 'moon-1', job])).toMatch(/--region “moon-1” is not a region/);
  });

  it('answers --help and --version before anything else', () => {
    expect(parseCliArgs(['--help', 'not a link'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses an unknown option', () => {
    expect(usageError(['--colour', job])).toMatch(/--colour/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['45', 45_000],
    ['1.5m', 90_000],
  ])('%s → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0', '0s', 'm', '10 minutes', '1x', '-5s'])('refuses “%s”', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
