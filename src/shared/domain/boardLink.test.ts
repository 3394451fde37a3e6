import { describe, expect, it } from 'vitest';
import { isAmplifyBackendRegion } from '../config/regions';
import { addBoardJobs, boardPath, formatBoardEntry, MAX_BOARD_JOBS, parseBoardSearch, removeBoardJob } from './boardLink';
import type { BackendJobRef, HostingJobRef } from './jobRef';

const job = (jobId: string, overrides: Partial<BackendJobRef> = {}): BackendJobRef => ({
  region: 'us-east-1',
  appId: 'd2k9xq7v1ab3cd',
  envName: 'staging',
  jobId,
  ...overrides,
});

function searchOf(path: string): string {
  return new URL(path, 'https://example.test').search;
}

const parse = (search: string) => parseBoardSearch(search, isAmplifyBackendRegion);

describe('board links', () => {
  it('writes one job parameter per job with the four segments', () => {
    expect(boardPath([job('j1'), job('j2', { region: 'eu-west-1', envName: 'prod' })])).toBe(
      '/watch?job=us-east-1/d2k9xq7v1ab3cd/staging/j1&job=eu-west-1/d2k9xq7v1ab3cd/prod/j2',
    );
    expect(boardPath([])).toBe('/watch');
  });

  it.each([
    ['a slash', 'a/b'],
    ['a percent sign', '100%'],
    ['a percent escape that must stay literal', '%2F%41'],
    ['query punctuation', 'x&job=y#z?w=1'],
    ['plus and spaces', 'a+b c'],
    ['unicode', 'ジョブ-✓'],
    ['dots inside', 'a..b'],
  ])('round-trips an ID with %s through a real URL', (_name, hostile) => {
    const jobs = [job(hostile, { appId: hostile, envName: hostile }), job('plain')];
    const url = new URL(boardPath(jobs), 'https://example.test');
    expect(url.pathname).toBe('/watch');
    expect(parse(url.search)).toEqual({ jobs, invalid: [], refused: 0, refusedJobs: [] });
  });

  it('lists invalid entries with their reason and keeps the valid ones', () => {
    const result = parse(
      `?job=${formatBoardEntry(job('good'))}&job=us-east-1/app/env&job=mars-1/app/env/j&job=us-east-1/app/%ZZ/j&job=us-east-1/app/env/..&job=${formatBoardEntry(job('also-good'))}`,
    );
    expect(result.jobs.map((entry) => entry.jobId)).toEqual(['good', 'also-good']);
    expect(result.invalid).toEqual([
      { text: 'us-east-1/app/env', reason: expect.stringContaining('found 3 parts') as string },
      { text: 'mars-1/app/env/j', reason: expect.stringContaining('Region “mars-1”') as string },
      { text: 'us-east-1/app/%ZZ/j', reason: expect.stringContaining('percent-encoding') as string },
      { text: 'us-east-1/app/env/..', reason: 'Job ID cannot be “..”.' },
    ]);
  });

  it('requires the region', () => {
    expect(parse('?job=/app/env/job').invalid[0]?.reason).toBe('The region is missing.');
    expect(parse('?job=app/env/job').invalid[0]?.reason).toContain('found 3 parts');
  });

  it('ignores other parameters and watches a job listed twice once', () => {
    const entry = formatBoardEntry(job('j1'));
    expect(parse(`?utm=x&job=${entry}&job=${entry}`).jobs).toEqual([job('j1')]);
  });

  it(`watches at most ${MAX_BOARD_JOBS} jobs and counts the rest as refused`, () => {
    const many = Array.from({ length: MAX_BOARD_JOBS + 3 }, (_, index) => job(`j${index}`));
    const result = parse(searchOf(boardPath(many)));
    expect(result.jobs).toHaveLength(MAX_BOARD_JOBS);
    expect(result.refused).toBe(3);
    expect(result.refusedJobs).toEqual(many.slice(MAX_BOARD_JOBS));
  });

  it('names each job past the maximum once, even when the link lists it twice', () => {
    const many = Array.from({ length: MAX_BOARD_JOBS + 2 }, (_, index) => job(`j${index}`));
    const extra = formatBoardEntry(job(`j${MAX_BOARD_JOBS}`));
    const result = parse(`${searchOf(boardPath(many))}&job=${extra}`);
    expect(result.refusedJobs.map((entry) => entry.jobId)).toEqual([`j${MAX_BOARD_JOBS}`, `j${MAX_BOARD_JOBS + 1}`]);
    expect(result.refused).toBe(2);
  });

  it('adds at the end without duplicates and refuses more than the maximum', () => {
    const added = addBoardJobs([job('a')], [job('a'), job('b')]);
    expect(added).toEqual({ ok: true, jobs: [job('a'), job('b')] });
    const full = Array.from({ length: MAX_BOARD_JOBS }, (_, index) => job(`j${index}`));
    const refused = addBoardJobs(full, [job('one-more')]);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toContain(`at most ${MAX_BOARD_JOBS} jobs`);
  });

  it('removes exactly the job named', () => {
    expect(removeBoardJob([job('a'), job('a', { region: 'eu-west-1' }), job('b')], job('a'))).toEqual([
      job('a', { region: 'eu-west-1' }),
      job('b'),
    ]);
  });
});

const build = (jobId: string, overrides: Partial<HostingJobRef> = {}): HostingJobRef => ({
  kind: 'hosting',
  region: 'us-east-1',
  appId: 'd2k9xq7v1ab3cd',
  branchName: 'main',
  jobId,
  ...overrides,
});

describe('board links with hosting builds', () => {
  it('writes a build parameter for a hosting job, its branch one encoded segment, in the board’s order', () => {
    const jobs = [job('j1'), build('12', { branchName: 'feature/login' }), build('3', { region: 'eu-west-1' })];
    expect(boardPath(jobs)).toBe(
      '/watch?job=us-east-1/d2k9xq7v1ab3cd/staging/j1&build=us-east-1/d2k9xq7v1ab3cd/feature%2Flogin/12&build=eu-west-1/d2k9xq7v1ab3cd/main/3',
    );
  });

  it.each([
    ['a slash', 'feature/login'],
    ['two slashes and a percent sign', 'release/2026/100%'],
    ['query punctuation', 'fix&build=x#y?z=1'],
    ['plus and spaces', 'a+b c'],
    ['unicode', 'ブランチ/✓'],
  ])('round-trips a branch with %s through a real URL, beside a backend job', (_name, branchName) => {
    const jobs = [job('j1'), build('7', { branchName }), build('8', { appId: 'app/with%slash', branchName })];
    const url = new URL(boardPath(jobs), 'https://example.test');
    expect(url.pathname).toBe('/watch');
    expect(parse(url.search)).toEqual({ jobs, invalid: [], refused: 0, refusedJobs: [] });
  });

  it('tells a build from a backend job with the same names: both stay on the board', () => {
    const backend = job('12', { envName: 'main' });
    const hosting = build('12');
    expect(parse(searchOf(boardPath([backend, hosting, backend]))).jobs).toEqual([backend, hosting]);
    expect(addBoardJobs([backend], [hosting])).toEqual({ ok: true, jobs: [backend, hosting] });
    expect(removeBoardJob([backend, hosting], hosting)).toEqual([backend]);
  });

  it('lists a build with a job ID that is not a number, or with three parts, as invalid with its reason', () => {
    const result = parse(
      `?build=us-east-1/app/main/abc&build=us-east-1/app/main&build=us-east-1/app/feature%2Flogin/12&build=us-east-1/app/main/1.5`,
    );
    expect(result.jobs).toEqual([build('12', { appId: 'app', branchName: 'feature/login' })]);
    expect(result.invalid).toEqual([
      { text: 'us-east-1/app/main/abc', reason: expect.stringContaining('digits only') as string },
      {
        text: 'us-east-1/app/main',
        reason: 'Expected region/app/branch/job (four parts separated by “/”), found 3 parts.',
      },
      { text: 'us-east-1/app/main/1.5', reason: expect.stringContaining('digits only') as string },
    ]);
  });

  it('says of a build in a region the dashboard does not offer that it is about Amplify Hosting', () => {
    expect(parse('?build=ap-east-1/app/main/3').invalid).toEqual([
      {
        text: 'ap-east-1/app/main/3',
        reason:
          'Region “ap-east-1” is not one where this dashboard watches Amplify Hosting jobs (for example us-east-1 or eu-west-1).',
      },
    ]);
  });
});
