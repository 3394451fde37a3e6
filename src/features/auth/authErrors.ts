/**
 * Cognito's errors in plain words. Amplify throws AuthError with the service's exception name;
 * the person should never see a stack trace or "[object Object]".
 */
export function describeAuthError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  // A library that wraps a parsed body in an Error leaves "[object Object]" as the message: not words for a person.
  const raw = error instanceof Error ? error.message : '';
  const message = raw.includes('[object Object]') ? '' : raw;
  switch (name) {
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(message)) return 'Too many failed attempts. Wait a few minutes, then try again.';
      if (/disabled/i.test(message)) return 'This user is disabled. Ask an administrator of the user pool.';
      if (/refresh token/i.test(message) || /session/i.test(message)) return 'Your session has ended. Sign in again.';
      return 'Wrong username or password.';
    case 'UserNotFoundException':
      return 'Wrong username or password.';
    case 'UserNotConfirmedException':
      return 'This account is not confirmed yet. Confirm it with the code Cognito sent when it was created, or ask an administrator.';
    case 'PasswordResetRequiredException':
      return 'A password reset is required for this account.';
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
      return 'Too many attempts. Wait a few minutes, then try again.';
    case 'CodeMismatchException':
      return 'That code is not right. Check it and try again.';
    case 'ExpiredCodeException':
      return 'That code has expired. Start again to get a new one.';
    case 'InvalidPasswordException':
      return message
        ? `The new password is not accepted: ${message}`
        : 'The new password does not meet the pool’s password rules.';
    case 'InvalidParameterException':
      return message ? `Cognito refused the request: ${message}` : 'Cognito refused the request.';
    case 'UserAlreadyAuthenticatedException':
      return 'You are already signed in.';
    case 'NetworkError':
      return 'Can’t reach Cognito. Check the network connection and try again.';
    case 'EmptySignInUsername':
    case 'EmptySignInPassword':
    case 'EmptyConfirmSignInChallengeResponse':
    case 'EmptyResetPasswordUsername':
    case 'EmptyConfirmResetPasswordConfirmationCode':
    case 'EmptyConfirmResetPasswordNewPassword':
      return 'Please fill in every field.';
    default:
      if (error instanceof TypeError) return 'Can’t reach Cognito. Check the network connection and try again.';
      return message ? `Sign-in failed: ${message}` : 'Sign-in failed for an unknown reason.';
  }
}
