// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, serveStatic, type StaticSite } from './staticServer';

const HEADERS_FILE = `/*
  X-Frame-Options: DENY
/index.html
  Cache-Control: no-cache
/assets/*
  Cache-Control: public, max-age=31536000, immutable
`;

describe('the harness static host', () => {
  let dir: string;
  let site: StaticSite;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-site-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Job Watch</title>');
    await writeFile(join(dir, 'assets/app-Ab12.js'), 'console.log("app");'.repeat(20));
    await writeFile(join(dir, '_headers'), HEADERS_FILE);
    site = await serveStatic({ dir, config: { region: 'eu-west-1' }, headersFile: true });
  });
  afterAll(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads `_headers` rules: a pattern line, then its indented headers', () => {
    const rules = parseHeadersFile(HEADERS_FILE);
    expect(rules.map((rule) => rule.headers)).toEqual([
      { 'x-frame-options': 'DENY' },
      { 'cache-control': 'no-cache' },
      { 'cache-control': 'public, max-age=31536000, immutable' },
    ]);
    expect(rules[2]?.pattern.test('/assets/app-Ab12.js')).toBe(true);
    expect(rules[1]?.pattern.test('/index-html')).toBe(false);
  });

  it('answers a client-side route with index.html and the headers of `/*`', async () => {
    const page = await fetch(`${site.origin}/apps/a/environments/e/jobs/j`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Job Watch');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends assets gzipped (the size it reports) and cached for a year; a missing asset is a 404', async () => {
    const response = await fetch(`${site.origin}/assets/app-Ab12.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-length')).toBe(String(site.gzipSize('/assets/app-Ab12.js')));
    const missing = await fetch(`${site.origin}/assets/missing.js`);
    expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, 'no-cache']);
    expect(await response.text()).toContain('console.log("app")');
  });

  it('answers a missing /config.json with 404, never index.html (the app starts the demo only on a 404)', async () => {
    const bare = await serveStatic({ dir });
    try {
      const answer = await fetch(`${bare.origin}/config.json`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain('Job Watch');
    } finally {
      await bare.close();
    }
  });

  it('serves /config.json from memory and never the `_headers` file itself', async () => {
    expect(await (await fetch(`${site.origin}/config.json`)).json()).toEqual({ region: 'eu-west-1' });
    const headersFile = await fetch(`${site.origin}/_headers`);
    expect(await headersFile.text()).toContain('Job Watch');
  });
});
