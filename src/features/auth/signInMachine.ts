import { describeAuthError } from './authErrors';

/**
 * The sign-in flow as a plain state machine: `state + action → next state`. No React, no Amplify:
 * the person's moves and Cognito's answers (turned into actions by signInActions.ts) come in as
 * actions, and what the screen shows comes out.
 */

export type MfaChoice = 'TOTP' | 'SMS' | 'EMAIL';

/** One screen of the sign-in flow. */
export type SignInStep =
  | { kind: 'credentials'; notice?: string }
  | { kind: 'newPassword' }
  | { kind: 'code'; medium: MfaChoice | 'CUSTOM'; destination?: string }
  | { kind: 'mfaSelection'; allowed: MfaChoice[]; setup: boolean }
  | { kind: 'totpSetup'; sharedSecret: string; setupUri: string }
  | { kind: 'emailSetup' }
  | { kind: 'resetRequest'; reason?: string }
  | { kind: 'resetConfirm'; username: string; destination?: string }
  | { kind: 'notConfirmed' }
  | { kind: 'unsupported'; step: string }
  | { kind: 'done' };

export interface SignInState {
  step: SignInStep;
  /** The name last given, carried into the reset form and the authenticator link. */
  username: string;
  /** A request to Cognito is on its way. */
  busy: boolean;
  /** Why the last request failed, in words; stays until the next request. */
  error: string | null;
}

export const INITIAL_SIGN_IN_STATE: SignInState = { step: { kind: 'credentials' }, username: '', busy: false, error: null };

/** What Cognito answered to one request. */
export type SignInOutcome =
  /** signIn or confirmSignIn: the next step Amplify named, already mapped to a screen. */
  | { type: 'answered'; next: SignInStep }
  /** resetPassword sent a code. */
  | { type: 'resetCodeSent'; username: string; destination?: string }
  /** resetPassword finished without a code. */
  | { type: 'resetCompleted' }
  /** confirmResetPassword took the code and the new password. */
  | { type: 'passwordChanged' }
  /** signInWithRedirect is sending the browser to the hosted sign-in page. */
  | { type: 'redirecting' }
  /** The request threw. */
  | { type: 'failed'; error: unknown };

export type SignInAction =
  /** A request to Cognito is sent (with the username it is for, when one was typed). */
  { type: 'submitted'; username?: string } | { type: 'forgotPassword'; username: string } | { type: 'startOver' } | SignInOutcome;

export const PASSWORD_RESET_NOTICE = 'Your password has been reset. Sign in with the new password.';
export const PASSWORD_CHANGED_NOTICE = 'Your password has been changed. Sign in with the new password.';

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** Whether this answer means the person is signed in (including "already signed in"). */
export function signsIn(action: SignInAction): boolean {
  if (action.type === 'answered') return action.next.kind === 'done';
  return action.type === 'failed' && errorName(action.error) === 'UserAlreadyAuthenticatedException';
}

/** A refusal that leads to a screen of its own rather than a message on the current one. */
function stepForFailure(error: unknown): SignInStep | undefined {
  switch (errorName(error)) {
    case 'UserAlreadyAuthenticatedException':
      return { kind: 'done' };
    case 'PasswordResetRequiredException':
      return { kind: 'resetRequest', reason: describeAuthError(error) };
    case 'UserNotConfirmedException':
      return { kind: 'notConfirmed' };
    default:
      return undefined;
  }
}

export function signInReducer(state: SignInState, action: SignInAction): SignInState {
  switch (action.type) {
    case 'submitted':
      return { ...state, busy: true, error: null, username: action.username ?? state.username };
    case 'forgotPassword':
      return { ...state, username: action.username, step: { kind: 'resetRequest' } };
    case 'startOver':
      return { ...state, step: { kind: 'credentials' } };
    case 'answered':
      return { ...state, busy: false, step: action.next };
    case 'resetCodeSent':
      return {
        ...state,
        busy: false,
        step: { kind: 'resetConfirm', username: action.username, destination: action.destination },
      };
    case 'resetCompleted':
      return { ...state, busy: false, step: { kind: 'credentials', notice: PASSWORD_RESET_NOTICE } };
    case 'passwordChanged':
      return { ...state, busy: false, step: { kind: 'credentials', notice: PASSWORD_CHANGED_NOTICE } };
    case 'redirecting':
      return { ...state, busy: false };
    case 'failed': {
      const step = stepForFailure(action.error);
      return step ? { ...state, busy: false, step } : { ...state, busy: false, error: describeAuthError(action.error) };
    }
  }
}
