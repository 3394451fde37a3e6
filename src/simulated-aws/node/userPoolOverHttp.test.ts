/**
 * The user pool over the loopback HTTP server the end-to-end suite uses: Amplify pointed at it with
 * `userPoolEndpoint`/`identityPoolEndpoint` (requests arrive as `POST /` with x-amz-target), the CORS
 * preflights a browser would send for exactly those requests, and the `/__sim/*` control routes.
 */
import { fetchAuthSession, signIn, signOut } from '@aws-amplify/auth';
import { ConsoleLogger, clearCredentials } from '@aws-amplify/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureAuth } from '../../shared/aws/credentials';
import { appConfigFor } from '../../test/appConfigFor';
import { server as mswServer } from '../../test/server';
import { DEMO_PASSWORD, DEMO_USER_POOL_CLIENT_ID, DEMO_USER_POOL_ID } from '../demoUsers';
import { startSimServer, type SimServer } from './httpServer';

const IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';
const APP_ORIGIN = 'http://127.0.0.1:4173';

let simServer: SimServer;
const sent: Request[] = [];
const onRequest = ({ request }: { request: Request }) => {
  if (request.url.startsWith(simServer.origin) && request.method !== 'OPTIONS') sent.push(request.clone());
};

beforeAll(async () => {
  // Amplify warns about custom endpoints on every configure; that is the point here.
  ConsoleLogger.LOG_LEVEL = 'ERROR';
  simServer = await startSimServer({ port: 0 });
  mswServer.events.on('request:start', onRequest);
});

afterAll(async () => {
  mswServer.events.removeListener('request:start', onRequest);
  await simServer.close();
});

afterEach(async () => {
  await clearCredentials();
  window.localStorage.clear();
  window.sessionStorage.clear();
  simServer.sim.reset();
  sent.length = 0;
});

function configure(): void {
  // The app's own wiring, so these tests exercise what the dashboard does.
  configureAuth(
    appConfigFor({
      userPoolId: DEMO_USER_POOL_ID,
      userPoolClientId: DEMO_USER_POOL_CLIENT_ID,
      identityPoolId: IDENTITY_POOL_ID,
      allowGuestAccess: true,
      userPoolEndpoint: simServer.origin,
      identityPoolEndpoint: simServer.origin,
    }),
  );
}

async function control(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${simServer.origin}/__sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function api(target: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simServer.origin}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the user pool over loopback HTTP', () => {
  it("serves Amplify's sign-in (password and SRP), session and sign-out at POST /", async () => {
    configure();
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload['cognito:username']).toBe('demo');
    expect(simServer.sim.credentialsIdentity(session.credentials?.accessKeyId ?? '')?.authenticated).toBe(true);
    await signOut();
    await signIn({ username: 'demo', password: DEMO_PASSWORD });
    await signOut();

    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get('x-amz-target')}`)).toEqual([
      'POST / AWSCognitoIdentityProviderService.InitiateAuth',
      'POST / AWSCognitoIdentityService.GetId',
      'POST / AWSCognitoIdentityService.GetCredentialsForIdentity',
      'POST / AWSCognitoIdentityProviderService.RevokeToken',
      'POST / AWSCognitoIdentityProviderService.InitiateAuth',
      'POST / AWSCognitoIdentityProviderService.RespondToAuthChallenge',
      'POST / AWSCognitoIdentityProviderService.RevokeToken',
    ]);
    const counts = await fetch(`${simServer.origin}/__sim/count?service=cognito-idp&operation=RevokeToken`);
    expect(await counts.json()).toEqual({ count: 2 });
  });

  it('passes the CORS preflight for exactly the headers Amplify sends, and exposes the error headers', async () => {
    configure();
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    await fetchAuthSession();
    expect(sent.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const request of sent) request.headers.forEach((_, name) => names.add(name));
    // What makes these requests "non-simple" in a browser.
    expect([...names]).toEqual(expect.arrayContaining(['content-type', 'x-amz-target', 'x-amz-user-agent', 'cache-control']));
    expect(sent[0]?.headers.get('content-type')).toBe('application/x-amz-json-1.1');

    const requested = [...names]
      .filter((n) => !['accept', 'accept-language', 'content-language'].includes(n))
      .sort()
      .join(',');
    const preflight = await fetch(`${simServer.origin}/`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')?.split(',')).toContain('POST');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    for (const name of requested.split(',')) expect(allowed).toContain(name);

    const refused = await api('AWSCognitoIdentityProviderService.InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'demo', PASSWORD: 'wrong' },
    });
    expect(refused).toEqual({
      status: 400,
      body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
    const raw = await fetch(`${simServer.origin}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: '{"AccessToken":"x"}',
    });
    expect(raw.headers.get('access-control-allow-origin')).toBe('*');
    expect(raw.headers.get('access-control-expose-headers')).toMatch(/x-amzn-ErrorType/);
  });

  it('/__sim/users, /__sim/oauth-code and the token endpoint on the loopback origin', async () => {
    expect(
      await control('users', { username: 'e2e-user-1', password: 'E2e-password-1', email: 'e2e@example.com' }),
    ).toMatchObject({ ok: true });
    const verifier = 'x'.repeat(50);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const challenge = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const { code } = await control('oauth-code', { username: 'e2e-user-1', codeChallenge: challenge });
    expect(typeof code).toBe('string');
    expect(await control('oauth-code', { username: 'nobody' })).toEqual({ message: 'No simulated user nobody' });

    const exchanged = await fetch(`${simServer.origin}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: String(code),
        code_verifier: verifier,
        client_id: 'anyclient',
        redirect_uri: `${APP_ORIGIN}/`,
      }),
    });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as Record<string, string>;
    const idClaims = JSON.parse(
      atob((tokens.id_token ?? '').split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? ''),
    ) as Record<string, unknown>;
    expect(idClaims).toMatchObject({ 'cognito:username': 'e2e-user-1', aud: 'anyclient', email: 'e2e@example.com' });
  });

  it('/__sim/revoke-refresh-tokens and /__sim/expire-access-tokens', async () => {
    const signedIn = await api('AWSCognitoIdentityProviderService.InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'demo', PASSWORD: DEMO_PASSWORD },
    });
    const result = signedIn.body.AuthenticationResult as Record<string, string>;
    const refresh = () =>
      api('AWSCognitoIdentityProviderService.GetTokensFromRefreshToken', {
        ClientId: DEMO_USER_POOL_CLIENT_ID,
        RefreshToken: result.RefreshToken,
      });
    const getId = (idToken: string) =>
      api('AWSCognitoIdentityService.GetId', {
        IdentityPoolId: IDENTITY_POOL_ID,
        Logins: { [`cognito-idp.us-east-1.amazonaws.com/${DEMO_USER_POOL_ID}`]: idToken },
      });

    expect((await getId(result.IdToken ?? '')).status).toBe(200);
    expect(await control('expire-access-tokens')).toEqual({ ok: true });
    expect((await getId(result.IdToken ?? '')).body.message).toMatch(/^Invalid login token\. Token expired/);
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect((await getId(String((refreshed.body.AuthenticationResult as Record<string, string>).IdToken))).status).toBe(200);

    expect(await control('revoke-refresh-tokens')).toEqual({ ok: true });
    expect((await refresh()).body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('serves the simulated Hosted UI pages', async () => {
    const query = new URLSearchParams({
      client_id: 'anyclient',
      redirect_uri: `${APP_ORIGIN}/`,
      response_type: 'code',
      scope: 'openid email',
      state: 'abc-xyz',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    });
    const page = await fetch(`${simServer.origin}/oauth2/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form method="post" action="/login?');
    const login = await fetch(`${simServer.origin}/login?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'demo', password: DEMO_PASSWORD }),
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${APP_ORIGIN}/`);
    expect(location.searchParams.get('state')).toBe('abc-xyz');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/);

    const logout = await fetch(
      `${simServer.origin}/logout?client_id=anyclient&logout_uri=${encodeURIComponent(`${APP_ORIGIN}/`)}`,
      { redirect: 'manual' },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${APP_ORIGIN}/`);
  });
});
