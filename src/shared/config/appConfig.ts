import { isAmplifyBackendRegion, isAwsServiceHost, type AmplifyBackendRegion, type AwsService } from './regions';

/** The part of Amplify's `ResourcesConfig.Auth` this dashboard reads; the rest passes through untouched. */
export interface CognitoAuthConfig {
  Cognito: {
    identityPoolId: string;
    allowGuestAccess?: boolean;
    userPoolId?: string;
    userPoolClientId?: string;
    identityPoolEndpoint?: string;
    userPoolEndpoint?: string;
    loginWith?: {
      username?: boolean;
      email?: boolean;
      phone?: boolean;
      oauth?: OAuthConfig;
    };
    [key: string]: unknown;
  };
}

/** Amplify's Hosted UI settings (`Auth.Cognito.loginWith.oauth`). */
export interface OAuthConfig {
  domain: string;
  scopes: string[];
  redirectSignIn: string[];
  redirectSignOut: string[];
  responseType: 'code';
  providers?: (string | { custom: string })[];
}

export interface AppConfig {
  /** True when the dashboard runs against the simulated AWS inside the page. */
  demo: boolean;
  region: AmplifyBackendRegion;
  Auth: CognitoAuthConfig;
  pollIntervalSeconds: number;
  /**
   * Replaces `https://amplifybackend.<region>.amazonaws.com`: a proxy route on the page's own origin,
   * another region's AmplifyBackend host, or (for a page served from this machine) a loopback emulator.
   */
  amplifyBackendEndpoint?: string;
  /** The host to sign for when `amplifyBackendEndpoint` is a proxy: `amplifybackend.<region>.amazonaws.com`. */
  signingHost?: string;
  /**
   * Replaces `https://amplify.<region>.amazonaws.com` (Amplify Hosting jobs), under the same rules as
   * `amplifyBackendEndpoint`: a proxy route on the page's own origin, another region's Amplify host, or a
   * loopback emulator for a page served from this machine.
   */
  amplifyEndpoint?: string;
  /** The host to sign for when `amplifyEndpoint` is a proxy: `amplify.<region>.amazonaws.com`. */
  amplifySigningHost?: string;
  /** How `signIn` proves the password: SRP (default) or plain USER_PASSWORD_AUTH. */
  authFlowType: AuthFlowType;
  /** Where user-pool tokens live: this tab only (default) or across tabs and restarts. */
  tokenStorage: TokenStorage;
  /**
   * A Hosted UI on a custom domain (`auth.example.com`) instead of Cognito's own
   * `<prefix>.auth.<region>.amazoncognito.com`: the same host as `loginWith.oauth.domain`, named here on
   * purpose, since that domain receives the authorization code and the PKCE verifier.
   */
  hostedUiCustomDomain?: string;
}

export const AUTH_FLOW_TYPES = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const;
export type AuthFlowType = (typeof AUTH_FLOW_TYPES)[number];
export const TOKEN_STORAGES = ['session', 'local'] as const;
export type TokenStorage = (typeof TOKEN_STORAGES)[number];

export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. `Auth.Cognito.identityPoolId`. */
  field: string;
  /** What the field should hold, in words. */
  expected: string;
}

export type ConfigParseResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

export interface ConfigParseOptions {
  /**
   * The origin the dashboard is served from (`location.origin`): endpoints may point at it. Unknown
   * when `npm run config` writes the file (give `--site-origin`); then only AWS's own hosts and
   * loopback emulators pass, and the app applies the full rule when it starts.
   */
  pageOrigin?: string;
}

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 300;

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const USER_POOL_CLIENT_ID = /^[0-9A-Za-z]{1,128}$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;
/** Cognito's own Hosted UI domain: `<prefix>.auth.<region>.amazoncognito.com`. */
const COGNITO_HOSTED_UI_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.auth\.[a-z]{2}(?:-[a-z]+)+-\d\.amazoncognito\.com$/i;

const KNOWN_FIELDS = new Set([
  'demo',
  'region',
  'Auth',
  'pollIntervalSeconds',
  'amplifyBackendEndpoint',
  'signingHost',
  'amplifyEndpoint',
  'amplifySigningHost',
  'authFlowType',
  'tokenStorage',
  'hostedUiCustomDomain',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An endpoint must be https, or http on a loopback host (an emulator or dev proxy on this machine). */
function checkEndpoint(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'an absolute https:// URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return 'an https:// URL (http:// only for localhost)';
  }
  if (url.username || url.password) return 'a URL without user name or password';
  // A bare "?" or "#" leaves url.search/url.hash empty but would still swallow the request path.
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'a URL without query or fragment';
  return null;
}

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/**
 * Where signed requests may go, for fear of sending the Authorization header and session token to a
 * stranger: the service's own regional host, the page's own origin (a proxy route), or a loopback
 * emulator when the page itself is served from this machine (development and the end-to-end tests).
 */
function checkServiceEndpoint(value: unknown, service: AwsService, pageOrigin: string | undefined): string | null {
  const expected = `https://${service}.<region>.amazonaws.com or a path on the dashboard's own origin${pageOrigin ? ` (${pageOrigin})` : ''}`;
  if (typeof value !== 'string') return 'an absolute https:// URL';
  const problem = checkEndpoint(value);
  if (problem) return problem;
  const url = new URL(value);
  if (url.protocol === 'https:' && isAwsServiceHost(url.host, service) && !url.port) {
    return url.pathname === '/' ? null : `https://${service}.<region>.amazonaws.com without a path`;
  }
  if (pageOrigin !== undefined && url.origin === pageOrigin) return null;
  const pageOnLoopback = pageOrigin === undefined || isLoopback(new URL(pageOrigin).hostname);
  if (isLoopback(url.hostname) && pageOnLoopback) return null;
  return expected;
}

/**
 * Parses the runtime config once, at start. Every problem is reported with the field it concerns,
 * so a person fixing `config.json` sees all of them at once.
 */
export function parseAppConfig(raw: unknown, options: ConfigParseOptions = {}): ConfigParseResult {
  const problems: ConfigProblem[] = [];
  if (!isRecord(raw)) {
    return { ok: false, problems: [{ field: '(root)', expected: 'a JSON object' }] };
  }

  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) problems.push({ field: key, expected: 'no such field (check its spelling)' });
  }

  const demo = raw.demo ?? false;
  if (typeof demo !== 'boolean') problems.push({ field: 'demo', expected: 'true or false' });

  const region = raw.region;
  if (typeof region !== 'string' || !isAmplifyBackendRegion(region)) {
    problems.push({ field: 'region', expected: 'an AWS region where AmplifyBackend runs, e.g. "us-east-1"' });
  }

  const pollIntervalSeconds = raw.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  if (
    typeof pollIntervalSeconds !== 'number' ||
    !Number.isFinite(pollIntervalSeconds) ||
    pollIntervalSeconds < MIN_POLL_INTERVAL_SECONDS ||
    pollIntervalSeconds > MAX_POLL_INTERVAL_SECONDS
  ) {
    problems.push({
      field: 'pollIntervalSeconds',
      expected: `a number of seconds from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS}`,
    });
  }

  const endpoint = raw.amplifyBackendEndpoint;
  const signingHost = raw.signingHost;
  problems.push(
    ...checkServiceOverride(
      { endpoint, signingHost },
      { service: 'amplifybackend', name: 'AmplifyBackend' },
      { endpoint: 'amplifyBackendEndpoint', signingHost: 'signingHost' },
      options.pageOrigin,
    ),
  );
  const amplifyEndpoint = raw.amplifyEndpoint;
  const amplifySigningHost = raw.amplifySigningHost;
  problems.push(
    ...checkServiceOverride(
      { endpoint: amplifyEndpoint, signingHost: amplifySigningHost },
      { service: 'amplify', name: 'Amplify Hosting' },
      { endpoint: 'amplifyEndpoint', signingHost: 'amplifySigningHost' },
      options.pageOrigin,
    ),
  );

  const authFlowType = raw.authFlowType ?? 'USER_SRP_AUTH';
  if (typeof authFlowType !== 'string' || !(AUTH_FLOW_TYPES as readonly string[]).includes(authFlowType)) {
    problems.push({ field: 'authFlowType', expected: '"USER_SRP_AUTH" (the default) or "USER_PASSWORD_AUTH"' });
  }
  const tokenStorage = raw.tokenStorage ?? 'session';
  if (typeof tokenStorage !== 'string' || !(TOKEN_STORAGES as readonly string[]).includes(tokenStorage)) {
    problems.push({ field: 'tokenStorage', expected: '"session" (the default) or "local"' });
  }

  const customDomain = raw.hostedUiCustomDomain;
  if (customDomain !== undefined && (typeof customDomain !== 'string' || !HOST.test(customDomain))) {
    problems.push({ field: 'hostedUiCustomDomain', expected: 'a host name such as "auth.example.com" (no https://, no path)' });
  }
  problems.push(...checkAuth(raw.Auth, options.pageOrigin, typeof customDomain === 'string' ? customDomain : undefined));
  if (typeof customDomain === 'string' && HOST.test(customDomain)) problems.push(...checkCustomDomain(raw.Auth, customDomain));

  if (problems.length > 0) return { ok: false, problems };
  const config: AppConfig = {
    demo: demo as boolean,
    region: region as AmplifyBackendRegion,
    Auth: raw.Auth as CognitoAuthConfig,
    pollIntervalSeconds: pollIntervalSeconds as number,
    authFlowType: authFlowType as AuthFlowType,
    tokenStorage: tokenStorage as TokenStorage,
  };
  if (typeof endpoint === 'string') config.amplifyBackendEndpoint = endpoint.replace(/\/+$/, '');
  if (typeof signingHost === 'string') config.signingHost = signingHost.toLowerCase();
  if (typeof amplifyEndpoint === 'string') config.amplifyEndpoint = amplifyEndpoint.replace(/\/+$/, '');
  if (typeof amplifySigningHost === 'string') config.amplifySigningHost = amplifySigningHost.toLowerCase();
  if (typeof customDomain === 'string') config.hostedUiCustomDomain = customDomain.toLowerCase();
  return { ok: true, config };
}

/**
 * An endpoint override for one service and the host to sign for behind it (a proxy route): the endpoint
 * under the rules of `checkServiceEndpoint`, the signing host exactly `<service>.<region>.amazonaws.com`
 * and only beside an endpoint.
 */
function checkServiceOverride(
  values: { endpoint: unknown; signingHost: unknown },
  service: { service: AwsService; name: string },
  fields: { endpoint: string; signingHost: string },
  pageOrigin: string | undefined,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { endpoint, signingHost } = values;
  if (endpoint !== undefined) {
    const problem = checkServiceEndpoint(endpoint, service.service, pageOrigin);
    if (problem) problems.push({ field: fields.endpoint, expected: problem });
  }
  if (signingHost !== undefined && (typeof signingHost !== 'string' || !isAwsServiceHost(signingHost, service.service))) {
    problems.push({
      field: fields.signingHost,
      expected: `an ${service.name} host: "${service.service}.<region>.amazonaws.com"`,
    });
  }
  if (signingHost !== undefined && endpoint === undefined) {
    problems.push({ field: fields.signingHost, expected: `only together with ${fields.endpoint}` });
  }
  return problems;
}

function checkAuth(auth: unknown, pageOrigin: string | undefined, customDomain: string | undefined): ConfigProblem[] {
  if (!isRecord(auth)) {
    return [{ field: 'Auth', expected: 'Amplify\'s Auth config: { "Cognito": { "identityPoolId": … } }' }];
  }
  const cognito = auth.Cognito;
  if (!isRecord(cognito)) {
    return [{ field: 'Auth.Cognito', expected: 'an object with at least identityPoolId' }];
  }
  const problems: ConfigProblem[] = [];
  const identityPoolId = cognito.identityPoolId;
  if (typeof identityPoolId !== 'string' || !IDENTITY_POOL_ID.test(identityPoolId)) {
    problems.push({
      field: 'Auth.Cognito.identityPoolId',
      expected: 'an identity pool ID such as "us-east-1:0a1b2c3d-…" (the dashboard gets AWS credentials from it)',
    });
  }
  if (cognito.allowGuestAccess !== undefined && typeof cognito.allowGuestAccess !== 'boolean') {
    problems.push({ field: 'Auth.Cognito.allowGuestAccess', expected: 'true or false' });
  }
  if (cognito.userPoolId !== undefined && (typeof cognito.userPoolId !== 'string' || !USER_POOL_ID.test(cognito.userPoolId))) {
    problems.push({ field: 'Auth.Cognito.userPoolId', expected: 'a user pool ID such as "us-east-1_AbC123"' });
  }
  if (
    cognito.userPoolClientId !== undefined &&
    (typeof cognito.userPoolClientId !== 'string' || !USER_POOL_CLIENT_ID.test(cognito.userPoolClientId))
  ) {
    problems.push({ field: 'Auth.Cognito.userPoolClientId', expected: 'an app client ID (letters and digits)' });
  }
  if ((cognito.userPoolId === undefined) !== (cognito.userPoolClientId === undefined)) {
    problems.push({
      field: cognito.userPoolId === undefined ? 'Auth.Cognito.userPoolId' : 'Auth.Cognito.userPoolClientId',
      expected: 'userPoolId and userPoolClientId together, or neither',
    });
  }
  if (cognito.loginWith !== undefined)
    problems.push(...checkLoginWith(cognito.loginWith, cognito.userPoolId !== undefined, customDomain));
  const services = { identityPoolEndpoint: 'cognito-identity', userPoolEndpoint: 'cognito-idp' } as const;
  for (const key of ['identityPoolEndpoint', 'userPoolEndpoint'] as const) {
    const value = cognito[key];
    if (value === undefined) continue;
    const problem = checkServiceEndpoint(value, services[key], pageOrigin);
    if (problem) problems.push({ field: `Auth.Cognito.${key}`, expected: problem });
  }
  return problems;
}

function isUrlList(value: unknown): boolean {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && checkEndpoint(item) === null)
  );
}

/** The Hosted UI's domain receives the code and the PKCE verifier: Cognito's own host, or the custom domain named on purpose. */
function isHostedUiDomain(domain: string, customDomain: string | undefined): boolean {
  return (
    COGNITO_HOSTED_UI_DOMAIN.test(domain) || (customDomain !== undefined && domain.toLowerCase() === customDomain.toLowerCase())
  );
}

/** `hostedUiCustomDomain` only beside a Hosted UI, and naming the same host as its `domain`. */
function checkCustomDomain(auth: unknown, customDomain: string): ConfigProblem[] {
  const oauth = (auth as { Cognito?: { loginWith?: { oauth?: unknown } } } | undefined)?.Cognito?.loginWith?.oauth;
  if (!isRecord(oauth)) {
    return [{ field: 'hostedUiCustomDomain', expected: 'only together with Auth.Cognito.loginWith.oauth (the Hosted UI)' }];
  }
  if (typeof oauth.domain === 'string' && oauth.domain.toLowerCase() !== customDomain.toLowerCase()) {
    return [
      {
        field: 'hostedUiCustomDomain',
        expected: 'the same host as Auth.Cognito.loginWith.oauth.domain (the custom domain of your Hosted UI)',
      },
    ];
  }
  return [];
}

function checkLoginWith(loginWith: unknown, hasUserPool: boolean, customDomain: string | undefined): ConfigProblem[] {
  const field = 'Auth.Cognito.loginWith';
  if (!isRecord(loginWith)) return [{ field, expected: 'an object such as { "email": true }' }];
  const problems: ConfigProblem[] = [];
  for (const key of ['username', 'email', 'phone'] as const) {
    if (loginWith[key] !== undefined && typeof loginWith[key] !== 'boolean') {
      problems.push({ field: `${field}.${key}`, expected: 'true or false' });
    }
  }
  const oauth = loginWith.oauth;
  if (oauth === undefined) return problems;
  if (!isRecord(oauth)) return [...problems, { field: `${field}.oauth`, expected: "Amplify's Hosted UI settings" }];
  if (!hasUserPool)
    problems.push({ field: `${field}.oauth`, expected: 'a user pool (userPoolId and userPoolClientId) to sign in to' });
  if (typeof oauth.domain !== 'string') {
    problems.push({
      field: `${field}.oauth.domain`,
      expected: 'the Hosted UI domain, e.g. "myapp.auth.us-east-1.amazoncognito.com"',
    });
  } else if (!isHostedUiDomain(oauth.domain, customDomain)) {
    problems.push({
      field: `${field}.oauth.domain`,
      expected:
        'a Cognito Hosted UI domain "<prefix>.auth.<region>.amazoncognito.com", or a custom domain named the same in hostedUiCustomDomain',
    });
  }
  if (!Array.isArray(oauth.scopes) || !oauth.scopes.every((scope) => typeof scope === 'string')) {
    problems.push({ field: `${field}.oauth.scopes`, expected: 'a list of scopes such as ["openid", "email"]' });
  }
  for (const key of ['redirectSignIn', 'redirectSignOut'] as const) {
    if (!isUrlList(oauth[key]))
      problems.push({ field: `${field}.oauth.${key}`, expected: 'a list of https:// URLs of this dashboard' });
  }
  if (oauth.responseType !== 'code') {
    problems.push({ field: `${field}.oauth.responseType`, expected: '"code" (authorization code with PKCE)' });
  }
  return problems;
}
