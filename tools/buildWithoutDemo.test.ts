import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `VITE_DEMO=off npm run build`, as the README documents for a deployment that must never run the demo.
describe('a build without the demo', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'job-watch-nodemo-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('ships neither the simulated AWS nor its service worker', () => {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, VITE_DEMO: 'off' },
      stdio: 'pipe',
    });
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'mockServiceWorker.js'))).toBe(false);
    const scripts = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = readFileSync(join(outDir, 'assets', name), 'utf8');
      // MSW's worker protocol: present in the demo's chunk of a normal build, and nowhere else.
      expect(code, name).not.toContain('MOCK_ACTIVATE');
    }
  }, 180_000);
});
