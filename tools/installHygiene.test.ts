// @vitest-environment node
// `npm install` on a fresh clone prints nothing the project could avoid: every locked package that ships an
// install script has a decision in package.json's allowScripts, and every locked package accepts the Node
// versions the project declares in engines (no EBADENGINE warning).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  hasInstallScript?: boolean;
  engines?: Record<string, string> | string[];
  optional?: boolean;
}

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text
    .replace(/^[v=]/, '')
    .replace(/-.*$/, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `<= upper`, where a partial upper bound (`20`, `20.1`) takes in every version it names. */
function withinUpper(v: Version, upper: string): boolean {
  const given = upper.split('.').filter((p) => /^\d+$/.test(p)).length;
  const base = parseVersion(upper);
  if (given >= 3) return compare(v, base) <= 0;
  return compare(v, given <= 1 ? [base[0] + 1, 0, 0] : [base[0], base[1] + 1, 0]) < 0;
}

/** Enough of npm's range syntax for engines fields: `||`, comparator sets, ^, ~, x-ranges, hyphen ranges. */
function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((set) => {
    const normalised = set.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(normalised);
    const [, lower, upper] = hyphen ?? [];
    if (lower !== undefined && upper !== undefined) return compare(v, parseVersion(lower)) >= 0 && withinUpper(v, upper);
    return normalised
      .split(/\s+/)
      .filter((c) => c !== '' && c !== '*' && c !== 'x')
      .every((comparator) => {
        const [, op = '', raw = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator) ?? [];
        const parts = raw.replace(/^v/, '').split('.');
        const given = parts.filter((p) => /^\d+$/.test(p)).length;
        const base = parseVersion(raw);
        const c = compare(v, base);
        if (op === '>=') return c >= 0;
        if (op === '>') return c > 0;
        if (op === '<=') return c <= 0;
        if (op === '<') return c < 0;
        if (op === '^') {
          const upper: Version = base[0] > 0 ? [base[0] + 1, 0, 0] : base[1] > 0 ? [0, base[1] + 1, 0] : [0, 0, base[2] + 1];
          return c >= 0 && compare(v, upper) < 0;
        }
        if (op === '~' || given < 3) {
          const upper: Version = given <= 1 ? [base[0] + 1, 0, 0] : [base[0], base[1] + 1, 0];
          return c >= 0 && compare(v, upper) < 0;
        }
        return c === 0;
      });
  });
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('npm install on a fresh clone', () => {
  it('has a decision in allowScripts for every package with an install script', () => {
    const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((key) => key.replace(/(.)@.*$/, '$1')));
    const undecided = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path]) => nameOf(path))
      .filter((name) => !decided.has(name));
    expect(undecided).toEqual([]);
  });

  it('installs only packages whose engines accept the lowest Node version the project supports', () => {
    const lowest = /\d+(\.\d+){0,2}/.exec(pkg.engines.node)?.[0] ?? '';
    expect(lowest).not.toBe('');
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.optional)
      .flatMap(([path, entry]) => {
        const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return node && !satisfies(lowest, node) ? [`${nameOf(path)}@${entry.version ?? '?'} wants node ${node}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('reads engines ranges the way npm does', () => {
    expect(satisfies('20.19.0', '>=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || ^22.12.0 || >=24.0.0')).toBe(true);
    expect(satisfies('20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0')).toBe(true);
    expect(satisfies('20.19.0', '>=23.5.0 || ^22.13.0 || ^20.17.0')).toBe(true);
    expect(satisfies('20.19.0', '^20.20.0')).toBe(false);
    expect(satisfies('20.19.0', '>= 0.8')).toBe(true);
    expect(satisfies('20.19.0', '>=14 <20')).toBe(false);
    expect(satisfies('20.19.0', '18 - 20')).toBe(true);
    expect(satisfies('20.19.0', '20.x')).toBe(true);
    expect(satisfies('20.19.0', '~20.18.0')).toBe(false);
    expect(satisfies('20.19.0', '*')).toBe(true);
  });
});
