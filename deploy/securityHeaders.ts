/**
 * The security headers the built site ships with: a Content-Security-Policy (also as a
 * `<meta http-equiv>` in index.html, for hosts that cannot set headers) and a `_headers` file for
 * hosts that read one (Netlify, Cloudflare Pages; the S3 + CloudFront and Amplify Hosting recipes
 * in the README use the same values).
 */

/** Origins the page may talk to: itself, AWS (Cognito, AmplifyBackend) and a Hosted UI's token endpoint. */
export const CONNECT_SOURCES = ["'self'", 'https://*.amazonaws.com', 'https://*.amazoncognito.com'];

/**
 * @param connectExtra space-separated origins a deployment adds (an emulator, a proxy on another host,
 *   the end-to-end suite's simulated AWS), from CSP_CONNECT_EXTRA at build time.
 * @param forHeader `frame-ancestors` only works as a header, never in a meta element.
 */
export function contentSecurityPolicy(connectExtra: string, forHeader = false): string {
  const connect = [...CONNECT_SOURCES, ...connectExtra.split(/\s+/).filter(Boolean)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    ...(forHeader ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

export function securityHeaders(connectExtra: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectExtra, true),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** The `_headers` file: security headers everywhere, no caching for the entry and the config, forever for hashed assets. */
export function headersFile(connectExtra: string): string {
  const lines = ['/*', ...Object.entries(securityHeaders(connectExtra)).map(([name, value]) => `  ${name}: ${value}`)];
  lines.push(
    '/',
    '  Cache-Control: no-cache',
    '/index.html',
    '  Cache-Control: no-cache',
    '/config.json',
    '  Cache-Control: no-cache',
  );
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}
