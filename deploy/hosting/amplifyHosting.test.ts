// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { publicFiles } from '../../tools/publicFiles';
import { securityHeaders } from '../securityHeaders';
import { amplifyHostingFiles, CACHE_RULES, customHttpYaml, rewriteRegExp, rewritesJson, SPA_REWRITE } from './amplifyHosting';

const file = (name: string) => readFile(new URL(`./amplify/${name}`, import.meta.url), 'utf8');

/** A reader for exactly the subset of YAML customHttpYaml writes (lists of maps, double-quoted values). */
function readCustomHttp(yaml: string): { pattern: string; headers: { key: string; value: string }[] }[] {
  const rules: { pattern: string; headers: { key: string; value: string }[] }[] = [];
  for (const line of yaml.split('\n')) {
    const pattern = /^ {2}- pattern: (".*")$/.exec(line);
    const key = /^ {6}- key: (".*")$/.exec(line);
    const value = /^ {8}value: (".*")$/.exec(line);
    if (pattern) rules.push({ pattern: JSON.parse(pattern[1] as string) as string, headers: [] });
    else if (key) rules.at(-1)?.headers.push({ key: JSON.parse(key[1] as string) as string, value: '' });
    else if (value) {
      const header = rules.at(-1)?.headers.at(-1);
      if (header) header.value = JSON.parse(value[1] as string) as string;
    } else if (line && !line.startsWith('#') && line !== 'customHeaders:' && line !== '    headers:')
      throw new Error(`unexpected line: ${line}`);
  }
  return rules;
}

describe('Amplify Hosting recipe (deploy/hosting/amplify)', () => {
  it('customHttp.yml is generated from deploy/securityHeaders.ts and up to date', async () => {
    expect(await file('customHttp.yml')).toBe(customHttpYaml());
  });

  it('customHttp.yml sends every security header on every path, and the cache rules', async () => {
    const rules = readCustomHttp(await file('customHttp.yml'));
    expect(rules[0]?.pattern).toBe('**/*');
    expect(Object.fromEntries(rules[0]?.headers.map((header) => [header.key, header.value]) ?? [])).toEqual(securityHeaders(''));
    expect(rules.slice(1)).toEqual(
      CACHE_RULES.map((rule) => ({ pattern: rule.pattern, headers: [{ key: 'Cache-Control', value: rule.cacheControl }] })),
    );
    expect(CACHE_RULES).toEqual([
      { pattern: '/index.html', cacheControl: 'no-cache' },
      { pattern: '/config.json', cacheControl: 'no-cache' },
      { pattern: '/assets/*', cacheControl: 'public, max-age=31536000, immutable' },
    ]);
  });

  it('a CSP_CONNECT_EXTRA build gets the same extra origins in customHttp.yml', () => {
    const rules = readCustomHttp(customHttpYaml('https://proxy.example.com'));
    expect(rules[0]?.headers.find((header) => header.key === 'Content-Security-Policy')?.value).toBe(
      securityHeaders('https://proxy.example.com')['Content-Security-Policy'],
    );
  });

  it('with the Hosted UI domain on the command line, customHttp.yml lets the page exchange the sign-in code there', () => {
    const domain = 'job-watch.auth.eu-west-1.amazoncognito.com';
    const files = amplifyHostingFiles(['', domain]);
    const csp = readCustomHttp(files['customHttp.yml'])[0]?.headers.find((header) => header.key === 'Content-Security-Policy');
    expect(csp?.value).toBe(securityHeaders({ hostedUiDomain: domain })['Content-Security-Policy']);
    expect(csp?.value.split('; ').find((directive) => directive.startsWith('connect-src'))).toContain(`https://${domain}`);
    expect(files['customHttp.yml']).toContain(`# Hosted UI: connect-src allows https://${domain}`);
    expect(files['rewrites.json']).toBe(rewritesJson());
    // Without one, the committed file says how to add it.
    expect(amplifyHostingFiles([])['customHttp.yml']).toBe(customHttpYaml());
  });

  it('the committed customHttp.yml says how to allow a Hosted UI domain', async () => {
    expect(await file('customHttp.yml')).toContain(
      '#   npx tsx deploy/hosting/amplifyHosting.ts "" <prefix>.auth.<region>.amazoncognito.com',
    );
  });

  it('rewrites.json is the SPA rule and up to date', async () => {
    expect(await file('rewrites.json')).toBe(rewritesJson());
    expect(JSON.parse(await file('rewrites.json'))).toEqual([
      { source: SPA_REWRITE.source, target: '/index.html', status: '200' },
    ]);
  });

  it('the README shows the same rewrite rule', async () => {
    expect(await readFile(new URL('../../README.md', import.meta.url), 'utf8')).toContain(`\`${SPA_REWRITE.source}\``);
  });

  it('the rewrite sends client-side routes to index.html and leaves every file of the build alone', async () => {
    const rule = rewriteRegExp();
    for (const route of [
      '/',
      '/apps/d2k9/environments/staging/jobs/7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37',
      '/apps/d2k9/environments/staging/jobs',
      '/apps/a/environments/prod.v2/jobs/x',
    ]) {
      expect(rule.test(route), route).toBe(true);
    }
    const servedFiles = await publicFiles();
    for (const path of [
      ...servedFiles,
      '/config.json',
      '/assets/index-Ab12_x.js',
      '/assets/index-Ab12_x.css',
      '/assets/index-Ab12_x.js.map',
    ]) {
      expect(rule.test(path), path).toBe(false);
    }
  });

  it('amplify.yml builds with npm and publishes dist/', async () => {
    const spec = await file('amplify.yml');
    expect(spec).toMatch(/^version: 1$/m);
    expect(spec).toMatch(/- npm ci/);
    expect(spec).toMatch(/- npm run build/);
    expect(spec).toMatch(/npm run config -- --from-config/);
    expect(spec).toMatch(/baseDirectory: dist$/m);
    // Source maps are written by the build but not published unless asked for.
    expect(spec).toMatch(/- 'if \[ "\$BUILD_SOURCEMAP" != public \]; then find dist -name "\*\.map" -delete; fi'/);
  });

  it('customHttp.yml sends HSTS and a CSP with frame-ancestors none on every path', async () => {
    const headers = Object.fromEntries(
      readCustomHttp(await file('customHttp.yml'))[0]?.headers.map((header) => [header.key, header.value]) ?? [],
    );
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['Content-Security-Policy']?.split('; ')).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).not.toMatch(/unsafe-|\*/);
  });
});
