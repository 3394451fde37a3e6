import { AUTH_KEY_PREFIX, cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { clearCredentials, defaultStorage } from '@aws-amplify/core';
import { useSyncExternalStore } from 'react';

/** Who is signed in: a username, null for nobody, undefined before the first session was read. */
export type SignedInUser = string | null | undefined;

export interface SessionStore {
  get: () => SignedInUser;
  set: (user: string | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createSessionStore(): SessionStore {
  let user: SignedInUser;
  const listeners = new Set<() => void>();
  return {
    get: () => user,
    set(next) {
      if (next === user) return;
      user = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSignedInUser(store: SessionStore): SignedInUser {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Signs out through Amplify (revoking the refresh token), loaded only when someone signs out. */
export async function signOutUser(): Promise<void> {
  const { signOut } = await import('@aws-amplify/auth');
  await signOut();
}

/**
 * The flags Amplify keeps in its default storage (localStorage) after a Hosted UI sign-in, as
 * `CognitoIdentityServiceProvider.<app client ID>.<name>`; `oauthSignIn` is what makes signOut()
 * go to the Hosted UI's logout endpoint.
 */
const HOSTED_UI_KEYS = ['oauthSignIn', 'inflightOAuth', 'inflightOAuthDeadline', 'oauthPKCE', 'oauthState'];

/**
 * Ends the session in this tab only, for a session that has ended by itself (refresh refused).
 * Amplify's signOut() would, after a Hosted UI sign-in, send the tab to the Cognito logout
 * endpoint and on to `redirectSignOut`, away from the page being watched. This clears what
 * signOut() clears here, without leaving: the user pool tokens, the Hosted UI flags, and the AWS
 * credentials with the identity ID (on which Cognito would refuse guest credentials).
 */
export async function endSessionHere(userPoolClientId: string): Promise<void> {
  await cognitoUserPoolsTokenProvider.tokenOrchestrator.clearTokens();
  await Promise.all(HOSTED_UI_KEYS.map((name) => defaultStorage.removeItem(`${AUTH_KEY_PREFIX}.${userPoolClientId}.${name}`)));
  await clearCredentials();
}
