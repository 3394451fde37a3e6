/**
 * The Hosted UI: /oauth2/authorize and /login (a plain sign-in form that redirects with a code),
 * /logout, /oauth2/token (authorization_code with PKCE, refresh_token) and /oauth2/revoke.
 */
import { bytesToBase64Url, safeEqual, sha256 } from '../jwt';
import { checkPassword } from './authFlows';
import { htmlPage, loginForm } from './hostedUiPages';
import type { AuthCode } from './model';
import type { PoolState } from './state';
import { ADMIN_SCOPE, newSignIn, refresh } from './tokens';
import { oauthJson } from './wire';

const HOSTED_UI_SCOPE = `openid email profile ${ADMIN_SCOPE}`;
const AUTH_CODE_LIFETIME_MS = 5 * 60 * 1000;

const OPERATIONS: Record<string, string> = {
  '/oauth2/authorize': 'OAuth2Authorize',
  '/login': 'Login',
  '/logout': 'Logout',
  '/oauth2/token': 'OAuth2Token',
  '/oauth2/revoke': 'OAuth2Revoke',
};

/** The operation name a Hosted UI path is recorded under, or undefined when it is not one. */
export function hostedUiOperation(pathname: string): string | undefined {
  return OPERATIONS[pathname];
}

export interface AuthorizationCodeOptions {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  region?: string;
}

/**
 * An authorization code as if `username` had just signed in on the Hosted UI. Given a PKCE
 * `codeChallenge` (S256), the exchange must present the matching code_verifier; given `clientId` or
 * `redirectUri`, the exchange must repeat them.
 */
export function issueAuthorizationCode(
  pool: PoolState,
  username: string,
  codeChallenge?: string,
  options: AuthorizationCodeOptions = {},
): string {
  const user = pool.find(username);
  if (!user) throw new Error(`No simulated user ${username}`);
  pool.prune();
  const code = crypto.randomUUID();
  const issued: AuthCode = {
    username: user.username,
    region: options.region ?? pool.defaultRegion,
    scope: options.scope ?? HOSTED_UI_SCOPE,
    expiresAt: pool.now() + AUTH_CODE_LIFETIME_MS,
  };
  if (codeChallenge) issued.codeChallenge = codeChallenge;
  if (options.clientId) issued.clientId = options.clientId;
  if (options.redirectUri) issued.redirectUri = options.redirectUri;
  pool.codes.set(code, issued);
  return code;
}

export async function handleHostedUi(
  pool: PoolState,
  request: Request,
  url: URL,
  hostRegion: string | undefined,
): Promise<Response> {
  const region = hostRegion ?? pool.defaultRegion;
  const method = request.method.toUpperCase();
  switch (url.pathname) {
    case '/oauth2/token':
      return method === 'POST' ? tokenEndpoint(pool, request) : oauthJson(405, { error: 'invalid_request' });
    case '/oauth2/revoke':
      return method === 'POST' ? revokeEndpoint(pool, request) : oauthJson(405, { error: 'invalid_request' });
    case '/oauth2/authorize':
    case '/login':
      return loginPage(pool, request, url, region);
    case '/logout': {
      const logoutUri = url.searchParams.get('logout_uri');
      if (!logoutUri) return htmlPage(400, 'Required String parameter logout_uri is not present');
      return new Response(null, { status: 302, headers: { location: logoutUri } });
    }
    default:
      return htmlPage(404, 'Not found');
  }
}

async function form(request: Request): Promise<URLSearchParams | undefined> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded'))
    return undefined;
  return new URLSearchParams(await request.text());
}

async function tokenEndpoint(pool: PoolState, request: Request): Promise<Response> {
  const params = await form(request);
  if (!params) return oauthJson(400, { error: 'invalid_request' });
  const clientId = params.get('client_id');
  if (!clientId) return oauthJson(400, { error: 'invalid_request' });
  if (!pool.knowsClient(clientId)) return oauthJson(400, { error: 'invalid_client' });
  const grant = params.get('grant_type');
  if (grant === 'authorization_code') {
    const code = pool.codes.get(params.get('code') ?? '');
    if (!code) return oauthJson(400, { error: 'invalid_grant' });
    pool.codes.delete(params.get('code') ?? '');
    if (code.expiresAt <= pool.now()) return oauthJson(400, { error: 'invalid_grant' });
    if (code.clientId && code.clientId !== clientId) return oauthJson(400, { error: 'invalid_grant' });
    if (code.redirectUri && code.redirectUri !== params.get('redirect_uri')) return oauthJson(400, { error: 'invalid_grant' });
    if (code.codeChallenge) {
      const verifier = params.get('code_verifier');
      if (!verifier || !safeEqual(bytesToBase64Url(await sha256(verifier)), code.codeChallenge)) {
        return oauthJson(400, { error: 'invalid_grant' });
      }
    }
    const user = pool.find(code.username);
    if (!user) return oauthJson(400, { error: 'invalid_grant' });
    const tokens = await newSignIn(pool, user, { clientId, region: code.region }, code.scope);
    return oauthJson(200, {
      id_token: tokens.IdToken,
      access_token: tokens.AccessToken,
      refresh_token: tokens.RefreshToken,
      expires_in: tokens.ExpiresIn,
      token_type: 'Bearer',
    });
  }
  if (grant === 'refresh_token') {
    const tokens = await refresh(pool, params.get('refresh_token') ?? '', clientId);
    if (tokens instanceof Response) return oauthJson(400, { error: 'invalid_grant' });
    return oauthJson(200, {
      id_token: tokens.IdToken,
      access_token: tokens.AccessToken,
      expires_in: tokens.ExpiresIn,
      token_type: 'Bearer',
    });
  }
  return oauthJson(400, { error: 'unsupported_grant_type' });
}

async function revokeEndpoint(pool: PoolState, request: Request): Promise<Response> {
  const params = await form(request);
  const clientId = params?.get('client_id');
  const token = params?.get('token');
  if (!params || !clientId || !token) return oauthJson(400, { error: 'invalid_request' });
  const claims = await pool.signer.openOpaque(token);
  if (!claims || claims.token_use !== 'refresh') return oauthJson(400, { error: 'unsupported_token_type' });
  if (claims.client_id !== clientId) return oauthJson(400, { error: 'invalid_request' });
  pool.revokedOrigins.add(String(claims.origin_jti));
  return new Response(null, { status: 200 });
}

/**
 * A plain sign-in form. It signs in users who need no further step (no new password, no MFA) and
 * redirects to redirect_uri with a code; anything else is reported on the page.
 */
async function loginPage(pool: PoolState, request: Request, url: URL, region: string): Promise<Response> {
  const q = url.searchParams;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!clientId || !pool.knowsClient(clientId)) {
    return htmlPage(400, 'An error was encountered with the requested page: invalid client_id.');
  }
  if (!redirectUri) return htmlPage(400, 'An error was encountered with the requested page: redirect_uri is missing.');
  const redirectError = (error: string, description?: string): Response => {
    const target = new URL(redirectUri);
    target.searchParams.set('error', error);
    if (description) target.searchParams.set('error_description', description);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return new Response(null, { status: 302, headers: { location: target.toString() } });
  };
  if (q.get('response_type') !== 'code') return redirectError('unsupported_response_type');
  const provider = q.get('identity_provider');
  if (provider !== null && provider !== 'COGNITO') {
    return redirectError('invalid_request', `The simulated Hosted UI has no identity provider ${provider}`);
  }
  const method = q.get('code_challenge_method');
  if (q.get('code_challenge') !== null && method !== 'S256')
    return redirectError('invalid_request', 'code_challenge_method must be S256');
  if (q.get('prompt') === 'none') return redirectError('login_required');

  if (request.method.toUpperCase() !== 'POST') return loginForm(url.search, q.get('login_hint') ?? '');
  const posted = (await form(request)) ?? new URLSearchParams();
  const username = posted.get('username') ?? '';
  const user = pool.find(username);
  const again = (message: string) => loginForm(url.search, username, message);
  if (!user) return again('Incorrect username or password.');
  if (user.state === 'reset-required') return again('Password reset required for the user');
  const refused = checkPassword(pool, user, posted.get('password') ?? '');
  if (refused) return again(((await refused.json()) as { message: string }).message);
  if (user.state === 'unconfirmed') return again('User is not confirmed.');
  if (user.state === 'force-change-password' || user.mfa) {
    return again(
      `${user.username} needs ${user.mfa ? 'an MFA code' : 'a new password'} to sign in, which this simulated Hosted UI does not ask for. Use a user without further steps.`,
    );
  }
  const code = issueAuthorizationCode(pool, user.username, q.get('code_challenge') ?? undefined, {
    clientId,
    redirectUri,
    scope: q.get('scope') ?? HOSTED_UI_SCOPE,
    region,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = q.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return new Response(null, { status: 302, headers: { location: target.toString() } });
}
