// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./audit.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs scripts/audit.mjs with an `npm` on PATH that prints `answer` as `npm audit --json` would. */
function audit(answer: unknown, env: Record<string, string> = {}) {
  const answerFile = join(dir, 'answer.json');
  writeFileSync(answerFile, typeof answer === 'string' ? answer : JSON.stringify(answer));
  const npm = join(dir, 'npm');
  writeFileSync(npm, `#!/bin/sh\necho "$@" > "${join(dir, 'args')}"\ncat "${answerFile}"\nexit 1\n`);
  chmodSync(npm, 0o755);
  const run = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`, ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** What the npm registry answers here: it refuses the bulk advisory endpoint. */
const REFUSED = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' };
const clean = {
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
};

describe('scripts/audit.mjs', () => {
  it('audits the production dependencies only', () => {
    audit(clean);
    expect(spawnSync('cat', [join(dir, 'args')], { encoding: 'utf8' }).stdout.trim()).toBe('audit --omit=dev --json');
  });

  it('when the audit cannot run, warns and goes on by default', () => {
    const result = audit(REFUSED);
    expect(result.code).toBe(0);
    expect(result.err).toContain('405 Method Not Allowed');
    expect(result.err).toContain('NOT checked');
  });

  it('when the audit cannot run and AUDIT_REQUIRED=1, fails (fail closed)', () => {
    const result = audit(REFUSED, { AUDIT_REQUIRED: '1' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('AUDIT_REQUIRED=1');
  });

  it('passes a clean audit, with or without AUDIT_REQUIRED, and prints the counts', () => {
    for (const env of [{}, { AUDIT_REQUIRED: '1' }] as Record<string, string>[]) {
      const result = audit(clean, env);
      expect(result.code).toBe(0);
      expect(result.out).toContain('npm audit (production dependencies): {"info":0');
    }
  });

  it('fails on a high advisory and names the package and the advisory', () => {
    const result = audit({
      vulnerabilities: {
        msw: { severity: 'high', range: '<2.16.0', via: [{ title: 'Example advisory', url: 'https://example.com/a' }] },
      },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 } },
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('high: msw <2.16.0 (Example advisory)');
    expect(result.err).toContain('1 high or critical advisories');
  });

  it('fails when npm prints no JSON at all', () => {
    expect(audit('not json').code).toBe(1);
  });
});

describe('package.json', () => {
  it('lists msw (served to browsers by the demo) in dependencies, so the production audit covers it', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.dependencies.msw).toBeDefined();
    expect(pkg.devDependencies.msw).toBeUndefined();
  });
});
