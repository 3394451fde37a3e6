// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { checkConnectExtra, contentSecurityPolicy, headersFile, hostedUiDomainOf, securityHeaders } from './securityHeaders';

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `${name} appears twice`).toBe(false);
      map.set(name, sources);
    }
  }
  return map;
}

/** Every region the dashboard supports, written out here rather than read from its own list. */
const REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

describe('the Content-Security-Policy itself', () => {
  const header = directives(securityHeaders()['Content-Security-Policy'] ?? '');
  const meta = directives(contentSecurityPolicy());

  it('runs scripts and styles from the site only: no inline script, no eval, no other host', () => {
    for (const policy of [header, meta]) {
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('worker-src')).toEqual(["'self'"]);
    }
    expect(header.get('img-src')).toEqual(["'self'", 'data:']);
    expect(securityHeaders()['Content-Security-Policy']).not.toMatch(/unsafe-|strict-dynamic|nonce-|sha\d+-/);
  });

  it("forbids framing: frame-ancestors 'none' in the header (a meta element cannot carry it) and X-Frame-Options DENY", () => {
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(securityHeaders()['X-Frame-Options']).toBe('DENY');
  });

  it('sends HSTS for a year with subdomains, in the headers and the _headers file', () => {
    expect(securityHeaders()['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(headersFile().split('\n')).toContain('  Strict-Transport-Security: max-age=31536000; includeSubDomains');
    expect(headersFile().split('\n')).toContain(`  Content-Security-Policy: ${contentSecurityPolicy('', true)}`);
  });

  it('the _headers file keeps the entry, the config and the app-shell worker uncached, and hashed assets forever', () => {
    const lines = headersFile().split('\n');
    for (const path of ['/', '/index.html', '/config.json', '/sw.js']) {
      expect(lines[lines.indexOf(path) + 1]).toBe('  Cache-Control: no-cache');
    }
    expect(lines[lines.indexOf('/assets/*') + 1]).toBe('  Cache-Control: public, max-age=31536000, immutable');
  });

  it('connects to the page itself and exactly the Cognito Identity, user pool, AmplifyBackend and Amplify Hosting hosts of the supported regions', () => {
    const expected = [
      "'self'",
      ...['cognito-identity', 'cognito-idp', 'amplifybackend', 'amplify'].flatMap((service) =>
        REGIONS.map((region) => `https://${service}.${region}.amazonaws.com`),
      ),
    ];
    expect(meta.get('connect-src')).toEqual(expected);
    expect(header.get('connect-src')).toEqual(expected);
    expect(contentSecurityPolicy()).not.toContain('*');
  });

  it('adds a configured Hosted UI domain and checked extra origins, nothing else', () => {
    const policy = directives(
      contentSecurityPolicy({
        hostedUiDomain: 'MyApp.auth.eu-west-1.amazoncognito.com',
        connectExtra: ' https://proxy.example.com  http://127.0.0.1:4010 ',
      }),
    );
    expect(policy.get('connect-src')?.slice(-3)).toEqual([
      'https://myapp.auth.eu-west-1.amazoncognito.com',
      'https://proxy.example.com',
      'http://127.0.0.1:4010',
    ]);
    expect(() => contentSecurityPolicy({ hostedUiDomain: "x.example.com; script-src 'unsafe-inline'" })).toThrow(
      /Hosted UI domain/,
    );
  });
});

describe('CSP_CONNECT_EXTRA is checked before it is written anywhere', () => {
  it.each([
    ['a directive after a semicolon', "https://a.example.com; script-src 'unsafe-inline'"],
    ['a semicolon alone', 'https://a.example.com;'],
    ['a newline (a header of its own in _headers)', 'https://a.example.com\nX-Evil: 1'],
    ['a carriage return', 'https://a.example.com\rX-Evil: 1'],
    ['a keyword', "'unsafe-inline'"],
    ['a bare wildcard', '*'],
    ['a wildcard host', 'https://*.amazonaws.com'],
    ['a scheme alone', 'https:'],
    ['plain http to a remote host', 'http://proxy.example.com'],
    ['a path', 'https://proxy.example.com/path'],
    ['a quote', 'https://a.example.com"'],
    ['a comma', 'https://a.example.com,https://b.example.com'],
  ])('refuses %s, naming the variable', (_label, value) => {
    expect(() => checkConnectExtra(value)).toThrow(/^CSP_CONNECT_EXTRA: /);
    expect(() => contentSecurityPolicy(value)).toThrow(/CSP_CONNECT_EXTRA/);
    expect(() => headersFile(value)).toThrow(/CSP_CONNECT_EXTRA/);
  });

  it.each(['', 'https://proxy.example.com', 'https://proxy.example.com:8443 http://localhost:4010 http://[::1]:4010'])(
    'accepts %j',
    (value) => {
      expect(checkConnectExtra(value)).toEqual(value.split(' ').filter(Boolean));
    },
  );
});

describe('the build (vite.config.ts)', () => {
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  const resolve = () => resolveConfig({ configFile, logLevel: 'silent' }, 'build', 'production');

  it('stops on a CSP_CONNECT_EXTRA that is not a list of origins, naming the variable', async () => {
    vi.stubEnv('CSP_CONNECT_EXTRA', "https://a.example.com; script-src 'unsafe-inline'");
    await expect(resolve()).rejects.toThrow(/CSP_CONNECT_EXTRA/);
    vi.stubEnv('CSP_CONNECT_EXTRA', 'https://a.example.com\nX-Evil: 1');
    await expect(resolve()).rejects.toThrow(/CSP_CONNECT_EXTRA/);
    vi.unstubAllEnvs();
  });

  it('writes checked extras and the Hosted UI domain into the headers it serves', async () => {
    vi.stubEnv('CSP_CONNECT_EXTRA', 'https://proxy.example.com');
    vi.stubEnv('CSP_HOSTED_UI_DOMAIN', 'myapp.auth.eu-west-1.amazoncognito.com');
    const config = await resolve();
    vi.unstubAllEnvs();
    expect(config.preview.headers).toEqual(
      securityHeaders({ connectExtra: 'https://proxy.example.com', hostedUiDomain: 'myapp.auth.eu-west-1.amazoncognito.com' }),
    );
  });

  it('writes source maps without referencing them, unless BUILD_SOURCEMAP=public', async () => {
    expect((await resolve()).build.sourcemap).toBe('hidden');
    vi.stubEnv('BUILD_SOURCEMAP', 'public');
    const published = await resolve();
    vi.unstubAllEnvs();
    expect(published.build.sourcemap).toBe(true);
  });

  it('reads the Hosted UI domain of either config.json form', () => {
    expect(hostedUiDomainOf({ Auth: { Cognito: { loginWith: { oauth: { domain: 'a.example.com' } } } } })).toBe('a.example.com');
    expect(hostedUiDomainOf({ version: '1.4', auth: { oauth: { domain: 'b.example.com' } } })).toBe('b.example.com');
    expect(hostedUiDomainOf({ region: 'us-east-1' })).toBeUndefined();
  });
});
