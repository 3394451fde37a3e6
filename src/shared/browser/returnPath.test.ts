import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './returnPath';

const ORIGIN = 'https://watch.example.com';

describe('sameOriginPath', () => {
  it('keeps a path on this origin with its query and hash', () => {
    expect(sameOriginPath('/apps/a/environments/e/jobs/j?region=eu-west-1#x', ORIGIN)).toBe(
      '/apps/a/environments/e/jobs/j?region=eu-west-1#x',
    );
    expect(sameOriginPath('/', ORIGIN)).toBe('/');
  });

  it.each([
    ['//evil.com', 'protocol-relative'],
    ['/\\evil.com', 'backslash read as a slash'],
    ['/\t/evil.com', 'tab dropped by the URL parser'],
    ['/\n/evil.com', 'newline dropped by the URL parser'],
    ['/\\/evil.com', 'backslash then slash'],
    ['https://evil.com/', 'absolute URL'],
    ['javascript:alert(1)', 'script URL'],
    ['apps/a', 'relative path'],
    ['', 'empty'],
  ])('refuses %j (%s)', (value) => {
    expect(sameOriginPath(value, ORIGIN)).toBeUndefined();
  });

  it('refuses anything that is not a string', () => {
    expect(sameOriginPath(undefined, ORIGIN)).toBeUndefined();
    expect(sameOriginPath({ path: '/' }, ORIGIN)).toBeUndefined();
  });
});
