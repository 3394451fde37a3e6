/**
 * The Amplify Hosting recipe's files, derived from the build's own header rules
 * (deploy/securityHeaders.ts) so that they cannot drift apart. `customHttp.yml` and `rewrites.json`
 * in deploy/hosting/amplify are these functions' output; a test fails when they differ. Regenerate with
 *
 *   npx tsx deploy/hosting/amplifyHosting.ts [connect-extra] [hosted-ui-domain]
 *
 * With Cognito's Hosted UI, give its domain: the page exchanges the sign-in code for tokens at
 * `https://<domain>/oauth2/token`, which the CSP must allow (the build's meta policy does, from
 * public/config.json; a header policy without it blocks the exchange, as a browser enforces both).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkHostedUiDomain, securityHeaders, type ConnectOptions } from '../securityHeaders.ts';

/**
 * Job links are client-side routes: Amplify serves index.html (status 200) for every path that is
 * not a file of the build. Files keep their own answer, including config.json (a missing one means
 * demo mode only when the host answers 404; an HTML answer is a config problem).
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

/**
 * The generated recipes' note on the Hosted UI: the domain they allow, or how to regenerate them with
 * one (`command` is the generator's command line without its arguments).
 */
export function hostedUiNote(hostedUiDomain: string | undefined, command: string): string[] {
  if (hostedUiDomain) {
    return [`# Hosted UI: connect-src allows ${checkHostedUiDomain(hostedUiDomain)} (the sign-in code is exchanged there).`];
  }
  return [
    "# Hosted UI: none allowed. With Cognito's Hosted UI the page exchanges the sign-in code for tokens at",
    '# its domain, which the CSP must allow: regenerate with the domain (Auth.Cognito.loginWith.oauth.domain):',
    `#   ${command} "" <prefix>.auth.<region>.amazoncognito.com`,
  ];
}

/** `customHttp.yml`: the security headers (with the CSP) on every path, and the cache rules. */
export function customHttpYaml(connect: string | ConnectOptions = ''): string {
  const options = typeof connect === 'string' ? { connectExtra: connect } : connect;
  const lines = [
    '# Amplify Hosting custom headers for Amplify Job Watch. Generated from deploy/securityHeaders.ts by',
    '# deploy/hosting/amplifyHosting.ts; edit that and regenerate rather than this file.',
    ...hostedUiNote(options.hostedUiDomain, 'npx tsx deploy/hosting/amplifyHosting.ts'),
    'customHeaders:',
    `  - pattern: ${quote('**/*')}`,
    '    headers:',
  ];
  for (const [key, value] of Object.entries(securityHeaders(options))) {
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

/** The files the command line writes to deploy/hosting/amplify: `[connect-extra] [hosted-ui-domain]`. */
export function amplifyHostingFiles(args: string[]): Record<'customHttp.yml' | 'rewrites.json', string> {
  const [connectExtra = '', hostedUiDomain] = args;
  return {
    'customHttp.yml': customHttpYaml({ connectExtra, hostedUiDomain: hostedUiDomain || undefined }),
    'rewrites.json': rewritesJson(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('./amplify/', import.meta.url);
  for (const [name, text] of Object.entries(amplifyHostingFiles(process.argv.slice(2)))) writeFileSync(new URL(name, dir), text);
  console.log('Wrote deploy/hosting/amplify/customHttp.yml and rewrites.json');
}
