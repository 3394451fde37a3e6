/**
 * The Amplify Hosting recipe's files, derived from the build's own header rules
 * (deploy/securityHeaders.ts) so that they cannot drift apart. `customHttp.yml` and `rewrites.json`
 * in deploy/hosting/amplify are these functions' output; a test fails when they differ. Regenerate with
 *
 *   npx tsx deploy/hosting/amplifyHosting.ts [connect-extra]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from '../securityHeaders.ts';

/**
 * Job links are client-side routes: Amplify serves index.html (status 200) for every path that is
 * not a file of the build. Files keep their own answer, including config.json (a missing one means
 * demo mode only when the host answers 404 or HTML).
 */
export const SPA_REWRITE = {
  source: '</^[^.]+$|\\.(?!(css|js|json|svg|png|ico|txt|map|webmanifest|woff2?)$)([^.]+$)/>',
  target: '/index.html',
  status: '200',
} as const;

/** `aws amplify update-app --custom-rules file://rewrites.json`, or the console's "Rewrites and redirects" JSON. */
export function rewritesJson(): string {
  return `${JSON.stringify([SPA_REWRITE], null, 2)}\n`;
}

/** The pattern a rewrite source holds (`</…/>`), as a JavaScript RegExp. */
export function rewriteRegExp(source: string = SPA_REWRITE.source): RegExp {
  const match = /^<\/(.*)\/>$/.exec(source);
  if (!match) throw new Error(`not a regular-expression source: ${source}`);
  return new RegExp(match[1] as string);
}

export const CACHE_RULES: { pattern: string; cacheControl: string }[] = [
  { pattern: '/index.html', cacheControl: 'no-cache' },
  { pattern: '/config.json', cacheControl: 'no-cache' },
  { pattern: '/assets/*', cacheControl: 'public, max-age=31536000, immutable' },
];

/** YAML double-quoted scalar: JSON's string syntax is a subset of it. */
const quote = (value: string) => JSON.stringify(value);

/** `customHttp.yml`: the security headers (with the CSP) on every path, and the cache rules. */
export function customHttpYaml(connectExtra = ''): string {
  const lines = [
    '# Amplify Hosting custom headers for Amplify Job Watch. Generated from deploy/securityHeaders.ts by',
    '# deploy/hosting/amplifyHosting.ts; edit that and regenerate rather than this file.',
    'customHeaders:',
    `  - pattern: ${quote('**/*')}`,
    '    headers:',
  ];
  for (const [key, value] of Object.entries(securityHeaders(connectExtra))) {
    lines.push(`      - key: ${quote(key)}`, `        value: ${quote(value)}`);
  }
  for (const rule of CACHE_RULES) {
    lines.push(
      `  - pattern: ${quote(rule.pattern)}`,
      '    headers:',
      `      - key: ${quote('Cache-Control')}`,
      `        value: ${quote(rule.cacheControl)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('./amplify/', import.meta.url);
  writeFileSync(new URL('customHttp.yml', dir), customHttpYaml(process.argv[2] ?? ''));
  writeFileSync(new URL('rewrites.json', dir), rewritesJson());
  console.log('Wrote deploy/hosting/amplify/customHttp.yml and rewrites.json');
}
