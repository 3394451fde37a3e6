import { isAmplifyBackendRegion, type AmplifyBackendRegion } from './regions';

/** The part of Amplify's `ResourcesConfig.Auth` this dashboard reads; the rest passes through untouched. */
export interface CognitoAuthConfig {
  Cognito: {
    identityPoolId: string;
    allowGuestAccess?: boolean;
    userPoolId?: string;
    userPoolClientId?: string;
    identityPoolEndpoint?: string;
    userPoolEndpoint?: string;
    [key: string]: unknown;
  };
}

export interface AppConfig {
  /** True when the dashboard runs against the simulated AWS inside the page. */
  demo: boolean;
  region: AmplifyBackendRegion;
  Auth: CognitoAuthConfig;
  pollIntervalSeconds: number;
  /** Replaces `https://amplifybackend.<region>.amazonaws.com` (a same-origin proxy or an emulator). */
  amplifyBackendEndpoint?: string;
  /** The host to sign for when `amplifyBackendEndpoint` is a proxy. */
  signingHost?: string;
}

export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. `Auth.Cognito.identityPoolId`. */
  field: string;
  /** What the field should hold, in words. */
  expected: string;
}

export type ConfigParseResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 300;

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const USER_POOL_CLIENT_ID = /^[0-9A-Za-z]{1,128}$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;

const KNOWN_FIELDS = new Set([
  'demo',
  'region',
  'Auth',
  'pollIntervalSeconds',
  'amplifyBackendEndpoint',
  'signingHost',
  // Read by later screens; accepted here so one config file serves every version.
  'authFlowType',
  'tokenStorage',
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
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'an https:// URL (http:// only for localhost)';
  }
  if (url.username || url.password) return 'a URL without user name or password';
  if (url.search || url.hash) return 'a URL without query or fragment';
  return null;
}

/**
 * Parses the runtime config once, at start. Every problem is reported with the field it concerns,
 * so a person fixing `config.json` sees all of them at once.
 */
export function parseAppConfig(raw: unknown): ConfigParseResult {
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
  if (endpoint !== undefined) {
    const problem = typeof endpoint === 'string' ? checkEndpoint(endpoint) : 'an absolute https:// URL';
    if (problem) problems.push({ field: 'amplifyBackendEndpoint', expected: problem });
  }

  const signingHost = raw.signingHost;
  if (signingHost !== undefined && (typeof signingHost !== 'string' || !HOST.test(signingHost))) {
    problems.push({ field: 'signingHost', expected: 'a host name such as "amplifybackend.us-east-1.amazonaws.com"' });
  }
  if (signingHost !== undefined && endpoint === undefined) {
    problems.push({ field: 'signingHost', expected: 'only together with amplifyBackendEndpoint' });
  }

  problems.push(...checkAuth(raw.Auth));

  if (problems.length > 0) return { ok: false, problems };
  const config: AppConfig = {
    demo: demo as boolean,
    region: region as AmplifyBackendRegion,
    Auth: raw.Auth as CognitoAuthConfig,
    pollIntervalSeconds: pollIntervalSeconds as number,
  };
  if (typeof endpoint === 'string') config.amplifyBackendEndpoint = endpoint.replace(/\/+$/, '');
  if (typeof signingHost === 'string') config.signingHost = signingHost.toLowerCase();
  return { ok: true, config };
}

function checkAuth(auth: unknown): ConfigProblem[] {
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
  for (const key of ['identityPoolEndpoint', 'userPoolEndpoint'] as const) {
    const value = cognito[key];
    if (value === undefined) continue;
    const problem = typeof value === 'string' ? checkEndpoint(value) : 'an absolute https:// URL';
    if (problem) problems.push({ field: `Auth.Cognito.${key}`, expected: problem });
  }
  return problems;
}
