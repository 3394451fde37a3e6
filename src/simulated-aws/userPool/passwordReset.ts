/** Password reset: ForgotPassword sends DEMO_CODE ("sends": nothing leaves), ConfirmForgotPassword takes it. */
import { DEMO_CODE } from '../demoUsers';
import type { PoolState } from './state';
import { DEFAULT_PHONE, idpError, maskEmail, maskPhone, ok, passwordPolicyProblem, str, type Body } from './wire';

const MAX_RESET_CODE_FAILURES = 5;

export function forgotPassword(pool: PoolState, body: Body): Response {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const username = str(body.Username);
  if (!username) return idpError('InvalidParameterException', 'Missing required parameter Username');
  const user = pool.find(username);
  // Like a pool that prevents user-existence errors: an unknown user gets a plausible answer.
  if (!user) return ok({ CodeDeliveryDetails: { Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
  if (user.state === 'force-change-password') {
    return idpError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  }
  if (user.state === 'unconfirmed' || (!user.email && !user.phoneNumber)) {
    return idpError(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  user.resetPending = true;
  user.resetFailures = 0;
  return ok({
    CodeDeliveryDetails: user.email
      ? { Destination: maskEmail(user.email), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
      : { Destination: maskPhone(user.phoneNumber ?? DEFAULT_PHONE), DeliveryMedium: 'SMS', AttributeName: 'phone_number' },
  });
}

export function confirmForgotPassword(pool: PoolState, body: Body): Response {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const user = pool.find(body.Username);
  const code = str(body.ConfirmationCode);
  const password = str(body.Password);
  if (!code) return idpError('InvalidParameterException', 'Missing required parameter ConfirmationCode');
  if (!password) return idpError('InvalidParameterException', 'Missing required parameter Password');
  if (!user) return idpError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  if (!user.resetPending) return idpError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  if (user.resetFailures >= MAX_RESET_CODE_FAILURES) {
    return idpError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  }
  if (code !== DEMO_CODE) {
    user.resetFailures += 1;
    return idpError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  const problem = passwordPolicyProblem(password);
  if (problem) return idpError('InvalidPasswordException', problem);
  user.password = password;
  user.state = 'confirmed';
  user.resetPending = false;
  user.failedPasswords = 0;
  user.lockedUntil = 0;
  return ok({});
}
