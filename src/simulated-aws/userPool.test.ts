/**
 * The simulated Cognito user pool, driven by the real Amplify client (auth 6.21 / core 6.19) through
 * the global MSW server and its `sim` (src/test/server.ts, reset after every test).
 */
import {
  confirmResetPassword,
  confirmSignIn,
  fetchAuthSession,
  resetPassword,
  signIn,
  signInWithRedirect,
  signOut,
} from '@aws-amplify/auth';
import { Hub, clearCredentials, decodeJWT } from '@aws-amplify/core';
import { Sha256 } from '@aws-crypto/sha256-browser';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureAuth } from '../shared/aws/credentials';
import { appConfigFor } from '../test/appConfigFor';
import { sim } from '../test/server';
import {
  DEMO_CODE,
  DEMO_OAUTH_DOMAIN,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_USER_POOL_CLIENT_ID,
  DEMO_USER_POOL_ID,
} from './demoUsers';
import { bytesToBase64Url, sha256 } from './jwt';

const IDENTITY_POOL_ID = 'us-east-1:5e5e5e5e-1111-4222-8333-444444444444';
const PASSWORD_AUTH = { authFlowType: 'USER_PASSWORD_AUTH' } as const;

type CognitoConfig = Record<string, unknown>;

function configure(cognito: CognitoConfig = {}): void {
  // The app's own wiring, so these tests exercise what the dashboard does.
  configureAuth(
    appConfigFor({
      userPoolId: DEMO_USER_POOL_ID,
      userPoolClientId: DEMO_USER_POOL_CLIENT_ID,
      identityPoolId: IDENTITY_POOL_ID,
      allowGuestAccess: true,
      ...cognito,
    }),
  );
}

function idpCount(operation: string): number {
  return sim.count({ service: 'cognito-idp', operation });
}

function hubEvents(): { events: string[]; payloads: { event: string; data?: unknown }[]; stop: () => void } {
  const events: string[] = [];
  const payloads: { event: string; data?: unknown }[] = [];
  const stop = Hub.listen('auth', ({ payload }) => {
    events.push(payload.event);
    payloads.push(payload);
  });
  return { events, payloads, stop };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** GetBackendJob signed with the credentials, as the app's signed fetch would send it. */
async function signedJobRequest(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  sim.jobs.put({ appId: 'app1', envName: 'dev', jobId: 'job-1', steps: [{ status: 'RUNNING', atMs: 0 }] });
  const url = new URL('https://amplifybackend.us-east-1.amazonaws.com/backend/app1/job/dev/job-1');
  const signer = new SignatureV4({ service: 'amplifybackend', region: 'us-east-1', credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'https:',
    hostname: url.hostname,
    path: url.pathname,
    headers: { host: url.hostname },
    query: {},
  });
  const headers = { ...signed.headers };
  delete headers.host;
  return fetch(url, { headers });
}

function storedRefreshToken(username: string): string {
  const value = window.sessionStorage.getItem(
    `CognitoIdentityServiceProvider.${DEMO_USER_POOL_CLIENT_ID}.${username}.refreshToken`,
  );
  if (!value) throw new Error('no refresh token stored');
  return value;
}

/** Calls the user pool API directly (what Amplify would send), for checks Amplify cannot make. */
async function idp(operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeEach(() => {
  configure();
});

afterEach(async () => {
  vi.useRealTimers();
  await clearCredentials();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

describe('USER_PASSWORD_AUTH', () => {
  it('signs in, and fetchAuthSession gives Cognito-shaped tokens and authenticated credentials the SigV4 check accepts', async () => {
    const hub = hubEvents();
    const result = await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    // Amplify reads the user back from the ID token right after sign-in (getCurrentUser).
    expect(hub.payloads).toContainEqual({
      event: 'signedIn',
      data: expect.objectContaining({ username: 'demo', userId: DEMO_USERS[0]?.sub }) as unknown,
    });
    hub.stop();

    const session = await fetchAuthSession();
    const access = session.tokens?.accessToken.payload ?? {};
    const id = session.tokens?.idToken?.payload ?? {};
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${DEMO_USER_POOL_ID}`;
    expect(access).toMatchObject({
      sub: DEMO_USERS[0]?.sub,
      iss,
      client_id: DEMO_USER_POOL_CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'demo',
    });
    for (const claim of ['origin_jti', 'event_id', 'jti']) expect(typeof access[claim]).toBe('string');
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(access.auth_time).toBe(access.iat);
    expect(id).toMatchObject({
      sub: DEMO_USERS[0]?.sub,
      iss,
      aud: DEMO_USER_POOL_CLIENT_ID,
      'cognito:username': 'demo',
      email: 'demo@example.com',
      token_use: 'id',
    });
    const header = JSON.parse(atob(String(session.tokens?.accessToken).split('.')[0] ?? '')) as Record<string, string>;
    expect(header.alg).toBe('HS256');

    expect(session.userSub).toBe(DEMO_USERS[0]?.sub);
    expect(session.credentials?.accessKeyId).toMatch(/^ASIA/);
    expect(sim.credentialsIdentity(session.credentials?.accessKeyId ?? '')).toEqual({
      identityId: session.identityId,
      authenticated: true,
    });
    const response = await signedJobRequest(session.credentials!);
    expect(response.status).toBe(200);
    expect(idpCount('InitiateAuth')).toBe(1);
    expect(sim.count({ service: 'cognito-identity', operation: 'GetId' })).toBe(1);
    expect(sim.count({ service: 'cognito-identity', operation: 'GetCredentialsForIdentity' })).toBe(1);
  });

  it('gives each user one authenticated identity, the same at every sign-in, also when a guest identity came first', async () => {
    const guest = await fetchAuthSession();
    expect(guest.tokens).toBeUndefined();
    expect(guest.credentials).toBeDefined();
    expect(sim.credentialsIdentity(guest.credentials?.accessKeyId ?? '')?.authenticated).toBe(false);

    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const first = await fetchAuthSession();
    // Amplify sends the stored guest identity with the login; Cognito answers with the user's identity.
    expect(first.identityId).not.toBe(guest.identityId);
    expect(sim.credentialsIdentity(first.credentials?.accessKeyId ?? '')).toEqual({
      identityId: first.identityId,
      authenticated: true,
    });

    await signOut();
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const second = await fetchAuthSession();
    expect(second.identityId).toBe(first.identityId);
  });

  it('gives authenticated credentials even when the identity pool refuses guests', async () => {
    sim.guestAccess = false;
    configure({ allowGuestAccess: false });
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const session = await fetchAuthSession();
    expect(session.credentials).toBeDefined();
    expect((await signedJobRequest(session.credentials!)).status).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same NotAuthorizedException', async () => {
    const wrong = await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1', options: PASSWORD_AUTH }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const unknown = await errorOf(signIn({ username: 'nobody', password: DEMO_PASSWORD, options: PASSWORD_AUTH }));
    expect(unknown).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(idpCount('InitiateAuth')).toBe(2);
    expect(sim.records.filter((r) => r.service === 'cognito-idp').map((r) => r.status)).toEqual([400, 400]);
  });

  it('locks a user out after 5 wrong passwords in a row: then even the right one gets "Password attempts exceeded"', async () => {
    for (let i = 0; i < 5; i += 1) {
      const error = await errorOf(signIn({ username: 'demo', password: `Wrong-password-${i}`, options: PASSWORD_AUTH }));
      expect(error.message).toBe('Incorrect username or password.');
    }
    const locked = await errorOf(signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH }));
    expect(locked).toMatchObject({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    expect(sim.userPool.user('demo')?.lockedUntil).toBeGreaterThan(Date.now());
  });

  it('a right password resets the count of wrong ones', async () => {
    for (let i = 0; i < 4; i += 1)
      await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1', options: PASSWORD_AUTH }));
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    await signOut();
    await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1', options: PASSWORD_AUTH }));
    expect(await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH })).toMatchObject({
      isSignedIn: true,
    });
  });

  it('accepts the email as an alias and signs in as the user it belongs to', async () => {
    await signIn({ username: 'demo@example.com', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload['cognito:username']).toBe('demo');
  });

  it('answers an unconfirmed user with CONFIRM_SIGN_UP (UserNotConfirmedException), a wrong password still with NotAuthorized', async () => {
    expect(await signIn({ username: 'unconfirmed', password: DEMO_PASSWORD, options: PASSWORD_AUTH })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_UP' },
    });
    const wrong = await errorOf(signIn({ username: 'unconfirmed', password: 'Wrong-password-1', options: PASSWORD_AUTH }));
    expect(wrong.name).toBe('NotAuthorizedException');
    const raw = await idp('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'unconfirmed', PASSWORD: DEMO_PASSWORD },
    });
    expect(raw).toEqual({ status: 400, body: { __type: 'UserNotConfirmedException', message: 'User is not confirmed.' } });
  });
});

describe('password reset', () => {
  it('reset required → resetPassword → confirmResetPassword (code 123456) → sign in with the new password', async () => {
    expect(await signIn({ username: 'reset', password: DEMO_PASSWORD, options: PASSWORD_AUTH })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'RESET_PASSWORD' },
    });
    const raw = await idp('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'reset', PASSWORD: DEMO_PASSWORD },
    });
    expect(raw.body).toEqual({ __type: 'PasswordResetRequiredException', message: 'Password reset required for the user' });

    const started = await resetPassword({ username: 'reset' });
    expect(started).toEqual({
      isPasswordReset: false,
      nextStep: {
        resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'r***@e***', attributeName: 'email' },
      },
    });
    const wrongCode = await errorOf(
      confirmResetPassword({ username: 'reset', confirmationCode: '000000', newPassword: 'Fresh-password-9' }),
    );
    expect(wrongCode).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    const weak = await errorOf(confirmResetPassword({ username: 'reset', confirmationCode: DEMO_CODE, newPassword: 'short1' }));
    expect(weak).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    const noDigit = await errorOf(
      confirmResetPassword({ username: 'reset', confirmationCode: DEMO_CODE, newPassword: 'no-digits-here' }),
    );
    expect(noDigit.message).toBe('Password does not conform to policy: Password must have numeric characters');
    await confirmResetPassword({ username: 'reset', confirmationCode: DEMO_CODE, newPassword: 'Fresh-password-9' });

    expect(sim.userPool.user('reset')?.state).toBe('confirmed');
    expect(await signIn({ username: 'reset', password: 'Fresh-password-9', options: PASSWORD_AUTH })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    expect(idpCount('ForgotPassword')).toBe(1);
    expect(idpCount('ConfirmForgotPassword')).toBe(4);
  });

  it('a confirmation without a code having been sent is refused, and 5 wrong codes hit LimitExceededException', async () => {
    const early = await errorOf(
      confirmResetPassword({ username: 'demo', confirmationCode: DEMO_CODE, newPassword: 'Fresh-password-9' }),
    );
    expect(early.name).toBe('ExpiredCodeException');
    await resetPassword({ username: 'demo' });
    for (let i = 0; i < 5; i += 1) {
      const error = await errorOf(
        confirmResetPassword({ username: 'demo', confirmationCode: '999999', newPassword: 'Fresh-password-9' }),
      );
      expect(error.name).toBe('CodeMismatchException');
    }
    const limited = await errorOf(
      confirmResetPassword({ username: 'demo', confirmationCode: DEMO_CODE, newPassword: 'Fresh-password-9' }),
    );
    expect(limited).toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });

  it('answers ForgotPassword for an unknown user as if the code had gone out', async () => {
    const started = await resetPassword({ username: 'nobody' });
    expect(started.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
  });
});

describe('challenges', () => {
  it('NEW_PASSWORD_REQUIRED: confirmSignIn with a new password that meets the policy', async () => {
    const step = await signIn({ username: 'newpass', password: 'Temp-password-1', options: PASSWORD_AUTH });
    expect(step).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] },
    });
    const weak = await errorOf(confirmSignIn({ challengeResponse: 'password' }));
    expect(weak).toMatchObject({ name: 'InvalidPasswordException' });
    expect(await confirmSignIn({ challengeResponse: 'Chosen-password-2' })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    expect(sim.userPool.user('newpass')).toMatchObject({ state: 'confirmed', password: 'Chosen-password-2' });
    expect((await fetchAuthSession()).tokens?.idToken?.payload['cognito:username']).toBe('newpass');
  });

  it('SOFTWARE_TOKEN_MFA: a wrong code is CodeMismatchException and the session stays usable; 123456 signs in', async () => {
    const step = await signIn({ username: 'mfa', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(step).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
    const wrong = await errorOf(confirmSignIn({ challengeResponse: '000000' }));
    expect(wrong).toMatchObject({ name: 'CodeMismatchException' });
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(idpCount('RespondToAuthChallenge')).toBe(2);
    expect((await fetchAuthSession()).credentials).toBeDefined();
  });

  it('SMS_MFA: tells where the code went', async () => {
    sim.userPool.putUser({ username: 'texter', password: DEMO_PASSWORD, phoneNumber: '+15555550199', mfa: 'SMS' });
    const step = await signIn({ username: 'texter', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(step).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0199' },
      },
    });
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
  });

  it('EMAIL_OTP: tells where the code went', async () => {
    sim.userPool.putUser({ username: 'mailer', password: DEMO_PASSWORD, email: 'mailer@example.org', mfa: 'EMAIL' });
    const step = await signIn({ username: 'mailer', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(step).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'm***@e***' },
      },
    });
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
  });

  it('SELECT_MFA_TYPE: the user picks TOTP, then answers it', async () => {
    sim.userPool.putUser({ username: 'chooser', password: DEMO_PASSWORD, email: 'chooser@example.com', mfa: 'SELECT' });
    const step = await signIn({ username: 'chooser', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(step).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP', 'EMAIL'] },
    });
    expect(await confirmSignIn({ challengeResponse: 'TOTP' })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' },
    });
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
  });

  it('SELECT_MFA_TYPE: the user picks SMS', async () => {
    sim.userPool.putUser({ username: 'chooser', password: DEMO_PASSWORD, mfa: 'SELECT' });
    const step = await signIn({ username: 'chooser', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect(step.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] });
    expect((await confirmSignIn({ challengeResponse: 'SMS' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
  });

  it('a new password followed by MFA: both steps in turn', async () => {
    sim.userPool.putUser({ username: 'both', password: 'Temp-password-1', state: 'force-change-password', mfa: 'TOTP' });
    await signIn({ username: 'both', password: 'Temp-password-1', options: PASSWORD_AUTH });
    expect((await confirmSignIn({ challengeResponse: 'Chosen-password-2' })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
  });

  it('an expired challenge session is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await signIn({ username: 'mfa', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    vi.setSystemTime(Date.now() + 3 * 60 * 1000 + 1);
    const expired = await errorOf(confirmSignIn({ challengeResponse: DEMO_CODE }));
    expect(expired).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });
});

describe("USER_SRP_AUTH (Amplify's default flow)", () => {
  it("signs in through PASSWORD_VERIFIER with Amplify's own SRP client", async () => {
    expect(await signIn({ username: 'demo', password: DEMO_PASSWORD })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    expect(idpCount('InitiateAuth')).toBe(1);
    expect(idpCount('RespondToAuthChallenge')).toBe(1);
    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.payload.username).toBe('demo');
    expect((await signedJobRequest(session.credentials!)).status).toBe(200);
  });

  it('refuses a wrong password, an unknown user and a client configured for another pool alike', async () => {
    const wrong = await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1' }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const unknown = await errorOf(signIn({ username: 'nobody', password: DEMO_PASSWORD }));
    expect(unknown).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    // The pool name is part of the SRP proof, and Amplify never sends it: a client configured for
    // another pool proves nothing here (the password flow does not care).
    configure({ userPoolId: 'us-east-1_SomeOtherPool' });
    const otherPool = await errorOf(signIn({ username: 'demo', password: DEMO_PASSWORD }));
    expect(otherPool.name).toBe('NotAuthorizedException');
    expect(await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH })).toMatchObject({
      isSignedIn: true,
    });
    // Four sign-ins, three of them SRP's big-number arithmetic on both sides: seconds of CPU on a busy
    // two-core machine. A limit on how long the test may take, not a wait.
  }, 20_000);

  it('goes on to the same challenges as the password flow', async () => {
    expect((await signIn({ username: 'mfa', password: DEMO_PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
    expect(await confirmSignIn({ challengeResponse: DEMO_CODE })).toMatchObject({ isSignedIn: true });
    await signOut();
    expect((await signIn({ username: 'reset', password: DEMO_PASSWORD })).nextStep.signInStep).toBe('RESET_PASSWORD');
    expect((await signIn({ username: 'unconfirmed', password: DEMO_PASSWORD })).nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
  });

  it('counts wrong SRP proofs toward the lockout', async () => {
    for (let i = 0; i < 4; i += 1)
      await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1', options: PASSWORD_AUTH }));
    expect((await errorOf(signIn({ username: 'demo', password: 'Wrong-password-1' }))).message).toBe(
      'Incorrect username or password.',
    );
    const locked = await errorOf(signIn({ username: 'demo', password: DEMO_PASSWORD }));
    expect(locked.message).toBe('Password attempts exceeded');
  });
});

describe('refresh, revocation and sign-out', () => {
  it('refreshes with GetTokensFromRefreshToken once the access token has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const before = await fetchAuthSession();
    const hub = hubEvents();
    vi.setSystemTime(Date.now() + 61 * 60 * 1000);

    const after = await fetchAuthSession();
    hub.stop();
    expect(idpCount('GetTokensFromRefreshToken')).toBe(1);
    expect(hub.events).toContain('tokenRefresh');
    expect(after.tokens?.accessToken.toString()).not.toBe(before.tokens?.accessToken.toString());
    expect(Number(after.tokens?.accessToken.payload.exp)).toBeGreaterThan(Date.now() / 1000);
    // The refresh keeps the sign-in's origin_jti and auth_time.
    expect(after.tokens?.accessToken.payload.origin_jti).toBe(before.tokens?.accessToken.payload.origin_jti);
    expect(after.tokens?.accessToken.payload.auth_time).toBe(before.tokens?.accessToken.payload.auth_time);
    // A new ID token means new credentials, for the same identity.
    expect(sim.count({ service: 'cognito-identity', operation: 'GetCredentialsForIdentity' })).toBe(2);
    expect(after.identityId).toBe(before.identityId);
    expect((await signedJobRequest(after.credentials!)).status).toBe(200);
  });

  it('expireAccessTokens: the held ID token no longer gets credentials, a forced refresh does', async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    await fetchAuthSession();
    sim.expireAccessTokens();
    sim.expireAllCredentials();

    const forced = await fetchAuthSession({ forceRefresh: true });
    expect(idpCount('GetTokensFromRefreshToken')).toBe(1);
    expect((await signedJobRequest(forced.credentials!)).status).toBe(200);

    // Without the refresh, Cognito Identity refuses the old ID token.
    const stale = String(forced.tokens?.idToken);
    sim.expireAccessTokens();
    const response = await fetch('https://cognito-identity.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
      body: JSON.stringify({
        IdentityPoolId: IDENTITY_POOL_ID,
        Logins: { [`cognito-idp.us-east-1.amazonaws.com/${DEMO_USER_POOL_ID}`]: stale },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      __type: 'NotAuthorizedException',
      message: expect.stringMatching(/^Invalid login token\. Token expired: /) as unknown,
    });
  });

  it("revoked refresh token: tokens are dropped; Amplify then asks for guest credentials on the user's identity, which Cognito refuses", async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const signedIn = await fetchAuthSession();
    sim.revokeAllRefreshTokens();
    const hub = hubEvents();

    const error = await errorOf(fetchAuthSession({ forceRefresh: true }));
    hub.stop();
    const failure = hub.payloads.find((p) => p.event === 'tokenRefresh_failure');
    expect((failure?.data as { error: Error }).error).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    // Amplify keeps the authenticated identity ID in memory and asks for it without a login.
    expect(error).toMatchObject({
      name: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    expect(sim.records.filter((r) => r.service === 'cognito-identity').at(-1)).toMatchObject({
      operation: 'GetCredentialsForIdentity',
      status: 400,
    });

    // The way out: signOut() clears the identity too; then guest credentials come on a new identity.
    await signOut();
    const guest = await fetchAuthSession();
    expect(guest.tokens).toBeUndefined();
    expect(guest.identityId).not.toBe(signedIn.identityId);
    expect(sim.credentialsIdentity(guest.credentials?.accessKeyId ?? '')?.authenticated).toBe(false);
  });

  it('revoked refresh token without guest access: fetchAuthSession returns no tokens and no credentials', async () => {
    configure({ allowGuestAccess: false });
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    await fetchAuthSession();
    sim.revokeAllRefreshTokens();
    const session = await fetchAuthSession({ forceRefresh: true });
    expect(session.tokens).toBeUndefined();
    expect(session.credentials).toBeUndefined();
    // A later sign-in gets refresh tokens that work.
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeDefined();
  });

  it('signOut sends RevokeToken, after which the refresh token is dead', async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const refreshToken = storedRefreshToken('demo');
    expect(
      (await idp('GetTokensFromRefreshToken', { ClientId: DEMO_USER_POOL_CLIENT_ID, RefreshToken: refreshToken })).status,
    ).toBe(200);

    await signOut();
    expect(sim.records.filter((r) => r.operation === 'RevokeToken')).toEqual([
      expect.objectContaining({ service: 'cognito-idp', status: 200 }),
    ]);
    expect(await idp('GetTokensFromRefreshToken', { ClientId: DEMO_USER_POOL_CLIENT_ID, RefreshToken: refreshToken })).toEqual({
      status: 400,
      body: { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' },
    });
  });

  it('signOut({ global: true }) sends GlobalSignOut, which revokes every session of the user', async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const refreshToken = storedRefreshToken('demo');
    const accessToken = String((await fetchAuthSession()).tokens?.accessToken);
    expect((await idp('GetUser', { AccessToken: accessToken })).body).toMatchObject({ Username: 'demo' });

    await signOut({ global: true });
    expect(idpCount('GlobalSignOut')).toBe(1);
    expect(
      (await idp('GetTokensFromRefreshToken', { ClientId: DEMO_USER_POOL_CLIENT_ID, RefreshToken: refreshToken })).body.message,
    ).toBe('Refresh Token has been revoked');
    expect((await idp('GetUser', { AccessToken: accessToken })).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('a refresh token only works for the client it was issued to, and not after its lifetime', async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const refreshToken = storedRefreshToken('demo');
    expect(
      (await idp('GetTokensFromRefreshToken', { ClientId: 'someotherclient', RefreshToken: refreshToken })).body.message,
    ).toBe('Invalid Refresh Token');
    expect(
      (
        await idp('InitiateAuth', {
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: DEMO_USER_POOL_CLIENT_ID,
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        })
      ).status,
    ).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect(
      (await idp('GetTokensFromRefreshToken', { ClientId: DEMO_USER_POOL_CLIENT_ID, RefreshToken: refreshToken })).body.message,
    ).toBe('Refresh Token has expired');
  });
});

describe('tokens', () => {
  it('Cognito Identity refuses an ID token that was altered, or is not an ID token', async () => {
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const tokens = (await fetchAuthSession()).tokens!;
    const [header, payload, signature] = String(tokens.idToken).split('.');
    const claims = decodeJWT(String(tokens.idToken)).payload;
    const forgedPayload = bytesToBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, sub: 'someone-else' })));
    const provider = `cognito-idp.us-east-1.amazonaws.com/${DEMO_USER_POOL_ID}`;
    const getId = async (token: string) => {
      const response = await fetch('https://cognito-identity.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [provider]: token } }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await getId(`${header}.${payload}.${signature}`)).status).toBe(200);
    expect(await getId(`${header}.${forgedPayload}.${signature}`)).toEqual({
      status: 400,
      body: { __type: 'NotAuthorizedException', message: 'Invalid login token. Not a valid OpenId Connect identity token.' },
    });
    expect((await getId(String(tokens.accessToken))).status).toBe(400);
  });

  it('issues tokens for the region of the endpoint the client uses', async () => {
    configure({ userPoolId: 'eu-west-1_AnyPoolName' });
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload.iss).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_DemoJobWatch');
    expect(session.credentials).toBeDefined();
  });

  it('the token lifetime is a setting', async () => {
    sim.userPool.tokenLifetimeMs = 5 * 60 * 1000;
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: PASSWORD_AUTH });
    const payload = (await fetchAuthSession()).tokens?.accessToken.payload ?? {};
    expect(Number(payload.exp) - Number(payload.iat)).toBe(300);
  });

  it('USER_AUTH and custom flows are answered with InvalidParameterException', async () => {
    const raw = await idp('InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: DEMO_USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: 'demo' },
    });
    expect(raw.body.__type).toBe('InvalidParameterException');
    expect(raw.body.message).toMatch(/^CUSTOM_AUTH flow not enabled for this client/);
  });
});

describe('Hosted UI (signInWithRedirect)', () => {
  const redirect = () => `${window.location.origin}/`;
  const oauthConfig = () => ({
    loginWith: {
      oauth: {
        domain: DEMO_OAUTH_DOMAIN,
        scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
        redirectSignIn: [redirect()],
        redirectSignOut: [redirect()],
        responseType: 'code' as const,
      },
    },
  });

  afterEach(() => {
    // Sign-out with OAuth configured would navigate to /logout; the tests end without it.
    configure();
  });

  it('exchanges a code minted by issueAuthorizationCode (PKCE S256) at /oauth2/token', async () => {
    configure(oauthConfig());
    const hub = hubEvents();
    let authorizeUrl: URL | undefined;
    await signInWithRedirect({
      customState: '/apps/a/environments/e/jobs/j',
      options: {
        authSessionOpener: (url: string) => {
          authorizeUrl = new URL(url);
          const q = authorizeUrl.searchParams;
          const code = sim.issueAuthorizationCode('demo', q.get('code_challenge') ?? undefined, {
            clientId: q.get('client_id') ?? undefined,
            redirectUri: q.get('redirect_uri') ?? undefined,
          });
          return Promise.resolve({
            type: 'success' as const,
            url: `${q.get('redirect_uri')}?code=${code}&state=${q.get('state')}`,
          });
        },
      },
    });
    hub.stop();
    expect(authorizeUrl?.origin).toBe(`https://${DEMO_OAUTH_DOMAIN}`);
    expect(authorizeUrl?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(hub.events).toEqual(expect.arrayContaining(['customOAuthState', 'signInWithRedirect', 'signedIn']));
    expect(hub.payloads.find((p) => p.event === 'customOAuthState')?.data).toBe('/apps/a/environments/e/jobs/j');
    expect(idpCount('OAuth2Token')).toBe(1);

    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.payload).toMatchObject({
      username: 'demo',
      scope: 'openid email profile aws.cognito.signin.user.admin',
    });
    expect(session.credentials).toBeDefined();
    expect((await signedJobRequest(session.credentials!)).status).toBe(200);
  });

  it('refuses the exchange when the code_verifier does not match the challenge', async () => {
    configure(oauthConfig());
    const error = await errorOf(
      signInWithRedirect({
        options: {
          authSessionOpener: (url: string) => {
            const q = new URL(url).searchParams;
            const code = sim.issueAuthorizationCode('demo', 'not-the-challenge-of-this-verifier');
            return Promise.resolve({
              type: 'success' as const,
              url: `${q.get('redirect_uri')}?code=${code}&state=${q.get('state')}`,
            });
          },
        },
      }),
    );
    expect(error.message).toBe('invalid_grant');
    expect(sim.records.find((r) => r.operation === 'OAuth2Token')?.status).toBe(400);
    expect((await fetchAuthSession()).tokens).toBeUndefined();
  });

  it('signs in through the simulated Hosted UI pages (authorize form, POST /login, redirect with a code)', async () => {
    configure(oauthConfig());
    await signInWithRedirect({
      options: {
        authSessionOpener: async (url: string) => {
          const page = await sim.handle(new Request(url));
          expect(page?.status).toBe(200);
          const html = await page!.text();
          const action = /action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&') ?? '';
          const wrong = await sim.handle(
            new Request(new URL(action, url), {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ username: 'demo', password: 'nope' }),
            }),
          );
          expect(await wrong!.text()).toContain('Incorrect username or password.');
          const login = await sim.handle(
            new Request(new URL(action, url), {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ username: 'demo', password: DEMO_PASSWORD }),
            }),
          );
          expect(login?.status).toBe(302);
          return { type: 'success' as const, url: login!.headers.get('location') ?? '' };
        },
      },
    });
    expect((await fetchAuthSession()).tokens?.idToken?.payload['cognito:username']).toBe('demo');
    expect(sim.records.filter((r) => r.service === 'cognito-idp').map((r) => `${r.operation} ${r.status}`)).toEqual([
      'OAuth2Authorize 200',
      'Login 400',
      'Login 302',
      'OAuth2Token 200',
    ]);
  });

  it('answers the refresh_token grant and /oauth2/revoke like Cognito', async () => {
    const verifier = 'v'.repeat(64);
    const challenge = bytesToBase64Url(await sha256(verifier));
    const code = sim.issueAuthorizationCode('demo', challenge);
    const token = async (form: Record<string, string>) => {
      const response = await fetch(`https://${DEMO_OAUTH_DOMAIN}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const exchanged = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: DEMO_USER_POOL_CLIENT_ID,
      redirect_uri: redirect(),
    });
    expect(exchanged.status).toBe(200);
    expect(Object.keys(exchanged.body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);
    expect(exchanged.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    // A code works once.
    expect(
      await token({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: DEMO_USER_POOL_CLIENT_ID }),
    ).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });

    const refreshToken = String(exchanged.body.refresh_token);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: DEMO_USER_POOL_CLIENT_ID,
    });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'token_type']);

    const revoked = await fetch(`https://${DEMO_OAUTH_DOMAIN}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: DEMO_USER_POOL_CLIENT_ID }),
    });
    expect(revoked.status).toBe(200);
    expect(
      await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DEMO_USER_POOL_CLIENT_ID }),
    ).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await token({ grant_type: 'password', client_id: DEMO_USER_POOL_CLIENT_ID })).body).toEqual({
      error: 'unsupported_grant_type',
    });
  });
});

describe('demo users', () => {
  it('exist in every SimulatedAws, each with a one-line description', () => {
    expect(DEMO_USERS.map((u) => u.username)).toEqual(['demo', 'mfa', 'newpass', 'reset', 'unconfirmed']);
    for (const user of DEMO_USERS) {
      expect(sim.userPool.user(user.username)).toMatchObject({ username: user.username });
      expect(user.description).not.toContain('\n');
    }
  });

  it('come back as they were after a reset', async () => {
    await signIn({ username: 'newpass', password: 'Temp-password-1', options: PASSWORD_AUTH });
    await confirmSignIn({ challengeResponse: 'Chosen-password-2' });
    expect(sim.userPool.user('newpass')?.state).toBe('confirmed');
    sim.reset();
    expect(sim.userPool.user('newpass')).toMatchObject({ state: 'force-change-password', password: 'Temp-password-1' });
  });
});
