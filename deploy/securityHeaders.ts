/**
 * The security headers the built site ships with: a Content-Security-Policy (also as a
 * `<meta http-equiv>` in index.html, for hosts that cannot set headers) and a `_headers` file for
 * hosts that read one (Netlify, Cloudflare Pages). The Amplify Hosting and nginx recipes in
 * deploy/hosting are generated from these values, and so is the S3 + CloudFront template's CSP
 * (deploy/hosting/s3CloudFront.ts); every recipe's header states the same list as the meta policy.
 */
import { awsServiceHosts } from '../src/shared/config/regions.ts';

/** The AWS the page calls: Cognito Identity, Cognito user pools, AmplifyBackend and Amplify Hosting, in every supported region. */
export const AWS_CONNECT_SOURCES = awsServiceHosts().map((host) => `https://${host}`);

/** What a build adds to `connect-src`: CSP_CONNECT_EXTRA and CSP_HOSTED_UI_DOMAIN, both checked. */
export interface ConnectOptions {
  /** Space-separated origins (an emulator, a proxy on another host, the end-to-end suite's simulated AWS). */
  connectExtra?: string;
  /** The Hosted UI domain whose token endpoint the page calls after a Hosted UI sign-in. */
  hostedUiDomain?: string;
}

type ConnectInput = string | ConnectOptions;

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const ORIGIN = /^(https?):\/\/(\[::1\]|[^/:?#\s[\]*]+)(:\d{1,5})?$/;

/**
 * CSP_CONNECT_EXTRA as a list of origins, or an error naming the bad entry: the value is written into
 * the CSP and the headers files, where a `;`, a quote or a newline would add directives or headers.
 */
export function checkConnectExtra(connectExtra: string): string[] {
  const entries = connectExtra.split(/[ \t]+/).filter(Boolean);
  for (const entry of entries) {
    const [, scheme, host = ''] = ORIGIN.exec(entry) ?? [];
    if (!scheme || !(LOOPBACK.test(host) || (scheme === 'https' && HOST_NAME.test(host)))) {
      throw new Error(
        `CSP_CONNECT_EXTRA: ${JSON.stringify(entry)} is not an origin; expected space-separated origins such as https://proxy.example.com (no wildcards; http:// only for localhost)`,
      );
    }
  }
  return entries;
}

/** CSP_HOSTED_UI_DOMAIN (or the Hosted UI domain of public/config.json) as `https://<domain>`, checked. */
export function checkHostedUiDomain(domain: string): string {
  if (!HOST_NAME.test(domain)) {
    throw new Error(
      `Hosted UI domain ${JSON.stringify(domain)}: expected a host name such as myapp.auth.us-east-1.amazoncognito.com`,
    );
  }
  return `https://${domain.toLowerCase()}`;
}

/**
 * The Hosted UI domain a config.json names (`Auth.Cognito.loginWith.oauth.domain`, or
 * `auth.oauth.domain` in an amplify_outputs.json), for a build made after `npm run config`.
 */
export function hostedUiDomainOf(document: unknown): string | undefined {
  const at = (value: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
  const domain = at(document, 'Auth', 'Cognito', 'loginWith', 'oauth', 'domain') ?? at(document, 'auth', 'oauth', 'domain');
  return typeof domain === 'string' ? domain : undefined;
}

function connectOptions(input: ConnectInput): ConnectOptions {
  return typeof input === 'string' ? { connectExtra: input } : input;
}

/** Everything `connect-src` lists: the page itself, the AWS hosts, a Hosted UI domain, the extras. */
export function connectSources(input: ConnectInput = ''): string[] {
  const { connectExtra = '', hostedUiDomain } = connectOptions(input);
  return [
    "'self'",
    ...AWS_CONNECT_SOURCES,
    ...(hostedUiDomain ? [checkHostedUiDomain(hostedUiDomain)] : []),
    ...checkConnectExtra(connectExtra),
  ];
}

function policy(connect: string[], forHeader: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    ...(forHeader ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/**
 * @param input CSP_CONNECT_EXTRA (a string), or the extras and the Hosted UI domain.
 * @param forHeader `frame-ancestors` only works as a header, never in a meta element.
 */
export function contentSecurityPolicy(input: ConnectInput = '', forHeader = false): string {
  return policy(connectSources(input), forHeader);
}

/** HSTS: browsers that once reached the site over https never try plain http for a year (subdomains included). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function securityHeaders(input: ConnectInput = ''): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(input, true),
    'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** The `_headers` file: security headers everywhere, no caching for the entry, the config and the app-shell worker, forever for hashed assets. */
export function headersFile(input: ConnectInput = ''): string {
  const lines = ['/*', ...Object.entries(securityHeaders(input)).map(([name, value]) => `  ${name}: ${value}`)];
  lines.push(
    '/',
    '  Cache-Control: no-cache',
    '/index.html',
    '  Cache-Control: no-cache',
    '/config.json',
    '  Cache-Control: no-cache',
    '/sw.js',
    '  Cache-Control: no-cache',
  );
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}
