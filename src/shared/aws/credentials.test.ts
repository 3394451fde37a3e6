import type { AuthSession, fetchAuthSession } from '@aws-amplify/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetAmplifyAuth } from '../../test/amplifyAuth';
import { sim } from '../../test/server';
import { testConfig } from '../../test/testConfig';
import { AwsError } from './awsError';
import { configureAuth, createCredentialSource, storedPrincipal } from './credentials';

type FetchSession = typeof fetchAuthSession;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const CREDS = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date(0) };

/** A stand-in for Amplify's fetchAuthSession whose answers the test hands out one by one. */
function fakeSession() {
  const pending: Deferred<AuthSession>[] = [];
  const fn = vi.fn((_options?: { forceRefresh?: boolean }) => {
    const next = deferred<AuthSession>();
    pending.push(next);
    return next.promise;
  });
  return { fetchSession: fn as unknown as FetchSession, calls: fn.mock.calls, pending };
}

async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error('expected the promise to reject');
}

describe('createCredentialSource (with a stand-in fetchSession)', () => {
  it('concurrent calls share one session request and get the same credentials', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const calls = [source(), source(), source({ forceRefresh: false })];
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.[0]).toEqual({ forceRefresh: false });
    fake.pending[0]!.resolve({ credentials: CREDS });
    const results = await Promise.all(calls);
    expect(results).toEqual([CREDS, CREDS, CREDS]);
  });

  it('once a request has settled, the next call asks again (caching is Amplify’s job)', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const first = source();
    fake.pending[0]!.resolve({ credentials: CREDS });
    await first;
    const second = source();
    expect(fake.calls).toHaveLength(2);
    fake.pending[1]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIASECOND' } });
    expect((await second).accessKeyId).toBe('ASIASECOND');
  });

  it('a forced refresh does not ride on an unforced request in flight', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const plain = source();
    const forced = source({ forceRefresh: true });
    expect(fake.calls.map((call) => call[0])).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    fake.pending[0]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIAOLD' } });
    fake.pending[1]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIAFRESH' } });
    expect((await plain).accessKeyId).toBe('ASIAOLD');
    expect((await forced).accessKeyId).toBe('ASIAFRESH');
  });

  it('calls made while a forced refresh is in flight share it', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const forced = source({ forceRefresh: true });
    const plain = source();
    const forcedAgain = source({ forceRefresh: true });
    expect(fake.calls).toHaveLength(1);
    fake.pending[0]!.resolve({ credentials: CREDS });
    expect(await Promise.all([forced, plain, forcedAgain])).toEqual([CREDS, CREDS, CREDS]);
  });

  it('a forced refresh for credentials that were already replaced takes the newer ones instead of refreshing again', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const old = { ...CREDS, accessKeyId: 'ASIAOLD' };
    const first = source();
    fake.pending[0]!.resolve({ credentials: old });
    await first;
    // Two requests signed with the old keys are refused one after the other: one refresh between them.
    const refreshed = source({ forceRefresh: true, rejected: old });
    fake.pending[1]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIANEW' } });
    expect((await refreshed).accessKeyId).toBe('ASIANEW');
    const late = source({ forceRefresh: true, rejected: old });
    expect(fake.calls.map((call) => call[0])).toEqual([{ forceRefresh: false }, { forceRefresh: true }, { forceRefresh: false }]);
    fake.pending[2]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIANEW' } });
    expect((await late).accessKeyId).toBe('ASIANEW');

    // The newer keys refused in their turn: a real refresh.
    const again = source({ forceRefresh: true, rejected: { accessKeyId: 'ASIANEW' } });
    expect(fake.calls.at(-1)?.[0]).toEqual({ forceRefresh: true });
    fake.pending[3]!.resolve({ credentials: { ...CREDS, accessKeyId: 'ASIANEWER' } });
    expect((await again).accessKeyId).toBe('ASIANEWER');
  });

  it('a session without credentials rejects with AwsError "no-credentials"', async () => {
    const fake = fakeSession();
    const onSession = vi.fn();
    const source = createCredentialSource(fake.fetchSession, onSession);
    const pending = source();
    fake.pending[0]!.resolve({});
    const error = await rejection(pending);
    expect(error.kind).toBe('no-credentials');
    expect(onSession).toHaveBeenCalledWith(null);
  });

  it('a NetworkError from Amplify becomes kind "network"', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const pending = source();
    const cause = Object.assign(new Error('Failed to fetch'), { name: 'NetworkError' });
    fake.pending[0]!.reject(cause);
    const error = await rejection(pending);
    expect(error.kind).toBe('network');
    expect(error.cause).toBe(cause);
  });

  it('any other failure becomes "credentials-failed" with Cognito’s words and error name', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const pending = source();
    fake.pending[0]!.reject(
      Object.assign(new Error('Unauthenticated access is not supported.'), { name: 'NotAuthorizedException' }),
    );
    const error = await rejection(pending);
    expect(error.kind).toBe('credentials-failed');
    expect(error.serverMessage).toBe('Unauthenticated access is not supported.');
    expect(error.errorType).toBe('NotAuthorizedException');
  });

  it('a failure is not remembered: the next call asks again', async () => {
    const fake = fakeSession();
    const source = createCredentialSource(fake.fetchSession);
    const first = source();
    fake.pending[0]!.reject(new Error('boom'));
    await rejection(first);
    const second = source();
    expect(fake.calls).toHaveLength(2);
    fake.pending[1]!.resolve({ credentials: CREDS });
    await expect(second).resolves.toEqual(CREDS);
  });
});

describe('createCredentialSource with real Amplify against the simulated Cognito', () => {
  it('gets guest credentials the simulated AWS issued, with one Cognito exchange for concurrent callers', async () => {
    await resetAmplifyAuth();
    configureAuth(testConfig());
    const source = createCredentialSource();
    const [a, b] = await Promise.all([source(), source()]);
    expect(a.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(b).toEqual(a);
    expect(sim.count({ operation: 'GetId' })).toBe(1);
    expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(1);

    // Amplify's in-memory cache answers the next plain call; a forced one gets new keys.
    expect((await source()).accessKeyId).toBe(a.accessKeyId);
    expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(1);
    const fresh = await source({ forceRefresh: true });
    expect(fresh.accessKeyId).not.toBe(a.accessKeyId);
    expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(2);
    expect(sim.count({ operation: 'GetId' })).toBe(1);
  });

  it('allowGuestAccess false: "no-credentials" without any Cognito call', async () => {
    await resetAmplifyAuth();
    configureAuth(testConfig({ allowGuestAccess: false }));
    const error = await rejection(createCredentialSource()());
    expect(error.kind).toBe('no-credentials');
    expect(sim.records).toEqual([]);
  });

  it('an identity pool that refuses guests: "credentials-failed" with Cognito’s message', async () => {
    await resetAmplifyAuth();
    sim.guestAccess = false;
    configureAuth(testConfig());
    const error = await rejection(createCredentialSource()());
    expect(error.kind).toBe('credentials-failed');
    expect(error.errorType).toBe('NotAuthorizedException');
    expect(error.serverMessage).toBe('Unauthenticated access is not supported for this identity pool.');
  });
});

const principalConfig = (tokenStorage: 'local' | 'session', userPoolClientId?: string) =>
  ({ tokenStorage, Auth: { Cognito: { identityPoolId: 'us-east-1:pool', userPoolClientId } } }) as Parameters<
    typeof storedPrincipal
  >[0];

describe('storedPrincipal', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('is the guest without a user pool or a signed-in user', () => {
    expect(storedPrincipal(principalConfig('local'))).toBe('guest');
    expect(storedPrincipal(principalConfig('local', 'client-1'))).toBe('guest');
  });

  it('is the user Amplify keeps tokens for, in the storage the config names', () => {
    sessionStorage.setItem('CognitoIdentityServiceProvider.client-1.LastAuthUser', 'demo');
    expect(storedPrincipal(principalConfig('session', 'client-1'))).toBe('user:demo');
    // A tab keeping tokens in its own sessionStorage does not see another tab's localStorage session.
    expect(storedPrincipal(principalConfig('local', 'client-1'))).toBe('guest');
    localStorage.setItem('CognitoIdentityServiceProvider.client-1.LastAuthUser', 'ops');
    expect(storedPrincipal(principalConfig('local', 'client-1'))).toBe('user:ops');
  });
});
