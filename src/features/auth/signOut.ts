import type { QueryClient } from '@tanstack/react-query';
import { announceSignedOut } from '../../shared/browser/signOutChannel';
import type { AuthServices } from './authServices';
import { endSessionHere, signOutUser } from './session';

/** Nobody is signed in now: ask again with whatever credentials remain (guest, or none: sign-in), keeping what is on screen. */
export function continueSignedOut(services: AuthServices, queryClient: QueryClient): void {
  services.session.set(null);
  void queryClient.invalidateQueries();
}

/**
 * What a person leaves behind goes, in this tab: every answer held for the page (what is on screen
 * asks again, as whoever is left) and this browser's trail of their jobs (onSignedOut: recent jobs,
 * timelines, last answers, the last board). Run on a sign-out, on a session that ended by itself,
 * and in every other tab of the browser when one of them announces either.
 */
export function forgetSignedOutPerson(services: AuthServices, queryClient: QueryClient): void {
  services.session.set(null);
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.resetQueries();
  services.onSignedOut?.();
}

/**
 * The session ended by itself (its refresh was refused): signed out in this tab, so the page stays
 * where it was, behind the sign-in dialog when guests get no credentials, and forgets what a
 * sign-out forgets, here and in the other tabs.
 */
export async function endSession(services: AuthServices, queryClient: QueryClient): Promise<void> {
  await endSessionHere(services.config.Auth.Cognito.userPoolClientId ?? '');
  forgetSignedOutPerson(services, queryClient);
  announceSignedOut();
}

/**
 * The person signs out (Amplify's signOut: the refresh token is revoked, and a Hosted UI session
 * ends at Cognito's logout endpoint). On a shared machine the next person should not find their
 * trail, in this tab or any other.
 */
export async function signOutAndForget(services: AuthServices, queryClient: QueryClient): Promise<void> {
  await signOutUser();
  forgetSignedOutPerson(services, queryClient);
  announceSignedOut();
}
