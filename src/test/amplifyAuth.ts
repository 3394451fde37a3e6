import { clearCredentials } from '@aws-amplify/core';

/**
 * Makes Amplify forget the previous test's guest session.
 *
 * What actually works: `clearCredentials()` from `@aws-amplify/core`, which drops the in-memory
 * credentials (cached for 50 minutes whatever their expiry) and the identity id Amplify keeps in
 * localStorage. `Amplify.configure` again does NOT clear them (it only swaps the config), and
 * `localStorage.clear()` alone leaves the in-memory credentials: the next test would sign with
 * keys the reset simulated AWS no longer knows and get a 403 "security token … is invalid".
 * `fetchAuthSession({ forceRefresh: true })` would also work, but it makes a Cognito call of its
 * own before the test starts, which would show up in the test's request counts.
 */
export async function resetAmplifyAuth(): Promise<void> {
  await clearCredentials();
  localStorage.clear();
  sessionStorage.clear();
}
