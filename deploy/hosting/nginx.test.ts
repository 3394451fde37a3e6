// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../securityHeaders';
import { nginxConf } from './nginx';

const conf = () => readFile(new URL('./nginx.conf', import.meta.url), 'utf8');

/** location → { header name → value }, for the `add_header NAME "VALUE" always;` lines nginxConf writes. */
function headersByLocation(text: string): Map<string, Record<string, string>> {
  const locations = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    const location = /^ {4}location (.+) \{$/.exec(line);
    if (location) {
      current = {};
      locations.set(location[1] as string, current);
    } else if (/^ {4}\}$/.test(line)) current = undefined;
    const header = /^\s+add_header (\S+) "((?:[^"\\]|\\.)*)"( always)?;$/.exec(line);
    if (header) {
      expect(current, `add_header outside a location: ${line}`).toBeDefined();
      // A year-long Cache-Control only on successful answers: a chunk's 404 mid-deployment must not be kept.
      const yearLong = header[1] === 'Cache-Control' && header[2]?.includes('max-age');
      expect(header[3], `${header[1]} is sent on error answers ${yearLong ? 'never' : 'too'}`).toBe(
        yearLong ? undefined : ' always',
      );
      if (current) current[header[1] as string] = (header[2] as string).replace(/\\(.)/g, '$1');
    }
  }
  return locations;
}

describe('nginx recipe (deploy/hosting/nginx.conf)', () => {
  it('is generated from deploy/securityHeaders.ts and up to date', async () => {
    expect(await conf()).toBe(nginxConf());
  });

  it('sends every security header, HSTS included, in every location that serves the site (nginx does not inherit add_header)', async () => {
    const locations = headersByLocation(await conf());
    expect([...locations.keys()]).toEqual(['/', '= /config.json', '/assets/', '~ \\.map$']);
    const cache = { '/': 'no-cache', '= /config.json': 'no-cache', '/assets/': 'public, max-age=31536000, immutable' };
    for (const [location, cacheControl] of Object.entries(cache)) {
      expect(locations.get(location), location).toEqual({ ...securityHeaders(), 'Cache-Control': cacheControl });
    }
  });

  it('given the Hosted UI domain, allows it in every location; the committed file says how', async () => {
    const domain = 'job-watch.auth.eu-west-1.amazoncognito.com';
    const locations = headersByLocation(nginxConf({ hostedUiDomain: domain }));
    for (const location of ['/', '= /config.json', '/assets/']) {
      expect(locations.get(location)?.['Content-Security-Policy'], location).toBe(
        securityHeaders({ hostedUiDomain: domain })['Content-Security-Policy'],
      );
    }
    expect(securityHeaders({ hostedUiDomain: domain })['Content-Security-Policy']).toContain(`https://${domain}`);
    expect(await conf()).toContain('#   npx tsx deploy/hosting/nginx.ts "" <prefix>.auth.<region>.amazoncognito.com');
  });

  it('states the policy: HSTS for a year, no framing, scripts from the site only', async () => {
    const headers = headersByLocation(await conf()).get('/') ?? {};
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['X-Frame-Options']).toBe('DENY');
    const csp = headers['Content-Security-Policy'] ?? '';
    expect(csp.split('; ')).toContain("frame-ancestors 'none'");
    expect(csp.split('; ')).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-');
    expect(csp).not.toContain('*');
  });

  it('falls back to index.html for client routes only, keeps a missing config.json a 404, and never serves source maps', async () => {
    const text = await conf();
    expect(text).toMatch(/location \/ \{\n\s+try_files \$uri \/index\.html;/);
    expect(text).toMatch(/location = \/config\.json \{\n\s+try_files \$uri =404;/);
    expect(text).toMatch(/location ~ \\\.map\$ \{\n\s+return 404;/);
    expect(text).toMatch(/listen 80;[\s\S]*return 301 https:\/\/\$host\$request_uri;/);
  });
});
