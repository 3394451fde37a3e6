import { describe, expect, it } from 'vitest';
import {
  branchJobsPath,
  hostingJobPagePath,
  jobPagePath,
  jobRefPagePath,
  matchHostingPath,
  matchJobPagePath,
  type JobPageParams,
} from './jobRoutes';

/** Reads a path the way the app does: through the browser's URL parser, then pathname + search. */
function matchHref(href: string) {
  const url = new URL(href, 'https://dash.example.com');
  return matchJobPagePath(url.pathname, url.search);
}

describe('jobPagePath', () => {
  it('builds the job page path', () => {
    expect(jobPagePath({ appId: 'app1', envName: 'staging', jobId: 'job1' })).toBe('/apps/app1/environments/staging/jobs/job1');
  });

  it('adds the region as a query', () => {
    expect(jobPagePath({ appId: 'a', envName: 'e', jobId: 'j', region: 'eu-west-1' })).toBe(
      '/apps/a/environments/e/jobs/j?region=eu-west-1',
    );
  });

  it('leaves out an empty region', () => {
    expect(jobPagePath({ appId: 'a', envName: 'e', jobId: 'j', region: '' })).toBe('/apps/a/environments/e/jobs/j');
  });
});

describe('jobPagePath and matchJobPagePath round trip', () => {
  it.each([
    ['plain IDs', 'app1', 'staging', '7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37'],
    ['slashes', 'a/b', 'env/x', '/leading'],
    ['percent signs', '100%', '%2F', '%'],
    ['plus signs (not spaces in a path)', 'a+b', '+', 'c+d'],
    ['spaces', 'my app', 'my env', 'job 1'],
    ['unicode', 'Überprüfung', '日本', 'job-🚀'],
    ['query and fragment characters', 'a?b', 'c#d', 'e&f=g'],
    ['dots', '...', 'v1.2', 'x.'],
  ])('keeps %s intact', (_label, appId, envName, jobId) => {
    const params: JobPageParams = { appId, envName, jobId };
    expect(matchHref(jobPagePath(params))).toEqual({ ok: true, params });
  });

  it('keeps the region', () => {
    const params: JobPageParams = { appId: 'a/b', envName: 'e', jobId: 'j', region: 'ap-southeast-2' };
    expect(matchHref(jobPagePath(params))).toEqual({ ok: true, params });
  });
});

describe('matchJobPagePath', () => {
  it('leaves region out when the link has none, so the config region applies', () => {
    const match = matchJobPagePath('/apps/a/environments/e/jobs/j', '');
    expect(match).toEqual({ ok: true, params: { appId: 'a', envName: 'e', jobId: 'j' } });
    expect(match?.ok && 'region' in match.params).toBe(false);
  });

  it('reads the region among other query parameters', () => {
    const match = matchJobPagePath('/apps/a/environments/e/jobs/j', '?utm=x&region=eu-west-2');
    expect(match?.ok && match.params.region).toBe('eu-west-2');
  });

  it('accepts a trailing slash', () => {
    expect(matchJobPagePath('/apps/a/environments/e/jobs/j/', '')).toEqual({
      ok: true,
      params: { appId: 'a', envName: 'e', jobId: 'j' },
    });
  });

  it('decodes each segment on its own, so an encoded slash stays inside its ID', () => {
    expect(matchJobPagePath('/apps/a%2Fb/environments/e/jobs/j', '')).toEqual({
      ok: true,
      params: { appId: 'a/b', envName: 'e', jobId: 'j' },
    });
  });

  it.each([
    ['a lone percent', '/apps/100%/environments/e/jobs/j'],
    ['a percent followed by non-hex', '/apps/a/environments/%zz/jobs/j'],
    ['a truncated UTF-8 sequence', '/apps/a/environments/e/jobs/%E6%97'],
  ])('reports %s as a broken link rather than crashing', (_label, pathname) => {
    const match = matchJobPagePath(pathname, '');
    expect(match?.ok).toBe(false);
    expect(match && !match.ok && match.message).toContain('percent-encoding');
  });

  it.each([
    ['the home page', '/'],
    ['an app page', '/apps/a'],
    ['a job list', '/apps/a/environments/e/jobs'],
    ['an extra segment', '/apps/a/environments/e/jobs/j/logs'],
    ['a slash in an ID', '/apps/a/b/environments/e/jobs/j'],
    ['another prefix', '/x/apps/a/environments/e/jobs/j'],
    ['different spelling', '/Apps/a/environments/e/jobs/j'],
  ])('gives undefined for %s', (_label, pathname) => {
    expect(matchJobPagePath(pathname, '')).toBeUndefined();
  });
});

describe('hosting job and branch pages', () => {
  const match = (href: string) => {
    const url = new URL(href, 'https://dash.example.com');
    return matchHostingPath(url.pathname, url.search);
  };

  it('builds and reads a hosting job link, a branch with a slash as one segment', () => {
    const path = hostingJobPagePath({ appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login', jobId: '12', region: 'eu-west-1' });
    expect(path).toBe('/apps/d2k9xq7v1ab3cd/branches/feature%2Flogin/jobs/12?region=eu-west-1');
    expect(match(path)).toEqual({
      ok: true,
      params: { appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login', jobId: '12', region: 'eu-west-1' },
    });
  });

  it('builds and reads a branch’s job list link', () => {
    const path = branchJobsPath({ appId: 'a', branchName: 'main' });
    expect(path).toBe('/apps/a/branches/main/jobs');
    expect(match(path)).toEqual({ ok: true, params: { appId: 'a', branchName: 'main' } });
    expect(match(`${path}/`)).toEqual({ ok: true, params: { appId: 'a', branchName: 'main' } });
  });

  it('is not a backend job link, and a backend job link is not one', () => {
    expect(match('/apps/a/environments/e/jobs/j')).toBeUndefined();
    expect(matchJobPagePath('/apps/a/branches/main/jobs/1', '')).toBeUndefined();
  });

  it('says so when the percent-encoding is broken', () => {
    const result = match('/apps/a/branches/%E0%A4%A/jobs/1');
    expect(result?.ok).toBe(false);
    expect(result && !result.ok ? result.message : '').toContain('percent-encoding');
  });

  it('links a job of either kind, leaving out the default region', () => {
    expect(jobRefPagePath({ kind: 'hosting', region: 'us-east-1', appId: 'a', branchName: 'f/x', jobId: '3' }, 'us-east-1')).toBe(
      '/apps/a/branches/f%2Fx/jobs/3',
    );
    expect(jobRefPagePath({ region: 'eu-west-1', appId: 'a', envName: 'e', jobId: 'j' }, 'us-east-1')).toBe(
      '/apps/a/environments/e/jobs/j?region=eu-west-1',
    );
  });
});
