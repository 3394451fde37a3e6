/**
 * Tokens: a sign-in's access, ID and refresh tokens, refreshing them, and checking the ones that
 * come back (an access token on GetUser or GlobalSignOut, an ID token as a Cognito Identity login).
 */
import type { JwtClaims } from '../jwt';
import { issuedBefore, type AuthEvent, type RequestContext, type SimUser } from './model';
import type { PoolState } from './state';
import { idpError, ok } from './wire';

/** The scope of tokens from the user pool API (the Hosted UI asks for its own). */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
const ISSUER = /^https:\/\/cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com\/(\1_[0-9A-Za-z]+)$/;

/** The answer to the step that completes a sign-in. */
export async function signedIn(pool: PoolState, user: SimUser, context: RequestContext, scope = ADMIN_SCOPE): Promise<Response> {
  const result = await newSignIn(pool, user, context, scope);
  return ok({ AuthenticationResult: result, ChallengeParameters: {} });
}

/** A new sign-in event and its tokens. */
export async function newSignIn(pool: PoolState, user: SimUser, context: RequestContext, scope: string) {
  const event: AuthEvent = {
    ...context,
    originJti: crypto.randomUUID(),
    eventId: crypto.randomUUID(),
    authTime: Math.floor(pool.now() / 1000),
    scope,
  };
  const tokens = await mintTokens(pool, user, event);
  return { ...tokens, RefreshToken: await mintRefreshToken(pool, user, event) };
}

async function mintTokens(pool: PoolState, user: SimUser, event: AuthEvent) {
  const now = pool.now();
  const iat = Math.floor(now / 1000);
  const expiresIn = Math.max(1, Math.floor(pool.tokenLifetimeMs / 1000));
  const exp = iat + expiresIn;
  const iss = pool.issuer(event.region);
  const accessJti = crypto.randomUUID();
  const idJti = crypto.randomUUID();
  pool.seq += 1;
  pool.issued.set(accessJti, pool.seq);
  pool.issued.set(idJti, pool.seq);
  const access: JwtClaims = {
    sub: user.sub,
    iss,
    client_id: event.clientId,
    origin_jti: event.originJti,
    event_id: event.eventId,
    token_use: 'access',
    scope: event.scope,
    auth_time: event.authTime,
    exp,
    iat,
    jti: accessJti,
    username: user.username,
  };
  const id: JwtClaims = { sub: user.sub };
  if (user.email) id.email_verified = true;
  Object.assign(id, {
    iss,
    'cognito:username': user.username,
    origin_jti: event.originJti,
    aud: event.clientId,
    event_id: event.eventId,
    token_use: 'id',
    auth_time: event.authTime,
    exp,
    iat,
    jti: idJti,
  });
  if (user.email) id.email = user.email;
  return {
    AccessToken: await pool.signer.signJwt(access),
    ExpiresIn: expiresIn,
    TokenType: 'Bearer',
    IdToken: await pool.signer.signJwt(id),
  };
}

async function mintRefreshToken(pool: PoolState, user: SimUser, event: AuthEvent): Promise<string> {
  pool.seq += 1;
  const now = pool.now();
  return pool.signer.sealOpaque({
    token_use: 'refresh',
    instance: pool.instance,
    seq: pool.seq,
    sub: user.sub,
    username: user.username,
    client_id: event.clientId,
    region: event.region,
    origin_jti: event.originJti,
    event_id: event.eventId,
    auth_time: event.authTime,
    scope: event.scope,
    iat: now,
    exp: now + pool.refreshTokenLifetimeMs,
  });
}

function tokenSeq(pool: PoolState, claims: JwtClaims): { seq: number | undefined; at: number } {
  return { seq: typeof claims.jti === 'string' ? pool.issued.get(claims.jti) : undefined, at: Number(claims.iat) * 1000 };
}

/** "now >= exp" (Cognito's wording) when the access or ID token has expired, else undefined. */
function tokenExpired(pool: PoolState, claims: JwtClaims): string | undefined {
  const nowSeconds = Math.floor(pool.now() / 1000);
  const exp = Number(claims.exp);
  if (!Number.isFinite(exp) || nowSeconds >= exp || issuedBefore(pool.accessExpired, tokenSeq(pool, claims))) {
    return `${nowSeconds} >= ${Number.isFinite(exp) ? exp : 0}`;
  }
  return undefined;
}

/** The user an access token stands for, or the error when it is not valid, expired or revoked. */
export async function checkAccessToken(pool: PoolState, token: unknown): Promise<SimUser | Response> {
  const claims = typeof token === 'string' ? await pool.signer.verifyJwt(token) : undefined;
  if (!claims || claims.token_use !== 'access' || typeof claims.iss !== 'string' || !ISSUER.test(claims.iss)) {
    return idpError('NotAuthorizedException', 'Invalid Access Token');
  }
  if (tokenExpired(pool, claims)) return idpError('NotAuthorizedException', 'Access Token has expired');
  const user = pool.find(claims.username);
  if (!user || user.sub !== claims.sub) return idpError('NotAuthorizedException', 'User does not exist.');
  const issued = tokenSeq(pool, claims);
  if (
    pool.revokedOrigins.has(String(claims.origin_jti)) ||
    issuedBefore(pool.refreshRevoked, issued) ||
    issuedBefore(user.signedOut, issued)
  ) {
    return idpError('NotAuthorizedException', 'Access Token has been revoked');
  }
  return user;
}

/** New access and ID tokens for a refresh token (no rotation: the refresh token stays the same). */
export async function refresh(pool: PoolState, refreshToken: string, clientId: string) {
  const claims = await pool.signer.openOpaque(refreshToken);
  if (!claims || claims.token_use !== 'refresh') return idpError('NotAuthorizedException', 'Invalid Refresh Token');
  if (claims.client_id !== clientId) return idpError('NotAuthorizedException', 'Invalid Refresh Token');
  if (pool.now() >= Number(claims.exp)) return idpError('NotAuthorizedException', 'Refresh Token has expired');
  const user = pool.find(claims.username);
  if (!user || user.sub !== claims.sub) return idpError('NotAuthorizedException', 'User does not exist.');
  const issued = { seq: claims.instance === pool.instance ? Number(claims.seq) : undefined, at: Number(claims.iat) };
  if (
    pool.revokedOrigins.has(String(claims.origin_jti)) ||
    issuedBefore(pool.refreshRevoked, issued) ||
    issuedBefore(user.signedOut, issued)
  ) {
    return idpError('NotAuthorizedException', 'Refresh Token has been revoked');
  }
  return mintTokens(pool, user, {
    clientId,
    region: String(claims.region),
    originJti: String(claims.origin_jti),
    eventId: String(claims.event_id),
    authTime: Number(claims.auth_time),
    scope: String(claims.scope),
  });
}

/** Whether a Cognito Identity login holds up, and whose it is. */
export type LoginVerdict = { ok: true; sub: string; issuer: string } | { ok: false; message: string };

/**
 * Checks a `Logins` entry for Cognito Identity: an ID token this pool issued, unexpired, whose
 * issuer (without https://) is the key.
 */
export async function verifyLogin(pool: PoolState, providerName: string, token: unknown): Promise<LoginVerdict> {
  const issuerMatch = ISSUER.exec(`https://${providerName}`);
  if (!issuerMatch || issuerMatch[2] !== `${issuerMatch[1]}_${pool.poolName}`) {
    return { ok: false, message: 'Token is not from a supported provider of this identity pool.' };
  }
  const claims = typeof token === 'string' ? await pool.signer.verifyJwt(token) : undefined;
  if (!claims || claims.token_use !== 'id' || typeof claims.sub !== 'string') {
    return { ok: false, message: 'Invalid login token. Not a valid OpenId Connect identity token.' };
  }
  if (claims.iss !== `https://${providerName}`) {
    return { ok: false, message: "Invalid login token. Issuer doesn't match providerName" };
  }
  const expired = tokenExpired(pool, claims);
  if (expired) return { ok: false, message: `Invalid login token. Token expired: ${expired}` };
  return { ok: true, sub: claims.sub, issuer: claims.iss };
}
