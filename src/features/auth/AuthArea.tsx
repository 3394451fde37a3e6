import { Hub } from '@aws-amplify/core';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { readSignedInUser } from '../../shared/aws/credentials';
import { useLocation } from '../../shared/browser/history';
import { onSignedOutElsewhere } from '../../shared/browser/signOutChannel';
import { useModalDialog } from '../../shared/ui/useModalDialog';
import { canSignIn, SESSION_ENDED, type AuthServices } from './authServices';
import { useSignedInUser } from './session';
import { useGate } from './signInGate';
import { continueSignedOut, endSession, forgetSignedOutPerson, signOutAndForget } from './signOut';

const SignInScreen = lazy(() => import('./SignInScreen').then((module) => ({ default: module.SignInScreen })));
const DemoUsersHint = lazy(() => import('./DemoUsersHint').then((module) => ({ default: module.DemoUsersHint })));

export interface AuthAreaProps {
  services: AuthServices;
}

/**
 * Who is signed in, with Sign in / Sign out, for the site header. Signing out is confirmed in a polite
 * status ("Signed out.") that stays until the next sign-in, and the focus goes from Sign out to the
 * Sign in button that takes its place (unless the sign-in dialog opens over the page and takes it).
 */
export function AuthStatus({ services }: AuthAreaProps) {
  const user = useSignedInUser(services.session);
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const signIn = useRef<HTMLButtonElement>(null);
  if (user && notice) setNotice(null);
  useLayoutEffect(() => {
    if (notice && (document.activeElement === null || document.activeElement === document.body)) signIn.current?.focus();
  }, [notice]);
  if (!canSignIn(services.config) || user === undefined) return null;
  return (
    <div className="auth-status">
      {user ? (
        <>
          <span>
            Signed in as <strong>{user}</strong>
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await signOutAndForget(services, queryClient);
                setNotice('Signed out.');
              } catch (caught) {
                setError(`Sign-out failed: ${caught instanceof Error ? caught.message : String(caught)}`);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--small"
          ref={signIn}
          onClick={() => services.gate.open('Sign in with your user pool account.')}
        >
          Sign in
        </button>
      )}
      {error ? <span role="alert">{error}</span> : null}
      {/* Always on the page, so what it says is announced. */}
      <span role="status" className="auth-status__notice">
        {notice}
      </span>
    </div>
  );
}

/**
 * After a sign-in: close the dialog, read who is signed in and ask again for what is on screen.
 * Called from Amplify's event and from the dialog; the second call joins the requests in flight.
 */
function resumeAfterSignIn(services: AuthServices, queryClient: QueryClient) {
  services.gate.close();
  void services.credentials().catch(() => undefined);
  void queryClient.refetchQueries({ type: 'active' }, { cancelRefetch: false });
}

/**
 * Keeps the page in step with Amplify's auth events: refetch after sign-in, start over after
 * sign-out. The return to the deep link after the Hosted UI follows from configuring it
 * (shared/aws/credentials.ts): its event can come before anything here listens.
 */
export function useAuthEvents(services: AuthServices) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!canSignIn(services.config)) return;
    void readSignedInUser().then((user) => {
      if (services.session.get() === undefined) services.session.set(user);
    });
  }, [services]);
  // Another tab signed out, or its session ended: this one forgets the same.
  useEffect(() => onSignedOutElsewhere(() => forgetSignedOutPerson(services, queryClient)), [services, queryClient]);
  useEffect(
    () =>
      Hub.listen('auth', ({ payload }) => {
        switch (payload.event) {
          case 'signedIn':
          case 'signInWithRedirect':
            resumeAfterSignIn(services, queryClient);
            break;
          case 'tokenRefresh_failure':
            // The session is gone (refresh token revoked or expired). Ending it here, without signOut()'s
            // trip to the Hosted UI logout, lets the page continue as a guest, or ask for sign-in, where it was.
            if (!services.config.Auth.Cognito.allowGuestAccess) services.gate.open(SESSION_ENDED);
            void endSession(services, queryClient).catch(() => undefined);
            break;
          case 'signedOut':
            continueSignedOut(services, queryClient);
            break;
          case 'signInWithRedirect_failure':
            services.gate.open('Signing in with the hosted sign-in page did not complete. Try again.');
            break;
        }
      }),
    [services, queryClient],
  );
}

/**
 * The sign-in screen over the page, while the gate is open. It starts at its first field. Put away
 * (Escape, Cancel), it gives focus back to what had it (the "Sign in" button, "Sign in to continue");
 * closed by signing in, focus goes to the page's main region, which then shows what the sign-in
 * unlocked ("Sign in" is about to become "Sign out"). Never the page body.
 */
export function SignInDialog({ services }: AuthAreaProps) {
  const gate = useGate(services.gate);
  return gate.open ? <SignInModal services={services} reason={gate.reason} /> : null;
}

function SignInModal({ services, reason }: AuthAreaProps & { reason: string }) {
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  const { dialog, putAway } = useModalDialog('input:not([type="hidden"]):not([disabled]), select, textarea');
  const close = putAway(() => services.gate.close());
  const cognito = services.config.Auth.Cognito;
  return (
    <dialog ref={dialog} className="dialog" aria-label="Sign in" onCancel={close}>
      <Suspense fallback={<p role="status">Loading sign-in…</p>}>
        <SignInScreen
          authFlowType={services.config.authFlowType}
          loginWith={cognito.loginWith}
          returnTo={pathname + search}
          reason={reason}
          hint={services.demoGuide ? <DemoUsersHint users={services.demoGuide.users} /> : undefined}
          onSignedIn={() => resumeAfterSignIn(services, queryClient)}
          onCancel={close}
        />
      </Suspense>
    </dialog>
  );
}
