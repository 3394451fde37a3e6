/**
 * A simulated Cognito user pool. This module is its face; the pool itself lives in userPool/:
 *   state.ts            what the pool knows (users, pending challenges, codes, revocations) and its lookups
 *   model.ts            the shapes of those records, and the public option and view types
 *   authFlows.ts        InitiateAuth (password, SRP, refresh token) and RespondToAuthChallenge's entry
 *   challenges.ts       new-password, MFA-choice and MFA-code challenges: issued and answered
 *   tokens.ts           minting, refreshing and checking tokens; Cognito Identity logins
 *   tokenOperations.ts  GetTokensFromRefreshToken, RevokeToken, GlobalSignOut, GetUser
 *   passwordReset.ts    ForgotPassword, ConfirmForgotPassword
 *   hostedUi.ts         the Hosted UI endpoints (+ hostedUiPages.ts, their HTML)
 *   wire.ts             Cognito's JSON answers and errors, request field readers
 */
import { initiateAuth, respondToAuthChallenge } from './userPool/authFlows';
import { handleHostedUi, hostedUiOperation, issueAuthorizationCode, type AuthorizationCodeOptions } from './userPool/hostedUi';
import type { SimUserSpec, SimUserView, SimulatedUserPoolOptions } from './userPool/model';
import { confirmForgotPassword, forgotPassword } from './userPool/passwordReset';
import { PoolState } from './userPool/state';
import { getTokensFromRefreshToken, getUser, globalSignOut, revokeToken } from './userPool/tokenOperations';
import { verifyLogin, type LoginVerdict } from './userPool/tokens';
import { idpError, record, type Body } from './userPool/wire';

export type { SimMfa, SimUserSpec, SimUserState, SimUserView, SimulatedUserPoolOptions } from './userPool/model';
export { idpError, passwordPolicyProblem } from './userPool/wire';

/**
 * A simulated Cognito user pool: the `AWSCognitoIdentityProviderService.*` operations Amplify's sign-in,
 * refresh, sign-out and password-reset flows call, plus the Hosted UI endpoints (`/oauth2/*`, `/login`,
 * `/logout`). Every code it "sends" is DEMO_CODE (123456).
 */
export class SimulatedUserPool {
  readonly userPoolId: string;
  /** The part of the pool ID after `_` (what SRP mixes into its proofs). */
  readonly poolName: string;
  readonly defaultRegion: string;

  readonly #pool: PoolState;

  constructor(options: SimulatedUserPoolOptions = {}) {
    this.#pool = new PoolState(options);
    this.userPoolId = this.#pool.userPoolId;
    this.poolName = this.#pool.poolName;
    this.defaultRegion = this.#pool.defaultRegion;
  }

  get tokenLifetimeMs(): number {
    return this.#pool.tokenLifetimeMs;
  }
  set tokenLifetimeMs(value: number) {
    this.#pool.tokenLifetimeMs = value;
  }
  get refreshTokenLifetimeMs(): number {
    return this.#pool.refreshTokenLifetimeMs;
  }
  set refreshTokenLifetimeMs(value: number) {
    this.#pool.refreshTokenLifetimeMs = value;
  }
  get sessionLifetimeMs(): number {
    return this.#pool.sessionLifetimeMs;
  }
  set sessionLifetimeMs(value: number) {
    this.#pool.sessionLifetimeMs = value;
  }
  get lockoutMs(): number {
    return this.#pool.lockoutMs;
  }
  set lockoutMs(value: number) {
    this.#pool.lockoutMs = value;
  }

  /** Back to the constructor's users and settings; forgets sessions, codes and revocations. */
  reset(): void {
    this.#pool.reset();
  }

  /** Creates or replaces a user. */
  putUser(spec: SimUserSpec): void {
    this.#pool.putUser(spec);
  }

  deleteUser(username: string): boolean {
    return this.#pool.users.delete(username.toLowerCase());
  }

  /** A copy of what the pool knows about a user (by username or email). */
  user(usernameOrEmail: string): SimUserView | undefined {
    const user = this.#pool.find(usernameOrEmail);
    if (!user) return undefined;
    const view: SimUserView = { username: user.username, state: user.state, sub: user.sub };
    if (user.password !== undefined) view.password = user.password;
    if (user.email !== undefined) view.email = user.email;
    if (user.phoneNumber !== undefined) view.phoneNumber = user.phoneNumber;
    if (user.mfa !== undefined) view.mfa = user.mfa;
    if (user.lockedUntil > this.#pool.now()) view.lockedUntil = user.lockedUntil;
    return view;
  }

  /** Every refresh token issued so far stops working ("Refresh Token has been revoked"). */
  revokeAllRefreshTokens(): void {
    this.#pool.refreshRevoked = this.#pool.marker();
  }

  /**
   * Every access and ID token issued so far counts as expired from now on, wherever the pool or the
   * identity pool checks one: the next credentials need a token refresh. (Clients decide when to
   * refresh from the `exp` they hold, which this cannot change.)
   */
  expireAccessTokens(): void {
    this.#pool.accessExpired = this.#pool.marker();
  }

  /**
   * An authorization code as if `username` had just signed in on the Hosted UI. Given a PKCE
   * `codeChallenge` (S256), the exchange must present the matching code_verifier; given `clientId` or
   * `redirectUri`, the exchange must repeat them.
   */
  issueAuthorizationCode(username: string, codeChallenge?: string, options: AuthorizationCodeOptions = {}): string {
    return issueAuthorizationCode(this.#pool, username, codeChallenge, options);
  }

  issuer(region: string): string {
    return this.#pool.issuer(region);
  }

  /**
   * Checks a `Logins` entry for Cognito Identity: an ID token this pool issued, unexpired, whose
   * issuer (without https://) is the key.
   */
  verifyLogin(providerName: string, token: unknown): Promise<LoginVerdict> {
    return verifyLogin(this.#pool, providerName, token);
  }

  /** Answers `AWSCognitoIdentityProviderService.<operation>`. */
  async handle(request: Request, operation: string, hostRegion: string | undefined): Promise<Response> {
    let body: Body;
    try {
      body = record(await request.json());
    } catch {
      return idpError('SerializationException', 'Request body is not JSON');
    }
    const pool = this.#pool;
    const region = hostRegion ?? pool.defaultRegion;
    switch (operation) {
      case 'InitiateAuth':
        return initiateAuth(pool, body, region);
      case 'RespondToAuthChallenge':
        return respondToAuthChallenge(pool, body);
      case 'GetTokensFromRefreshToken':
        return getTokensFromRefreshToken(pool, body);
      case 'RevokeToken':
        return revokeToken(pool, body);
      case 'GlobalSignOut':
        return globalSignOut(pool, body);
      case 'GetUser':
        return getUser(pool, body);
      case 'ForgotPassword':
        return forgotPassword(pool, body);
      case 'ConfirmForgotPassword':
        return confirmForgotPassword(pool, body);
      default:
        return idpError('UnknownOperationException', `The simulated user pool does not implement ${operation}.`);
    }
  }

  /** The operation name a Hosted UI path is recorded under, or undefined when it is not one. */
  static hostedUiOperation(pathname: string): string | undefined {
    return hostedUiOperation(pathname);
  }

  /** Answers a Hosted UI request: /oauth2/authorize, /login, /logout, /oauth2/token, /oauth2/revoke. */
  handleHostedUi(request: Request, url: URL, hostRegion: string | undefined): Promise<Response> {
    return handleHostedUi(this.#pool, request, url, hostRegion);
  }
}
