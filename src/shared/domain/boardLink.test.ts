import { describe, expect, it } from 'vitest';
import { isAmplifyBackendRegion } from '../config/regions';
import {
  addBoardJobs,
  boardPath,
  formatBoardEntry,
  MAX_BOARD_JOBS,
  parseBoardSearch,
  removeBoardJob,
  type BoardJob,
} from './boardLink';

const job = (jobId: string, overrides: Partial<BoardJob> = {}): BoardJob => ({
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
