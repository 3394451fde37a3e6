/**
 * Operations on a signed-in user's tokens: GetTokensFromRefreshToken, RevokeToken, GlobalSignOut
 * and GetUser.
 */
import { MFA_CHALLENGE } from './model';
import type { PoolState } from './state';
import { checkAccessToken, refresh } from './tokens';
import { idpError, ok, str, type Body } from './wire';

export async function getTokensFromRefreshToken(pool: PoolState, body: Body): Promise<Response> {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const refreshToken = str(body.RefreshToken);
  if (!refreshToken) {
    return idpError(
      'InvalidParameterException',
      "1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null",
    );
  }
  const result = await refresh(pool, refreshToken, clientId);
  return result instanceof Response ? result : ok({ AuthenticationResult: result });
}

export async function revokeToken(pool: PoolState, body: Body): Promise<Response> {
  const clientId = pool.client(body);
  if (clientId instanceof Response) return clientId;
  const claims = await pool.signer.openOpaque(str(body.Token) ?? '');
  if (!claims || claims.token_use !== 'refresh') {
    return idpError('UnsupportedTokenTypeException', 'The token is not a refresh token issued by this user pool.');
  }
  if (claims.client_id !== clientId) {
    return idpError('UnauthorizedException', 'The refresh token was not issued to this client.');
  }
  pool.revokedOrigins.add(String(claims.origin_jti));
  return ok({});
}

export async function globalSignOut(pool: PoolState, body: Body): Promise<Response> {
  const user = await checkAccessToken(pool, body.AccessToken);
  if (user instanceof Response) return user;
  user.signedOut = pool.marker();
  return ok({});
}

export async function getUser(pool: PoolState, body: Body): Promise<Response> {
  const user = await checkAccessToken(pool, body.AccessToken);
  if (user instanceof Response) return user;
  const attributes = [{ Name: 'sub', Value: user.sub }];
  if (user.email) attributes.push({ Name: 'email_verified', Value: 'true' }, { Name: 'email', Value: user.email });
  if (user.phoneNumber) attributes.push({ Name: 'phone_number', Value: user.phoneNumber });
  const result: Record<string, unknown> = { Username: user.username, UserAttributes: attributes };
  if (user.mfa && user.mfa !== 'SELECT') {
    result.PreferredMfaSetting = MFA_CHALLENGE[user.mfa];
    result.UserMFASettingList = [MFA_CHALLENGE[user.mfa]];
  } else if (user.mfa === 'SELECT') {
    result.UserMFASettingList = user.email ? ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] : ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'];
  }
  return ok(result);
}
