/**
 * Challenges after the password: a new password (NEW_PASSWORD_REQUIRED), a choice of MFA method
 * (SELECT_MFA_TYPE) and an MFA code (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP): issuing them, and the
 * RespondToAuthChallenge answers to them.
 */
import { DEMO_CODE } from '../demoUsers';
import { randomBase64Url } from '../jwt';
import {
  MFA_CHALLENGE,
  type Challenge,
  type MfaChallenge,
  type PendingSession,
  type RequestContext,
  type SimUser,
} from './model';
import type { PoolState } from './state';
import { signedIn } from './tokens';
import {
  DEFAULT_PHONE,
  INVALID_SESSION,
  idpError,
  maskEmail,
  maskPhone,
  ok,
  passwordPolicyProblem,
  passwordResetRequired,
  str,
  type Body,
} from './wire';

const CODE_PARAMETER: Record<MfaChallenge, string> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};

/** The next step once the password is right: refusal for the user's state, a new password, or MFA. */
export async function afterPassword(pool: PoolState, user: SimUser, context: RequestContext): Promise<Response> {
  if (user.state === 'unconfirmed') return idpError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.state === 'reset-required') return passwordResetRequired();
  if (user.state === 'force-change-password') return challenge(pool, user, 'NEW_PASSWORD_REQUIRED', context);
  return afterFirstFactor(pool, user, context);
}

async function afterFirstFactor(pool: PoolState, user: SimUser, context: RequestContext): Promise<Response> {
  if (!user.mfa) return signedIn(pool, user, context);
  if (user.mfa === 'SELECT') {
    const choices: MfaChallenge[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'];
    if (user.email) choices.push('EMAIL_OTP');
    return challenge(pool, user, 'SELECT_MFA_TYPE', context, choices);
  }
  return challenge(pool, user, MFA_CHALLENGE[user.mfa], context);
}

function challenge(pool: PoolState, user: SimUser, name: Challenge, context: RequestContext, choices?: MfaChallenge[]): Response {
  pool.prune();
  const session = randomBase64Url(192);
  const pending: PendingSession = {
    ...context,
    username: user.username,
    challenge: name,
    expiresAt: pool.now() + pool.sessionLifetimeMs,
  };
  if (choices) pending.choices = choices;
  pool.sessions.set(session, pending);
  const parameters: Record<string, string> = { USER_ID_FOR_SRP: user.username };
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED':
      parameters.requiredAttributes = '[]';
      parameters.userAttributes = JSON.stringify(user.email ? { email: user.email } : {});
      break;
    case 'SELECT_MFA_TYPE':
      parameters.MFAS_CAN_CHOOSE = JSON.stringify(choices ?? []);
      break;
    case 'SMS_MFA':
      parameters.CODE_DELIVERY_DELIVERY_MEDIUM = 'SMS';
      parameters.CODE_DELIVERY_DESTINATION = maskPhone(user.phoneNumber ?? DEFAULT_PHONE);
      break;
    case 'EMAIL_OTP':
      parameters.CODE_DELIVERY_DELIVERY_MEDIUM = 'EMAIL';
      parameters.CODE_DELIVERY_DESTINATION = maskEmail(user.email ?? '');
      break;
    case 'SOFTWARE_TOKEN_MFA':
      break;
  }
  return ok({ ChallengeName: name, Session: session, ChallengeParameters: parameters });
}

/** RespondToAuthChallenge to a challenge with a Session (every one but PASSWORD_VERIFIER). */
export async function answerChallenge(
  pool: PoolState,
  body: Body,
  clientId: string,
  name: string | undefined,
  responses: Record<string, unknown>,
): Promise<Response> {
  const sessionId = str(body.Session) ?? '';
  const session = pool.sessions.get(sessionId);
  if (!session || session.clientId !== clientId) return INVALID_SESSION();
  if (session.expiresAt <= pool.now()) {
    pool.sessions.delete(sessionId);
    return idpError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  }
  const user = pool.find(session.username);
  if (!user || pool.find(responses.USERNAME) !== user || name !== session.challenge) return INVALID_SESSION();
  const context: RequestContext = { clientId, region: session.region };

  switch (session.challenge) {
    case 'NEW_PASSWORD_REQUIRED': {
      const password = str(responses.NEW_PASSWORD);
      if (!password) return idpError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
      const problem = passwordPolicyProblem(password);
      if (problem) return idpError('InvalidPasswordException', problem);
      pool.sessions.delete(sessionId);
      user.password = password;
      user.state = 'confirmed';
      return afterFirstFactor(pool, user, context);
    }
    case 'SELECT_MFA_TYPE': {
      const answer = str(responses.ANSWER);
      const choice = session.choices?.find((c) => c === answer);
      if (!choice) return idpError('InvalidParameterException', `ANSWER must be one of ${JSON.stringify(session.choices ?? [])}`);
      pool.sessions.delete(sessionId);
      return challenge(pool, user, choice, context);
    }
    case 'SOFTWARE_TOKEN_MFA':
    case 'SMS_MFA':
    case 'EMAIL_OTP': {
      const parameter = CODE_PARAMETER[session.challenge];
      const code = str(responses[parameter]);
      if (!code) return idpError('InvalidParameterException', `Missing required parameter ${parameter}`);
      if (code !== DEMO_CODE) {
        return idpError(
          'CodeMismatchException',
          session.challenge === 'SOFTWARE_TOKEN_MFA'
            ? 'Invalid code received for user'
            : 'Invalid code or auth state for the user.',
        );
      }
      pool.sessions.delete(sessionId);
      return signedIn(pool, user, context);
    }
  }
}
