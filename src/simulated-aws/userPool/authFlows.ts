/**
 * Signing in: InitiateAuth (USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH) and the entry to
 * RespondToAuthChallenge, which answers SRP's PASSWORD_VERIFIER here and hands every other
 * challenge to challenges.ts. Wrong passwords count towards a lockout.
 */
import { randomBase64Url, safeEqual } from '../jwt';
import { SRP_TIMESTAMP, parseSrpA, randomSalt, srpClaimSignature, srpServerChallenge, srpSessionKey, srpVerifier } from '../srp';
import { afterPassword, answerChallenge } from './challenges';
import type { PendingSrp, RequestContext, SimUser } from './model';
import type { PoolState } from './state';
import { refresh } from './tokens';
import { INCORRECT, INVALID_SESSION, idpError, ok, passwordResetRequired, record, str, type Body } from './wire';

const MAX_PASSWORD_FAILURES = 5;

export async function initiateAuth(pool: PoolState, body: Body, region: string): Promise<Response> {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const context = { clientId, region };
  const flow = str(body.AuthFlow);
  const params = record(body.AuthParameters);
  switch (flow) {
    case 'USER_PASSWORD_AUTH': {
      const username = str(params.USERNAME);
      const password = str(params.PASSWORD);
      if (!username) return idpError('InvalidParameterException', 'Missing required parameter USERNAME');
      if (!password) return idpError('InvalidParameterException', 'Missing required parameter PASSWORD');
      const user = pool.find(username);
      if (!user) return INCORRECT();
      if (user.state === 'reset-required') return passwordResetRequired();
      const refused = checkPassword(pool, user, password);
      if (refused) return refused;
      return afterPassword(pool, user, context);
    }
    case 'USER_SRP_AUTH':
      return startSrp(pool, params, context);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const refreshToken = str(params.REFRESH_TOKEN);
      if (!refreshToken) return idpError('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
      const result = await refresh(pool, refreshToken, clientId);
      if (result instanceof Response) return result;
      return ok({ AuthenticationResult: result, ChallengeParameters: {} });
    }
    case undefined:
      return idpError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null",
      );
    default:
      return idpError(
        'InvalidParameterException',
        `${flow} flow not enabled for this client (the simulated user pool supports USER_PASSWORD_AUTH, USER_SRP_AUTH and REFRESH_TOKEN_AUTH).`,
      );
  }
}

export async function respondToAuthChallenge(pool: PoolState, body: Body): Promise<Response> {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const name = str(body.ChallengeName);
  const responses = record(body.ChallengeResponses);
  if (name === 'PASSWORD_VERIFIER') return passwordVerifier(pool, responses, clientId);
  return answerChallenge(pool, body, clientId, name, responses);
}

/** Counts wrong passwords; after MAX_PASSWORD_FAILURES in a row the user is locked out for a while. */
export function checkPassword(pool: PoolState, user: SimUser, password: string): Response | undefined {
  const now = pool.now();
  if (user.lockedUntil > now) return idpError('NotAuthorizedException', 'Password attempts exceeded');
  if (user.password === undefined || password !== user.password) {
    passwordFailed(pool, user);
    return INCORRECT();
  }
  user.failedPasswords = 0;
  return undefined;
}

function passwordFailed(pool: PoolState, user: SimUser): void {
  user.failedPasswords += 1;
  if (user.failedPasswords >= MAX_PASSWORD_FAILURES) {
    user.failedPasswords = 0;
    user.lockedUntil = pool.now() + pool.lockoutMs;
  }
}

// --- USER_SRP_AUTH ---------------------------------------------------------------------------

async function startSrp(pool: PoolState, params: Record<string, unknown>, context: RequestContext): Promise<Response> {
  const username = str(params.USERNAME);
  if (!username) return idpError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (params.SRP_A === undefined) return idpError('InvalidParameterException', 'Missing required parameter SRP_A');
  const A = parseSrpA(params.SRP_A);
  if (A === undefined) return idpError('InvalidParameterException', 'Invalid SRP_A value');
  const user = pool.find(username);
  if (user?.state === 'reset-required') return passwordResetRequired();
  // An unknown user gets a challenge all the same (against a random verifier), so the answer
  // to a wrong username and to a wrong password is the same NotAuthorizedException.
  const usernameForSrp = user?.username ?? username;
  const salt = user?.salt ?? randomSalt();
  const verifier = await srpVerifier(pool.poolName, usernameForSrp, user?.password ?? randomBase64Url(24), salt);
  const server = await srpServerChallenge(verifier);
  pool.prune();
  const secretBlock = randomBase64Url(96).replace(/-/g, '+').replace(/_/g, '/');
  const pending: PendingSrp = {
    ...context,
    usernameForSrp,
    A,
    verifier,
    server,
    expiresAt: pool.now() + pool.sessionLifetimeMs,
  };
  if (user) pending.username = user.username;
  pool.srp.set(secretBlock, pending);
  return ok({
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt.toString(16),
      SECRET_BLOCK: secretBlock,
      SRP_B: server.B.toString(16),
      USERNAME: usernameForSrp,
      USER_ID_FOR_SRP: usernameForSrp,
    },
  });
}

async function passwordVerifier(pool: PoolState, responses: Record<string, unknown>, clientId: string): Promise<Response> {
  const secretBlock = str(responses.PASSWORD_CLAIM_SECRET_BLOCK) ?? '';
  const pending = pool.srp.get(secretBlock);
  if (!pending || pending.clientId !== clientId || pending.expiresAt <= pool.now()) return INVALID_SESSION();
  pool.srp.delete(secretBlock);
  const timestamp = str(responses.TIMESTAMP) ?? '';
  if (!SRP_TIMESTAMP.test(timestamp))
    return idpError('InvalidParameterException', 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  const username = str(responses.USERNAME);
  const user = pending.username ? pool.find(pending.username) : undefined;
  if (!user || !username || pool.find(username) !== user) return INCORRECT();
  if (user.lockedUntil > pool.now()) return idpError('NotAuthorizedException', 'Password attempts exceeded');
  const key = await srpSessionKey(pending.A, pending.server, pending.verifier);
  const expected = await srpClaimSignature(key, pool.poolName, pending.usernameForSrp, secretBlock, timestamp);
  const claimed = str(responses.PASSWORD_CLAIM_SIGNATURE) ?? '';
  if (user.password === undefined || !safeEqual(expected, claimed)) {
    passwordFailed(pool, user);
    return INCORRECT();
  }
  user.failedPasswords = 0;
  return afterPassword(pool, user, { clientId: pending.clientId, region: pending.region });
}
