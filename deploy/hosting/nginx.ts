/**
 * The nginx recipe (deploy/hosting/nginx.conf), derived from the build's own header rules
 * (deploy/securityHeaders.ts) so that they cannot drift apart; a test fails when the file differs.
 * Regenerate with
 *
 *   npx tsx deploy/hosting/nginx.ts [connect-extra] [hosted-ui-domain]
 *
 * With Cognito's Hosted UI, give its domain: the page exchanges the sign-in code for tokens there.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { securityHeaders, type ConnectOptions } from '../securityHeaders.ts';
import { CACHE_RULES, hostedUiNote } from './amplifyHosting.ts';

/** An nginx string: double-quoted, with `"` and `\` escaped (the values hold neither today). */
const quote = (value: string) => `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;

/**
 * nginx drops every inherited `add_header` in a block that has one of its own, so each location
 * repeats the full set next to its Cache-Control; `always` sends them on error answers too. Not a
 * year-long Cache-Control, though: a chunk's 404 during a deployment must not be kept for a year.
 */
function headerLines(connect: ConnectOptions, cacheControl: string, indent: string): string[] {
  const cacheAlways = cacheControl.includes('max-age') ? '' : ' always';
  return [
    ...Object.entries(securityHeaders(connect)).map(([name, value]) => `${indent}add_header ${name} ${quote(value)} always;`),
    `${indent}add_header Cache-Control ${quote(cacheControl)}${cacheAlways};`,
  ];
}

function cacheControlFor(pattern: string): string {
  const rule = CACHE_RULES.find((candidate) => candidate.pattern === pattern);
  if (!rule) throw new Error(`no cache rule for ${pattern}`);
  return rule.cacheControl;
}

export function nginxConf(connect: ConnectOptions = {}): string {
  const indent = '        ';
  return [
    '# nginx recipe for Amplify Job Watch. Generated from deploy/securityHeaders.ts by deploy/hosting/nginx.ts;',
    '# edit that and regenerate rather than this file. Put the TLS settings of your site where marked, and',
    '# copy dist/ (without *.map) to the root.',
    ...hostedUiNote(connect.hostedUiDomain, 'npx tsx deploy/hosting/nginx.ts'),
    'server {',
    '    listen 443 ssl;',
    '    server_name jobs.example.com;',
    '    # ssl_certificate     /etc/ssl/jobs.example.com.crt;',
    '    # ssl_certificate_key /etc/ssl/jobs.example.com.key;',
    '',
    '    root /var/www/amplify-job-watch;',
    '    index index.html;',
    '    server_tokens off;',
    '',
    '    # Client-side routes: every path that is not a file gets index.html.',
    '    location / {',
    '        try_files $uri /index.html;',
    ...headerLines(connect, cacheControlFor('/index.html'), indent),
    '    }',
    '',
    '    # A missing config.json must be a 404 (the app then starts its demo), never index.html.',
    '    location = /config.json {',
    '        try_files $uri =404;',
    ...headerLines(connect, cacheControlFor('/config.json'), indent),
    '    }',
    '',
    '    # Content-hashed files: cached for a year.',
    '    location /assets/ {',
    '        try_files $uri =404;',
    ...headerLines(connect, cacheControlFor('/assets/*'), indent),
    '    }',
    '',
    '    # Source maps are not published, even when copied by mistake.',
    '    location ~ \\.map$ {',
    '        return 404;',
    '    }',
    '}',
    '',
    'server {',
    '    listen 80;',
    '    server_name jobs.example.com;',
    '    return 301 https://$host$request_uri;',
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [connectExtra = '', hostedUiDomain] = process.argv.slice(2);
  writeFileSync(new URL('nginx.conf', import.meta.url), nginxConf({ connectExtra, hostedUiDomain: hostedUiDomain || undefined }));
  console.log('Wrote deploy/hosting/nginx.conf');
}
