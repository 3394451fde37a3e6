import { describe, expect, it } from 'vitest';
import {
  INITIAL_SIGN_IN_STATE,
  PASSWORD_CHANGED_NOTICE,
  PASSWORD_RESET_NOTICE,
  signInReducer,
  signsIn,
  type SignInAction,
  type SignInState,
  type SignInStep,
} from './signInMachine';

/** An error as Amplify throws it: an Error whose name is Cognito's exception. */
function cognitoError(name: string, message = ''): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const busyAt = (step: SignInStep, username = 'alice'): SignInState => ({ step, username, busy: true, error: null });

function run(state: SignInState, ...actions: SignInAction[]): SignInState {
  return actions.reduce(signInReducer, state);
}

describe('the first screen', () => {
  it('starts at username and password, idle, with no message', () => {
    expect(INITIAL_SIGN_IN_STATE).toEqual({ step: { kind: 'credentials' }, username: '', busy: false, error: null });
  });

  it('submitted: busy, the last message cleared, the username kept for later steps', () => {
    const before: SignInState = { ...INITIAL_SIGN_IN_STATE, error: 'Wrong username or password.' };
    expect(signInReducer(before, { type: 'submitted', username: 'alice' })).toEqual({
      step: { kind: 'credentials' },
      username: 'alice',
      busy: true,
      error: null,
    });
  });

  it('submitted without a username (an answer to a challenge) keeps the one given before', () => {
    const state = run(
      INITIAL_SIGN_IN_STATE,
      { type: 'submitted', username: 'alice' },
      { type: 'answered', next: { kind: 'newPassword' } },
    );
    expect(signInReducer(state, { type: 'submitted' }).username).toBe('alice');
  });

  it('Forgot password? goes to the reset request with the name typed so far, without a reason', () => {
    expect(signInReducer(INITIAL_SIGN_IN_STATE, { type: 'forgotPassword', username: 'bob' })).toEqual({
      ...INITIAL_SIGN_IN_STATE,
      step: { kind: 'resetRequest' },
      username: 'bob',
    });
  });
});

describe('Cognito answers with the next step', () => {
  const steps: SignInStep[] = [
    { kind: 'newPassword' },
    { kind: 'code', medium: 'TOTP' },
    { kind: 'code', medium: 'SMS', destination: '+*******0177' },
    { kind: 'mfaSelection', allowed: ['SMS', 'TOTP'], setup: false },
    { kind: 'totpSetup', sharedSecret: 'SECRET', setupUri: 'otpauth://totp/x' },
    { kind: 'emailSetup' },
    { kind: 'resetRequest', reason: 'A password reset is required for this account.' },
    { kind: 'notConfirmed' },
    { kind: 'unsupported', step: 'SOMETHING_NEW' },
  ];

  it.each(steps.map((step) => [step.kind, step] as const))('%s: shown, no longer busy', (_kind, next) => {
    const state = signInReducer(busyAt({ kind: 'credentials' }), { type: 'answered', next });
    expect(state).toEqual({ step: next, username: 'alice', busy: false, error: null });
  });

  it('DONE: signed in', () => {
    const action: SignInAction = { type: 'answered', next: { kind: 'done' } };
    expect(signInReducer(busyAt({ kind: 'code', medium: 'TOTP' }), action).step).toEqual({ kind: 'done' });
    expect(signsIn(action)).toBe(true);
  });

  it('only DONE (or “already signed in”) signs in', () => {
    expect(signsIn({ type: 'answered', next: { kind: 'newPassword' } })).toBe(false);
    expect(signsIn({ type: 'failed', error: cognitoError('NotAuthorizedException', 'Incorrect username or password.') })).toBe(
      false,
    );
    expect(signsIn({ type: 'redirecting' })).toBe(false);
    expect(signsIn({ type: 'passwordChanged' })).toBe(false);
    expect(signsIn({ type: 'submitted', username: 'alice' })).toBe(false);
  });
});

describe('the password reset path', () => {
  it('a code was sent: asks for it, for the username it was sent for', () => {
    const state = signInReducer(busyAt({ kind: 'resetRequest' }, 'carol'), {
      type: 'resetCodeSent',
      username: 'carol',
      destination: 'c***@e***',
    });
    expect(state).toEqual({
      step: { kind: 'resetConfirm', username: 'carol', destination: 'c***@e***' },
      username: 'carol',
      busy: false,
      error: null,
    });
  });

  it('reset without a code: back to sign-in with a notice', () => {
    const state = signInReducer(busyAt({ kind: 'resetRequest' }), { type: 'resetCompleted' });
    expect(state.step).toEqual({ kind: 'credentials', notice: PASSWORD_RESET_NOTICE });
    expect(PASSWORD_RESET_NOTICE).toBe('Your password has been reset. Sign in with the new password.');
    expect(state.busy).toBe(false);
  });

  it('new password taken: back to sign-in with a notice', () => {
    const state = signInReducer(busyAt({ kind: 'resetConfirm', username: 'alice' }), { type: 'passwordChanged' });
    expect(state.step).toEqual({ kind: 'credentials', notice: PASSWORD_CHANGED_NOTICE });
    expect(PASSWORD_CHANGED_NOTICE).toBe('Your password has been changed. Sign in with the new password.');
    expect(state.busy).toBe(false);
  });
});

describe('the hosted sign-in page', () => {
  it('redirecting: no longer busy, nothing else changes (the browser is leaving)', () => {
    const before = busyAt({ kind: 'credentials' });
    expect(signInReducer(before, { type: 'redirecting' })).toEqual({ ...before, busy: false });
  });
});

describe('refusals', () => {
  it.each([
    ['NotAuthorizedException', 'Incorrect username or password.', 'Wrong username or password.'],
    ['UserNotFoundException', 'User does not exist.', 'Wrong username or password.'],
    ['NotAuthorizedException', 'Password attempts exceeded', 'Too many failed attempts. Wait a few minutes, then try again.'],
    ['CodeMismatchException', 'Invalid code received for user', 'That code is not right. Check it and try again.'],
    ['ExpiredCodeException', 'Invalid code provided', 'That code has expired. Start again to get a new one.'],
    [
      'InvalidPasswordException',
      'Password does not conform to policy: Password not long enough',
      'The new password is not accepted: Password does not conform to policy: Password not long enough',
    ],
    ['LimitExceededException', 'Attempt limit exceeded', 'Too many attempts. Wait a few minutes, then try again.'],
    ['EmptySignInPassword', 'password is required to signIn', 'Please fill in every field.'],
  ])('%s (%s): stays on the step with “%s”', (name, message, words) => {
    const step: SignInStep = { kind: 'code', medium: 'TOTP' };
    const state = signInReducer(busyAt(step), { type: 'failed', error: cognitoError(name, message) });
    expect(state).toEqual({ step, username: 'alice', busy: false, error: words });
  });

  it('a network failure (TypeError from fetch) says Cognito cannot be reached', () => {
    const state = signInReducer(busyAt({ kind: 'credentials' }), { type: 'failed', error: new TypeError('Failed to fetch') });
    expect(state.error).toBe('Can’t reach Cognito. Check the network connection and try again.');
  });

  it('something that is not an Error at all still gets words', () => {
    const state = signInReducer(busyAt({ kind: 'credentials' }), { type: 'failed', error: 'weird' });
    expect(state.error).toBe('Sign-in failed for an unknown reason.');
  });

  it('PasswordResetRequiredException: to the reset request, with the reason and no error message', () => {
    const error = cognitoError('PasswordResetRequiredException', 'Password reset required for the user');
    const state = signInReducer(busyAt({ kind: 'credentials' }, 'reset'), { type: 'failed', error });
    expect(state).toEqual({
      step: { kind: 'resetRequest', reason: 'A password reset is required for this account.' },
      username: 'reset',
      busy: false,
      error: null,
    });
  });

  it('UserNotConfirmedException: the “not confirmed” screen, no error message', () => {
    const error = cognitoError('UserNotConfirmedException', 'User is not confirmed.');
    const state = signInReducer(busyAt({ kind: 'credentials' }), { type: 'failed', error });
    expect(state).toEqual({ step: { kind: 'notConfirmed' }, username: 'alice', busy: false, error: null });
  });

  it('UserAlreadyAuthenticatedException: counts as signed in', () => {
    const action: SignInAction = {
      type: 'failed',
      error: cognitoError('UserAlreadyAuthenticatedException', 'There is already a signed in user.'),
    };
    expect(signInReducer(busyAt({ kind: 'credentials' }), action)).toEqual({
      step: { kind: 'done' },
      username: 'alice',
      busy: false,
      error: null,
    });
    expect(signsIn(action)).toBe(true);
  });

  it('the message stays until the next request, which clears it', () => {
    const failed = run(
      INITIAL_SIGN_IN_STATE,
      { type: 'submitted', username: 'alice' },
      { type: 'failed', error: cognitoError('NotAuthorizedException', 'Incorrect username or password.') },
    );
    expect(failed.error).toBe('Wrong username or password.');
    expect(signInReducer(failed, { type: 'forgotPassword', username: 'alice' }).error).toBe('Wrong username or password.');
    expect(signInReducer(failed, { type: 'submitted', username: 'alice' }).error).toBeNull();
  });
});

describe('Start over', () => {
  it.each<SignInStep>([
    { kind: 'code', medium: 'EMAIL' },
    { kind: 'resetConfirm', username: 'alice' },
    { kind: 'notConfirmed' },
    { kind: 'unsupported', step: 'X' },
    { kind: 'credentials', notice: PASSWORD_CHANGED_NOTICE },
  ])('from %o: back to username and password, without the notice, keeping the username', (step) => {
    const state = signInReducer({ step, username: 'alice', busy: false, error: null }, { type: 'startOver' });
    expect(state).toEqual({ step: { kind: 'credentials' }, username: 'alice', busy: false, error: null });
  });
});

describe('a whole flow', () => {
  it('password, TOTP with a wrong code, then the right one', () => {
    const states: SignInState[] = [];
    let state = INITIAL_SIGN_IN_STATE;
    for (const action of [
      { type: 'submitted', username: 'mfa' },
      { type: 'answered', next: { kind: 'code', medium: 'TOTP' } },
      { type: 'submitted' },
      { type: 'failed', error: cognitoError('CodeMismatchException', 'Invalid code received for user') },
      { type: 'submitted' },
      { type: 'answered', next: { kind: 'done' } },
    ] satisfies SignInAction[]) {
      state = signInReducer(state, action);
      states.push(state);
    }
    expect(states.map((s) => `${s.step.kind}${s.busy ? ' (busy)' : ''}${s.error ? `: ${s.error}` : ''}`)).toEqual([
      'credentials (busy)',
      'code',
      'code (busy)',
      'code: That code is not right. Check it and try again.',
      'code (busy)',
      'done',
    ]);
  });
});
