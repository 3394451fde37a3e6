import { describe, expect, it } from 'vitest';
import { environmentJobsPath, matchEnvironmentJobsPath, type EnvironmentPageParams } from './environmentRoutes';

/** Reads a built path back the way the app does: through the browser's URL parser. */
function matchHref(path: string) {
  const url = new URL(path, 'https://jobs.example.com');
  return matchEnvironmentJobsPath(url.pathname, url.search);
}

describe('environmentJobsPath', () => {
  it('builds the plain path', () => {
    expect(environmentJobsPath({ appId: 'd2k9xq7v1ab3cd', envName: 'staging' })).toBe(
      '/apps/d2k9xq7v1ab3cd/environments/staging/jobs',
    );
  });

  it('adds region, status and operation as query parameters, in that order', () => {
    expect(
      environmentJobsPath({ appId: 'a', envName: 'e', operation: 'CreateBackendAuth', status: 'FAILED', region: 'eu-west-1' }),
    ).toBe('/apps/a/environments/e/jobs?region=eu-west-1&status=FAILED&operation=CreateBackendAuth');
  });

  it('leaves out empty filters', () => {
    expect(environmentJobsPath({ appId: 'a', envName: 'e', region: '', status: '', operation: '' })).toBe(
      '/apps/a/environments/e/jobs',
    );
    expect(environmentJobsPath({ appId: 'a', envName: 'e', status: 'RUNNING' })).toBe(
      '/apps/a/environments/e/jobs?status=RUNNING',
    );
  });

  it('keeps each ID in one path segment, whatever it contains', () => {
    const path = environmentJobsPath({ appId: 'a/b?c#d', envName: '../x' });
    const url = new URL(path, 'https://jobs.example.com');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(url.pathname.split('/')).toHaveLength(6);
  });
});

describe('environmentJobsPath ↔ matchEnvironmentJobsPath', () => {
  it.each<[string, EnvironmentPageParams]>([
    ['plain IDs', { appId: 'd2k9xq7v1ab3cd', envName: 'staging' }],
    ['a region', { appId: 'a', envName: 'e', region: 'ap-northeast-1' }],
    ['every filter', { appId: 'a', envName: 'e', region: 'us-east-1', status: 'IN_PROGRESS', operation: 'UpdateBackendAPI' }],
    ['only an operation', { appId: 'a', envName: 'e', operation: 'RemoveAllBackends' }],
    ['a slash in an ID', { appId: 'a/b', envName: 'c/d' }],
    ['a percent sign', { appId: '100%', envName: '%41' }],
    ['a question mark and hash', { appId: 'what?', envName: '#1' }],
    ['spaces and plus signs', { appId: 'a b+c', envName: ' lead' }],
    ['unicode and emoji', { appId: 'Überprüfung', envName: '日本-🚀' }],
    // "." and ".." themselves are refused by validateId: URL parsing resolves them away.
    ['dots', { appId: '...', envName: 'v1.2.' }],
    ['query-like IDs', { appId: 'a&region=x', envName: 'e=1' }],
    [
      'filters with reserved characters',
      { appId: 'a', envName: 'e', region: 'x&y', status: 'A=B#C', operation: 'op with spaces+plus' },
    ],
  ])('round-trips %s', (_label, params) => {
    expect(matchHref(environmentJobsPath(params))).toEqual({ ok: true, params });
  });

  it('round-trips without the URL parser too (pathname and search split at the first ?)', () => {
    const params: EnvironmentPageParams = { appId: 'a b', envName: 'c/d', region: 'eu-west-3', status: 'FAILED' };
    const path = environmentJobsPath(params);
    const at = path.indexOf('?');
    expect(matchEnvironmentJobsPath(path.slice(0, at), path.slice(at))).toEqual({ ok: true, params });
  });
});

describe('matchEnvironmentJobsPath', () => {
  it('leaves out filters the link does not carry', () => {
    const match = matchEnvironmentJobsPath('/apps/a/environments/e/jobs', '');
    expect(match).toEqual({ ok: true, params: { appId: 'a', envName: 'e' } });
    expect(match?.ok && Object.keys(match.params)).toEqual(['appId', 'envName']);
  });

  it('leaves out filters that are present but empty', () => {
    expect(matchEnvironmentJobsPath('/apps/a/environments/e/jobs', '?region=&status=&operation=')).toEqual({
      ok: true,
      params: { appId: 'a', envName: 'e' },
    });
  });

  it('ignores unknown query parameters and reads the known ones among them', () => {
    expect(matchEnvironmentJobsPath('/apps/a/environments/e/jobs', '?utm=1&status=COMPLETED&page=2')).toEqual({
      ok: true,
      params: { appId: 'a', envName: 'e', status: 'COMPLETED' },
    });
  });

  it('takes the first value of a repeated parameter', () => {
    expect(matchEnvironmentJobsPath('/apps/a/environments/e/jobs', '?status=FAILED&status=RUNNING')).toMatchObject({
      ok: true,
      params: { status: 'FAILED' },
    });
  });

  it('accepts a search string without the leading ?', () => {
    expect(matchEnvironmentJobsPath('/apps/a/environments/e/jobs', 'region=us-east-1')).toMatchObject({
      ok: true,
      params: { region: 'us-east-1' },
    });
  });

  it('accepts a trailing slash', () => {
    expect(matchEnvironmentJobsPath('/apps/a/environments/e/jobs/', '')).toEqual({
      ok: true,
      params: { appId: 'a', envName: 'e' },
    });
  });

  it('decodes each segment on its own, so an encoded slash stays inside its ID', () => {
    expect(matchEnvironmentJobsPath('/apps/a%2Fb/environments/e%3Fx/jobs', '')).toEqual({
      ok: true,
      params: { appId: 'a/b', envName: 'e?x' },
    });
  });

  it.each([
    ['a lone percent', '/apps/100%/environments/e/jobs'],
    ['a percent followed by non-hex', '/apps/a/environments/%zz/jobs'],
    ['a percent at the very end', '/apps/a/environments/e%/jobs'],
    ['a truncated UTF-8 sequence', '/apps/%E6%97/environments/e/jobs'],
    ['an invalid UTF-8 byte', '/apps/a/environments/%FF/jobs'],
  ])('reports %s as a broken link rather than crashing', (_label, pathname) => {
    const match = matchEnvironmentJobsPath(pathname, '?region=us-east-1');
    expect(match?.ok).toBe(false);
    expect(match && !match.ok && match.message).toMatch(/percent-encoding/);
  });

  it.each([
    ['the home page', '/'],
    ['an app page', '/apps/a'],
    ['an environment without /jobs', '/apps/a/environments/e'],
    ['a job page', '/apps/a/environments/e/jobs/j'],
    ['a slash inside an ID', '/apps/a/b/environments/e/jobs'],
    ['another prefix', '/x/apps/a/environments/e/jobs'],
    ['different capitalisation', '/apps/a/Environments/e/jobs'],
    ['two trailing slashes', '/apps/a/environments/e/jobs//'],
  ])('gives undefined for %s', (_label, pathname) => {
    expect(matchEnvironmentJobsPath(pathname, '')).toBeUndefined();
  });
});
