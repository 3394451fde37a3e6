import { AuthError } from '@aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { describeAuthError } from './authErrors';

/** What Amplify throws for a Cognito error: an AuthError named after the service exception. */
function cognitoError(name: string, message = ''): AuthError {
  return new AuthError({ name, message });
}

const WRONG = 'Wrong username or password.';
const TOO_MANY = 'Too many attempts. Wait a few minutes, then try again.';
const FILL_IN = 'Please fill in every field.';
const NO_NETWORK = 'Can’t reach Cognito. Check the network connection and try again.';
const UNKNOWN = 'Sign-in failed for an unknown reason.';

describe('describeAuthError: NotAuthorizedException', () => {
  it.each([
    ['a wrong password', 'Incorrect username or password.', WRONG],
    ['an unknown message', 'Something else entirely.', WRONG],
    ['no message', '', WRONG],
    ['too many password attempts', 'Password attempts exceeded', 'Too many failed attempts. Wait a few minutes, then try again.'],
    ['a disabled user', 'User is disabled.', 'This user is disabled. Ask an administrator of the user pool.'],
    ['an invalid refresh token', 'Invalid Refresh Token', 'Your session has ended. Sign in again.'],
    ['an expired refresh token', 'Refresh Token has expired', 'Your session has ended. Sign in again.'],
    [
      'an expired challenge session',
      'Invalid session for the user, session is expired.',
      'Your session has ended. Sign in again.',
    ],
  ])('explains %s', (_label, message, expected) => {
    expect(describeAuthError(cognitoError('NotAuthorizedException', message))).toBe(expected);
  });

  it('matches the messages regardless of case', () => {
    expect(describeAuthError(cognitoError('NotAuthorizedException', 'PASSWORD ATTEMPTS EXCEEDED'))).toMatch(
      /^Too many failed attempts/,
    );
  });
});

describe('describeAuthError: other Cognito exceptions', () => {
  it('says the same for an unknown user as for a wrong password, so it does not reveal who has an account', () => {
    expect(describeAuthError(cognitoError('UserNotFoundException', 'User does not exist.'))).toBe(WRONG);
    expect(describeAuthError(cognitoError('UserNotFoundException', 'User does not exist.'))).toBe(
      describeAuthError(cognitoError('NotAuthorizedException', 'Incorrect username or password.')),
    );
  });

  it.each([
    ['UserNotConfirmedException', 'User is not confirmed.', /not confirmed yet/],
    [
      'PasswordResetRequiredException',
      'Password reset required for the user',
      /^A password reset is required for this account\.$/,
    ],
    ['CodeMismatchException', 'Invalid code received for user', /^That code is not right\. Check it and try again\.$/],
    [
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
      /^That code has expired\. Start again to get a new one\.$/,
    ],
    ['UserAlreadyAuthenticatedException', 'There is already a signed in user.', /^You are already signed in\.$/],
    ['NetworkError', 'A network error has occurred.', new RegExp(`^${NO_NETWORK}$`)],
  ])('explains %s', (name, message, expected) => {
    expect(describeAuthError(cognitoError(name, message))).toMatch(expected);
  });

  it.each(['TooManyRequestsException', 'TooManyFailedAttemptsException', 'LimitExceededException'])(
    'asks the person to wait after %s',
    (name) => {
      expect(describeAuthError(cognitoError(name, 'Rate exceeded'))).toBe(TOO_MANY);
    },
  );

  it('passes on the pool’s password rules, which only Cognito knows', () => {
    expect(
      describeAuthError(
        cognitoError('InvalidPasswordException', 'Password does not conform to policy: Password must have symbol characters'),
      ),
    ).toBe('The new password is not accepted: Password does not conform to policy: Password must have symbol characters');
    expect(describeAuthError(cognitoError('InvalidPasswordException'))).toBe(
      'The new password does not meet the pool’s password rules.',
    );
  });

  it('passes on why Cognito refused the parameters', () => {
    expect(
      describeAuthError(cognitoError('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client')),
    ).toBe('Cognito refused the request: USER_PASSWORD_AUTH flow not enabled for this client');
    expect(describeAuthError(cognitoError('InvalidParameterException'))).toBe('Cognito refused the request.');
  });

  it.each([
    'EmptySignInUsername',
    'EmptySignInPassword',
    'EmptyConfirmSignInChallengeResponse',
    'EmptyResetPasswordUsername',
    'EmptyConfirmResetPasswordConfirmationCode',
    'EmptyConfirmResetPasswordNewPassword',
  ])('asks to fill in every field for Amplify’s %s', (name) => {
    expect(describeAuthError(cognitoError(name, 'username is required to signIn'))).toBe(FILL_IN);
  });

  it('gives the message of an exception it does not know, with a neutral lead', () => {
    expect(describeAuthError(cognitoError('ResourceNotFoundException', 'User pool client abc does not exist.'))).toBe(
      'Sign-in failed: User pool client abc does not exist.',
    );
  });

  it('reads a plain Error with a Cognito name the same way as an AuthError', () => {
    const error = new Error('Password attempts exceeded');
    error.name = 'NotAuthorizedException';
    expect(describeAuthError(error)).toBe('Too many failed attempts. Wait a few minutes, then try again.');
  });
});

describe('describeAuthError: failures that are not Cognito’s', () => {
  it('treats a TypeError (what fetch throws when offline) as a network problem', () => {
    expect(describeAuthError(new TypeError('Failed to fetch'))).toBe(NO_NETWORK);
    expect(describeAuthError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(NO_NETWORK);
  });

  it('gives the message of any other Error', () => {
    expect(describeAuthError(new Error('The operation was aborted.'))).toBe('Sign-in failed: The operation was aborted.');
  });

  it('gives a plain sentence for an Error with an empty message', () => {
    expect(describeAuthError(new Error(''))).toBe(UNKNOWN);
    expect(describeAuthError(new Error())).toBe(UNKNOWN);
    expect(describeAuthError(cognitoError('SomethingNew', ''))).toBe(UNKNOWN);
  });
});

describe('describeAuthError: odd values', () => {
  const odd: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'NotAuthorizedException: Incorrect username or password.'],
    ['an empty string', ''],
    ['a number', 42],
    ['a boolean', false],
    ['a symbol', Symbol('boom')],
    ['an empty object', {}],
    ['an object shaped like an error', { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }],
    ['an object whose message is an object', { message: { code: 1 } }],
    [
      'an object with a throwing toString',
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ],
    ['an array', ['a', 'b']],
    ['a function', () => 'x'],
    ['an object without a prototype', Object.create(null) as unknown],
  ];

  it.each(odd)('gives a plain sentence for %s', (_label, value) => {
    const text = describeAuthError(value);
    expect(typeof text).toBe('string');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('[object');
    expect(text).not.toContain('undefined');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('never shows a stack trace, even for an Error that has one', () => {
    const error = new Error('boom');
    expect(error.stack).toMatch(/boom/);
    const text = describeAuthError(error);
    expect(text).toBe('Sign-in failed: boom');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('does not show "[object Object]" for an Error whose message came from an object', () => {
    // What String() makes of an object, as a library that builds its message that way does.
    const error = new Error(Object.prototype.toString.call({ code: 'X' }));
    expect(describeAuthError(error)).not.toContain('[object Object]');
  });
});
