import type { QueryClient } from '@tanstack/react-query';
import type { AuthServices } from './authServices';
import { endSessionHere, signOutUser } from './session';

/** Nobody is signed in now: ask again with whatever credentials remain (guest, or none: sign-in), keeping what is on screen. */
export function continueSignedOut(services: AuthServices, queryClient: QueryClient): void {
  services.session.set(null);
  void queryClient.invalidateQueries();
}

/**
 * The session ended by itself (its refresh was refused): signed out in this tab only, so the page
 * stays where it was, behind the sign-in dialog when guests get no credentials.
 */
export async function endSession(services: AuthServices, queryClient: QueryClient): Promise<void> {
  await endSessionHere(services.config.Auth.Cognito.userPoolClientId ?? '');
  continueSignedOut(services, queryClient);
}

/**
 * The person signs out (Amplify's signOut: the refresh token is revoked, and a Hosted UI session
 * ends at Cognito's logout endpoint). On a shared machine the next person should not find their
 * trail: every answer held for the page goes (what is on screen asks again, as whoever is left),
 * and the app forgets the jobs this browser watched (onSignedOut).
 */
export async function signOutAndForget(services: AuthServices, queryClient: QueryClient): Promise<void> {
  await signOutUser();
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.resetQueries();
  services.onSignedOut?.();
}
