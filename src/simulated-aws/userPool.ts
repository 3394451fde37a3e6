import { DEMO_CODE, DEMO_USER_POOL_ID, DEMO_USERS, type SimMfa, type SimUserSpec, type SimUserState } from './demoUsers';
import { TokenSigner, bytesToBase64Url, randomBase64Url, safeEqual, sha256, type JwtClaims } from './jwt';
import {
  SRP_TIMESTAMP,
  parseSrpA,
  randomSalt,
  srpClaimSignature,
  srpServerChallenge,
  srpSessionKey,
  srpVerifier,
  type SrpServerChallenge,
} from './srp';

export type { SimMfa, SimUserSpec, SimUserState };

/** What a test can read back about a user. */
export interface SimUserView {
  username: string;
  password?: string;
  email?: string;
  phoneNumber?: string;
  state: SimUserState;
  mfa?: SimMfa;
  sub: string;
  lockedUntil?: number;
}

export interface SimulatedUserPoolOptions {
  now?: () => number;
  /**
   * The pool's ID. Amplify never sends its userPoolId to Cognito, so the pool cannot learn it from
   * requests; the region part follows the endpoint a request reaches (cognito-idp.<region>…), the
   * name part (after `_`) is fixed here. SRP mixes that name into its proofs, so SRP sign-in only
   * works when the client's userPoolId has this name. Defaults to DEMO_USER_POOL_ID.
   */
  userPoolId?: string;
  /** App client IDs to accept; any when missing. Tokens always record the one used. */
  clientIds?: string[];
  /** Whether the demo users exist (default true). */
  demoUsers?: boolean;
  /** More users, besides (or replacing) the demo users. */
  users?: SimUserSpec[];
  /** Access and ID token lifetime (default 60 minutes). */
  tokenLifetimeMs?: number;
  refreshTokenLifetimeMs?: number;
  /** How long a challenge's Session stays usable (Cognito's default: 3 minutes). */
  sessionLifetimeMs?: number;
  /** How long a user stays locked out after 5 wrong passwords in a row. */
  lockoutMs?: number;
  /**
   * Secret for token signatures. Fixed by default so the in-page demo keeps accepting tokens a
   * previous page load stored in sessionStorage.
   */
  signingSecret?: string;
}

interface SimUser extends SimUserView {
  salt: bigint;
  failedPasswords: number;
  lockedUntil: number;
  /** Global sign-out: tokens issued up to this point are revoked. */
  signedOut: Marker;
  /** A ForgotPassword code is outstanding. */
  resetPending: boolean;
  resetFailures: number;
}

type MfaChallenge = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';
type Challenge = 'NEW_PASSWORD_REQUIRED' | 'SELECT_MFA_TYPE' | MfaChallenge;

interface RequestContext {
  clientId: string;
  region: string;
}

interface PendingSession extends RequestContext {
  username: string;
  challenge: Challenge;
  expiresAt: number;
  choices?: MfaChallenge[];
}

interface PendingSrp extends RequestContext {
  /** Undefined for an unknown user: the challenge is played out and fails like a wrong password. */
  username?: string;
  usernameForSrp: string;
  A: bigint;
  verifier: bigint;
  server: SrpServerChallenge;
  expiresAt: number;
}

interface AuthCode {
  username: string;
  region: string;
  scope: string;
  clientId?: string;
  redirectUri?: string;
  codeChallenge?: string;
  expiresAt: number;
}

/** One sign-in: what every token it produces (and its refreshes) shares. */
interface AuthEvent extends RequestContext {
  originJti: string;
  eventId: string;
  authTime: number;
  scope: string;
}

/**
 * A point in the issue history. Tokens minted by this instance carry a sequence number and compare
 * exactly; tokens from an earlier instance (the demo after a page reload) compare by issue time.
 */
interface Marker {
  seq: number;
  at: number;
}

const NEVER: Marker = { seq: -1, at: -Infinity };
const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
const HOSTED_UI_SCOPE = `openid email profile ${ADMIN_SCOPE}`;
const DEFAULT_PHONE = '+15555550100';
const AUTH_CODE_LIFETIME_MS = 5 * 60 * 1000;
const MAX_RESET_CODE_FAILURES = 5;
const MAX_PASSWORD_FAILURES = 5;
const ISSUER = /^https:\/\/cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com\/(\1_[0-9A-Za-z]+)$/;
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_([0-9A-Za-z]+)$/;

const MFA_CHALLENGE: Record<Exclude<SimMfa, 'SELECT'>, MfaChallenge> = {
  TOTP: 'SOFTWARE_TOKEN_MFA',
  SMS: 'SMS_MFA',
  EMAIL: 'EMAIL_OTP',
};

const CODE_PARAMETER: Record<MfaChallenge, string> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};

type Body = Record<string, unknown>;

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() },
  });
}

/** Cognito's error shape: the type in `__type` (and in x-amzn-errortype, which Amplify reads first). */
export function idpError(type: string, message: string, status = 400): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': crypto.randomUUID(),
      'x-amzn-errortype': `${type}:`,
      'x-amzn-errormessage': message,
    },
  });
}

const INCORRECT = () => idpError('NotAuthorizedException', 'Incorrect username or password.');
const INVALID_SESSION = () => idpError('NotAuthorizedException', 'Invalid session for the user.');

function oauthJson(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
  });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function passwordPolicyProblem(password: string): string | undefined {
  if (password.length < 8) return 'Password does not conform to policy: Password not long enough';
  if (!/\d/.test(password)) return 'Password does not conform to policy: Password must have numeric characters';
  return undefined;
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

function maskPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-4)}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function issuedBefore(marker: Marker, token: { seq: number | undefined; at: number }): boolean {
  return token.seq !== undefined ? token.seq <= marker.seq : token.at <= marker.at;
}

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
  tokenLifetimeMs: number;
  refreshTokenLifetimeMs: number;
  sessionLifetimeMs: number;
  lockoutMs: number;

  readonly #now: () => number;
  readonly #options: SimulatedUserPoolOptions;
  readonly #signer: TokenSigner;
  readonly #instance = randomBase64Url(6);
  #seq = 0;
  readonly #users = new Map<string, SimUser>();
  readonly #sessions = new Map<string, PendingSession>();
  readonly #srp = new Map<string, PendingSrp>();
  readonly #codes = new Map<string, AuthCode>();
  readonly #revokedOrigins = new Set<string>();
  /** Access/ID tokens this instance issued: jti → sequence number. */
  readonly #issued = new Map<string, number>();
  #refreshRevoked: Marker = NEVER;
  #accessExpired: Marker = NEVER;

  constructor(options: SimulatedUserPoolOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.userPoolId = options.userPoolId ?? DEMO_USER_POOL_ID;
    const match = POOL_ID.exec(this.userPoolId);
    if (!match) throw new Error(`Not a user pool ID: ${this.userPoolId}`);
    this.defaultRegion = match[1] as string;
    this.poolName = match[2] as string;
    this.#signer = new TokenSigner(options.signingSecret ?? 'amplify-job-watch simulated user pool');
    this.tokenLifetimeMs = 0;
    this.refreshTokenLifetimeMs = 0;
    this.sessionLifetimeMs = 0;
    this.lockoutMs = 0;
    this.reset();
  }

  /** Back to the constructor's users and settings; forgets sessions, codes and revocations. */
  reset(): void {
    const options = this.#options;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 60 * 60 * 1000;
    this.refreshTokenLifetimeMs = options.refreshTokenLifetimeMs ?? 30 * 24 * 60 * 60 * 1000;
    this.sessionLifetimeMs = options.sessionLifetimeMs ?? 3 * 60 * 1000;
    this.lockoutMs = options.lockoutMs ?? 15 * 60 * 1000;
    this.#users.clear();
    this.#sessions.clear();
    this.#srp.clear();
    this.#codes.clear();
    this.#revokedOrigins.clear();
    this.#issued.clear();
    this.#refreshRevoked = NEVER;
    this.#accessExpired = NEVER;
    if (options.demoUsers ?? true) for (const user of DEMO_USERS) this.putUser(user);
    for (const user of options.users ?? []) this.putUser(user);
  }

  /** Creates or replaces a user. */
  putUser(spec: SimUserSpec): void {
    if (!spec.username) throw new Error('A simulated user needs a username');
    if (spec.mfa === 'EMAIL' && !spec.email) throw new Error(`User ${spec.username}: EMAIL MFA needs an email`);
    const user: SimUser = {
      username: spec.username,
      state: spec.state ?? 'confirmed',
      sub: spec.sub ?? crypto.randomUUID(),
      salt: randomSalt(),
      failedPasswords: 0,
      lockedUntil: 0,
      signedOut: NEVER,
      resetPending: false,
      resetFailures: 0,
    };
    if (spec.password !== undefined) user.password = spec.password;
    if (spec.email !== undefined) user.email = spec.email;
    if (spec.phoneNumber !== undefined) user.phoneNumber = spec.phoneNumber;
    if (spec.mfa !== undefined) user.mfa = spec.mfa;
    this.#users.set(spec.username.toLowerCase(), user);
  }

  deleteUser(username: string): boolean {
    return this.#users.delete(username.toLowerCase());
  }

  /** A copy of what the pool knows about a user (by username or email). */
  user(usernameOrEmail: string): SimUserView | undefined {
    const user = this.#find(usernameOrEmail);
    if (!user) return undefined;
    const view: SimUserView = { username: user.username, state: user.state, sub: user.sub };
    if (user.password !== undefined) view.password = user.password;
    if (user.email !== undefined) view.email = user.email;
    if (user.phoneNumber !== undefined) view.phoneNumber = user.phoneNumber;
    if (user.mfa !== undefined) view.mfa = user.mfa;
    if (user.lockedUntil > this.#now()) view.lockedUntil = user.lockedUntil;
    return view;
  }

  /** Every refresh token issued so far stops working ("Refresh Token has been revoked"). */
  revokeAllRefreshTokens(): void {
    this.#refreshRevoked = this.#marker();
  }

  /**
   * Every access and ID token issued so far counts as expired from now on, wherever the pool or the
   * identity pool checks one: the next credentials need a token refresh. (Clients decide when to
   * refresh from the `exp` they hold, which this cannot change.)
   */
  expireAccessTokens(): void {
    this.#accessExpired = this.#marker();
  }

  /**
   * An authorization code as if `username` had just signed in on the Hosted UI. Given a PKCE
   * `codeChallenge` (S256), the exchange must present the matching code_verifier; given `clientId` or
   * `redirectUri`, the exchange must repeat them.
   */
  issueAuthorizationCode(
    username: string,
    codeChallenge?: string,
    options: { clientId?: string; redirectUri?: string; scope?: string; region?: string } = {},
  ): string {
    const user = this.#find(username);
    if (!user) throw new Error(`No simulated user ${username}`);
    this.#prune();
    const code = crypto.randomUUID();
    const issued: AuthCode = {
      username: user.username,
      region: options.region ?? this.defaultRegion,
      scope: options.scope ?? HOSTED_UI_SCOPE,
      expiresAt: this.#now() + AUTH_CODE_LIFETIME_MS,
    };
    if (codeChallenge) issued.codeChallenge = codeChallenge;
    if (options.clientId) issued.clientId = options.clientId;
    if (options.redirectUri) issued.redirectUri = options.redirectUri;
    this.#codes.set(code, issued);
    return code;
  }

  issuer(region: string): string {
    return `https://cognito-idp.${region}.amazonaws.com/${region}_${this.poolName}`;
  }

  /**
   * Checks a `Logins` entry for Cognito Identity: an ID token this pool issued, unexpired, whose
   * issuer (without https://) is the key.
   */
  async verifyLogin(
    providerName: string,
    token: unknown,
  ): Promise<{ ok: true; sub: string; issuer: string } | { ok: false; message: string }> {
    const issuerMatch = ISSUER.exec(`https://${providerName}`);
    if (!issuerMatch || issuerMatch[2] !== `${issuerMatch[1]}_${this.poolName}`) {
      return { ok: false, message: 'Token is not from a supported provider of this identity pool.' };
    }
    const claims = typeof token === 'string' ? await this.#signer.verifyJwt(token) : undefined;
    if (!claims || claims.token_use !== 'id' || typeof claims.sub !== 'string') {
      return { ok: false, message: 'Invalid login token. Not a valid OpenId Connect identity token.' };
    }
    if (claims.iss !== `https://${providerName}`) {
      return { ok: false, message: "Invalid login token. Issuer doesn't match providerName" };
    }
    const expired = this.#tokenExpired(claims);
    if (expired) return { ok: false, message: `Invalid login token. Token expired: ${expired}` };
    return { ok: true, sub: claims.sub, issuer: claims.iss };
  }

  // ---------------------------------------------------------------------------------------------
  // AWSCognitoIdentityProviderService.*

  async handle(request: Request, operation: string, hostRegion: string | undefined): Promise<Response> {
    let body: Body;
    try {
      body = record(await request.json());
    } catch {
      return idpError('SerializationException', 'Request body is not JSON');
    }
    const region = hostRegion ?? this.defaultRegion;
    switch (operation) {
      case 'InitiateAuth':
        return this.#initiateAuth(body, region);
      case 'RespondToAuthChallenge':
        return this.#respondToAuthChallenge(body);
      case 'GetTokensFromRefreshToken':
        return this.#getTokensFromRefreshToken(body);
      case 'RevokeToken':
        return this.#revokeToken(body);
      case 'GlobalSignOut':
        return this.#globalSignOut(body);
      case 'GetUser':
        return this.#getUser(body);
      case 'ForgotPassword':
        return this.#forgotPassword(body);
      case 'ConfirmForgotPassword':
        return this.#confirmForgotPassword(body);
      default:
        return idpError('UnknownOperationException', `The simulated user pool does not implement ${operation}.`);
    }
  }

  #client(body: Body): string | Response {
    const clientId = str(body.ClientId);
    if (!clientId) {
      return idpError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
      );
    }
    if (this.#options.clientIds && !this.#options.clientIds.includes(clientId)) {
      return idpError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    }
    return clientId;
  }

  #find(usernameOrEmail: unknown): SimUser | undefined {
    if (typeof usernameOrEmail !== 'string' || !usernameOrEmail) return undefined;
    const key = usernameOrEmail.toLowerCase();
    const byName = this.#users.get(key);
    if (byName) return byName;
    for (const user of this.#users.values()) if (user.email?.toLowerCase() === key) return user;
    return undefined;
  }

  /** Drops challenge state nobody came back for. */
  #prune(): void {
    const now = this.#now();
    if (this.#sessions.size > 500) for (const [id, s] of this.#sessions) if (s.expiresAt <= now) this.#sessions.delete(id);
    if (this.#srp.size > 500) for (const [id, s] of this.#srp) if (s.expiresAt <= now) this.#srp.delete(id);
    if (this.#codes.size > 500) for (const [id, c] of this.#codes) if (c.expiresAt <= now) this.#codes.delete(id);
  }

  #marker(): Marker {
    return { seq: this.#seq, at: this.#now() };
  }

  async #initiateAuth(body: Body, region: string): Promise<Response> {
    const clientId = this.#client(body);
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
        const user = this.#find(username);
        if (!user) return INCORRECT();
        if (user.state === 'reset-required') return passwordResetRequired();
        const refused = this.#checkPassword(user, password);
        if (refused) return refused;
        return this.#afterPassword(user, context);
      }
      case 'USER_SRP_AUTH':
        return this.#startSrp(params, context);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN': {
        const refreshToken = str(params.REFRESH_TOKEN);
        if (!refreshToken) return idpError('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
        const result = await this.#refresh(refreshToken, clientId);
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

  /** Counts wrong passwords; after MAX_PASSWORD_FAILURES in a row the user is locked out for a while. */
  #checkPassword(user: SimUser, password: string): Response | undefined {
    const now = this.#now();
    if (user.lockedUntil > now) return idpError('NotAuthorizedException', 'Password attempts exceeded');
    if (user.password === undefined || password !== user.password) {
      this.#passwordFailed(user);
      return INCORRECT();
    }
    user.failedPasswords = 0;
    return undefined;
  }

  #passwordFailed(user: SimUser): void {
    user.failedPasswords += 1;
    if (user.failedPasswords >= MAX_PASSWORD_FAILURES) {
      user.failedPasswords = 0;
      user.lockedUntil = this.#now() + this.lockoutMs;
    }
  }

  async #afterPassword(user: SimUser, context: RequestContext): Promise<Response> {
    if (user.state === 'unconfirmed') return idpError('UserNotConfirmedException', 'User is not confirmed.');
    if (user.state === 'reset-required') return passwordResetRequired();
    if (user.state === 'force-change-password') return this.#challenge(user, 'NEW_PASSWORD_REQUIRED', context);
    return this.#afterFirstFactor(user, context);
  }

  async #afterFirstFactor(user: SimUser, context: RequestContext): Promise<Response> {
    if (!user.mfa) return this.#signedIn(user, context);
    if (user.mfa === 'SELECT') {
      const choices: MfaChallenge[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'];
      if (user.email) choices.push('EMAIL_OTP');
      return this.#challenge(user, 'SELECT_MFA_TYPE', context, choices);
    }
    return this.#challenge(user, MFA_CHALLENGE[user.mfa], context);
  }

  #challenge(user: SimUser, challenge: Challenge, context: RequestContext, choices?: MfaChallenge[]): Response {
    this.#prune();
    const session = randomBase64Url(192);
    const pending: PendingSession = {
      ...context,
      username: user.username,
      challenge,
      expiresAt: this.#now() + this.sessionLifetimeMs,
    };
    if (choices) pending.choices = choices;
    this.#sessions.set(session, pending);
    const parameters: Record<string, string> = { USER_ID_FOR_SRP: user.username };
    switch (challenge) {
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
    return ok({ ChallengeName: challenge, Session: session, ChallengeParameters: parameters });
  }

  async #signedIn(user: SimUser, context: RequestContext, scope = ADMIN_SCOPE): Promise<Response> {
    const result = await this.#newSignIn(user, context, scope);
    return ok({ AuthenticationResult: result, ChallengeParameters: {} });
  }

  async #newSignIn(user: SimUser, context: RequestContext, scope: string) {
    const event: AuthEvent = {
      ...context,
      originJti: crypto.randomUUID(),
      eventId: crypto.randomUUID(),
      authTime: Math.floor(this.#now() / 1000),
      scope,
    };
    const tokens = await this.#mintTokens(user, event);
    return { ...tokens, RefreshToken: await this.#mintRefreshToken(user, event) };
  }

  async #mintTokens(user: SimUser, event: AuthEvent) {
    const now = this.#now();
    const iat = Math.floor(now / 1000);
    const expiresIn = Math.max(1, Math.floor(this.tokenLifetimeMs / 1000));
    const exp = iat + expiresIn;
    const iss = this.issuer(event.region);
    const accessJti = crypto.randomUUID();
    const idJti = crypto.randomUUID();
    this.#seq += 1;
    this.#issued.set(accessJti, this.#seq);
    this.#issued.set(idJti, this.#seq);
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
      AccessToken: await this.#signer.signJwt(access),
      ExpiresIn: expiresIn,
      TokenType: 'Bearer',
      IdToken: await this.#signer.signJwt(id),
    };
  }

  async #mintRefreshToken(user: SimUser, event: AuthEvent): Promise<string> {
    this.#seq += 1;
    const now = this.#now();
    return this.#signer.sealOpaque({
      token_use: 'refresh',
      instance: this.#instance,
      seq: this.#seq,
      sub: user.sub,
      username: user.username,
      client_id: event.clientId,
      region: event.region,
      origin_jti: event.originJti,
      event_id: event.eventId,
      auth_time: event.authTime,
      scope: event.scope,
      iat: now,
      exp: now + this.refreshTokenLifetimeMs,
    });
  }

  #tokenSeq(claims: JwtClaims): { seq: number | undefined; at: number } {
    return { seq: typeof claims.jti === 'string' ? this.#issued.get(claims.jti) : undefined, at: Number(claims.iat) * 1000 };
  }

  /** "now >= exp" (Cognito's wording) when the access or ID token has expired, else undefined. */
  #tokenExpired(claims: JwtClaims): string | undefined {
    const nowSeconds = Math.floor(this.#now() / 1000);
    const exp = Number(claims.exp);
    if (!Number.isFinite(exp) || nowSeconds >= exp || issuedBefore(this.#accessExpired, this.#tokenSeq(claims))) {
      return `${nowSeconds} >= ${Number.isFinite(exp) ? exp : 0}`;
    }
    return undefined;
  }

  async #checkAccessToken(token: unknown): Promise<SimUser | Response> {
    const claims = typeof token === 'string' ? await this.#signer.verifyJwt(token) : undefined;
    if (!claims || claims.token_use !== 'access' || typeof claims.iss !== 'string' || !ISSUER.test(claims.iss)) {
      return idpError('NotAuthorizedException', 'Invalid Access Token');
    }
    if (this.#tokenExpired(claims)) return idpError('NotAuthorizedException', 'Access Token has expired');
    const user = this.#find(claims.username);
    if (!user || user.sub !== claims.sub) return idpError('NotAuthorizedException', 'User does not exist.');
    const issued = this.#tokenSeq(claims);
    if (
      this.#revokedOrigins.has(String(claims.origin_jti)) ||
      issuedBefore(this.#refreshRevoked, issued) ||
      issuedBefore(user.signedOut, issued)
    ) {
      return idpError('NotAuthorizedException', 'Access Token has been revoked');
    }
    return user;
  }

  /** New access and ID tokens for a refresh token (no rotation: the refresh token stays the same). */
  async #refresh(refreshToken: string, clientId: string) {
    const claims = await this.#signer.openOpaque(refreshToken);
    if (!claims || claims.token_use !== 'refresh') return idpError('NotAuthorizedException', 'Invalid Refresh Token');
    if (claims.client_id !== clientId) return idpError('NotAuthorizedException', 'Invalid Refresh Token');
    if (this.#now() >= Number(claims.exp)) return idpError('NotAuthorizedException', 'Refresh Token has expired');
    const user = this.#find(claims.username);
    if (!user || user.sub !== claims.sub) return idpError('NotAuthorizedException', 'User does not exist.');
    const issued = { seq: claims.instance === this.#instance ? Number(claims.seq) : undefined, at: Number(claims.iat) };
    if (
      this.#revokedOrigins.has(String(claims.origin_jti)) ||
      issuedBefore(this.#refreshRevoked, issued) ||
      issuedBefore(user.signedOut, issued)
    ) {
      return idpError('NotAuthorizedException', 'Refresh Token has been revoked');
    }
    return this.#mintTokens(user, {
      clientId,
      region: String(claims.region),
      originJti: String(claims.origin_jti),
      eventId: String(claims.event_id),
      authTime: Number(claims.auth_time),
      scope: String(claims.scope),
    });
  }

  async #getTokensFromRefreshToken(body: Body): Promise<Response> {
    const clientId = this.#client(body);
    if (clientId instanceof Response) return clientId;
    const refreshToken = str(body.RefreshToken);
    if (!refreshToken) {
      return idpError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null",
      );
    }
    const result = await this.#refresh(refreshToken, clientId);
    return result instanceof Response ? result : ok({ AuthenticationResult: result });
  }

  async #revokeToken(body: Body): Promise<Response> {
    const clientId = this.#client(body);
    if (clientId instanceof Response) return clientId;
    const claims = await this.#signer.openOpaque(String(body.Token ?? ''));
    if (!claims || claims.token_use !== 'refresh') {
      return idpError('UnsupportedTokenTypeException', 'The token is not a refresh token issued by this user pool.');
    }
    if (claims.client_id !== clientId) {
      return idpError('UnauthorizedException', 'The refresh token was not issued to this client.');
    }
    this.#revokedOrigins.add(String(claims.origin_jti));
    return ok({});
  }

  async #globalSignOut(body: Body): Promise<Response> {
    const user = await this.#checkAccessToken(body.AccessToken);
    if (user instanceof Response) return user;
    user.signedOut = this.#marker();
    return ok({});
  }

  async #getUser(body: Body): Promise<Response> {
    const user = await this.#checkAccessToken(body.AccessToken);
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

  // --- USER_SRP_AUTH ---------------------------------------------------------------------------

  async #startSrp(params: Record<string, unknown>, context: RequestContext): Promise<Response> {
    const username = str(params.USERNAME);
    if (!username) return idpError('InvalidParameterException', 'Missing required parameter USERNAME');
    if (params.SRP_A === undefined) return idpError('InvalidParameterException', 'Missing required parameter SRP_A');
    const A = parseSrpA(params.SRP_A);
    if (A === undefined) return idpError('InvalidParameterException', 'Invalid SRP_A value');
    const user = this.#find(username);
    if (user?.state === 'reset-required') return passwordResetRequired();
    // An unknown user gets a challenge all the same (against a random verifier), so the answer
    // to a wrong username and to a wrong password is the same NotAuthorizedException.
    const usernameForSrp = user?.username ?? username;
    const salt = user?.salt ?? randomSalt();
    const verifier = await srpVerifier(this.poolName, usernameForSrp, user?.password ?? randomBase64Url(24), salt);
    const server = await srpServerChallenge(verifier);
    this.#prune();
    const secretBlock = randomBase64Url(96).replace(/-/g, '+').replace(/_/g, '/');
    const pending: PendingSrp = {
      ...context,
      usernameForSrp,
      A,
      verifier,
      server,
      expiresAt: this.#now() + this.sessionLifetimeMs,
    };
    if (user) pending.username = user.username;
    this.#srp.set(secretBlock, pending);
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

  async #passwordVerifier(responses: Record<string, unknown>, clientId: string): Promise<Response> {
    const secretBlock = str(responses.PASSWORD_CLAIM_SECRET_BLOCK) ?? '';
    const pending = this.#srp.get(secretBlock);
    if (!pending || pending.clientId !== clientId || pending.expiresAt <= this.#now()) return INVALID_SESSION();
    this.#srp.delete(secretBlock);
    const timestamp = str(responses.TIMESTAMP) ?? '';
    if (!SRP_TIMESTAMP.test(timestamp))
      return idpError('InvalidParameterException', 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
    const username = str(responses.USERNAME);
    const user = pending.username ? this.#find(pending.username) : undefined;
    if (!user || !username || this.#find(username) !== user) return INCORRECT();
    if (user.lockedUntil > this.#now()) return idpError('NotAuthorizedException', 'Password attempts exceeded');
    const key = await srpSessionKey(pending.A, pending.server, pending.verifier);
    const expected = await srpClaimSignature(key, this.poolName, pending.usernameForSrp, secretBlock, timestamp);
    const claimed = str(responses.PASSWORD_CLAIM_SIGNATURE) ?? '';
    if (user.password === undefined || !safeEqual(expected, claimed)) {
      this.#passwordFailed(user);
      return INCORRECT();
    }
    user.failedPasswords = 0;
    return this.#afterPassword(user, { clientId: pending.clientId, region: pending.region });
  }

  // --- RespondToAuthChallenge ------------------------------------------------------------------

  async #respondToAuthChallenge(body: Body): Promise<Response> {
    const clientId = this.#client(body);
    if (clientId instanceof Response) return clientId;
    const name = str(body.ChallengeName);
    const responses = record(body.ChallengeResponses);
    if (name === 'PASSWORD_VERIFIER') return this.#passwordVerifier(responses, clientId);
    const sessionId = str(body.Session) ?? '';
    const session = this.#sessions.get(sessionId);
    if (!session || session.clientId !== clientId) return INVALID_SESSION();
    if (session.expiresAt <= this.#now()) {
      this.#sessions.delete(sessionId);
      return idpError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    }
    const user = this.#find(session.username);
    if (!user || this.#find(responses.USERNAME) !== user || name !== session.challenge) return INVALID_SESSION();
    const context: RequestContext = { clientId, region: session.region };

    switch (session.challenge) {
      case 'NEW_PASSWORD_REQUIRED': {
        const password = str(responses.NEW_PASSWORD);
        if (!password) return idpError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
        const problem = passwordPolicyProblem(password);
        if (problem) return idpError('InvalidPasswordException', problem);
        this.#sessions.delete(sessionId);
        user.password = password;
        user.state = 'confirmed';
        return this.#afterFirstFactor(user, context);
      }
      case 'SELECT_MFA_TYPE': {
        const answer = str(responses.ANSWER);
        const choice = session.choices?.find((c) => c === answer);
        if (!choice)
          return idpError('InvalidParameterException', `ANSWER must be one of ${JSON.stringify(session.choices ?? [])}`);
        this.#sessions.delete(sessionId);
        return this.#challenge(user, choice, context);
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
        this.#sessions.delete(sessionId);
        return this.#signedIn(user, context);
      }
    }
  }

  // --- Password reset ----------------------------------------------------------------------------

  #forgotPassword(body: Body): Response {
    const clientId = this.#client(body);
    if (clientId instanceof Response) return clientId;
    const username = str(body.Username);
    if (!username) return idpError('InvalidParameterException', 'Missing required parameter Username');
    const user = this.#find(username);
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

  #confirmForgotPassword(body: Body): Response {
    const clientId = this.#client(body);
    if (clientId instanceof Response) return clientId;
    const user = this.#find(body.Username);
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

  // ---------------------------------------------------------------------------------------------
  // Hosted UI: /oauth2/authorize, /login, /logout, /oauth2/token, /oauth2/revoke

  /** The operation name a Hosted UI path is recorded under, or undefined when it is not one. */
  static hostedUiOperation(pathname: string): string | undefined {
    const operations: Record<string, string> = {
      '/oauth2/authorize': 'OAuth2Authorize',
      '/login': 'Login',
      '/logout': 'Logout',
      '/oauth2/token': 'OAuth2Token',
      '/oauth2/revoke': 'OAuth2Revoke',
    };
    return operations[pathname];
  }

  async handleHostedUi(request: Request, url: URL, hostRegion: string | undefined): Promise<Response> {
    const region = hostRegion ?? this.defaultRegion;
    const method = request.method.toUpperCase();
    switch (url.pathname) {
      case '/oauth2/token':
        return method === 'POST' ? this.#tokenEndpoint(request) : oauthJson(405, { error: 'invalid_request' });
      case '/oauth2/revoke':
        return method === 'POST' ? this.#revokeEndpoint(request) : oauthJson(405, { error: 'invalid_request' });
      case '/oauth2/authorize':
      case '/login':
        return this.#loginPage(request, url, region);
      case '/logout': {
        const logoutUri = url.searchParams.get('logout_uri');
        if (!logoutUri) return htmlPage(400, 'Required String parameter logout_uri is not present');
        return new Response(null, { status: 302, headers: { location: logoutUri } });
      }
      default:
        return htmlPage(404, 'Not found');
    }
  }

  async #form(request: Request): Promise<URLSearchParams | undefined> {
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded'))
      return undefined;
    return new URLSearchParams(await request.text());
  }

  async #tokenEndpoint(request: Request): Promise<Response> {
    const form = await this.#form(request);
    if (!form) return oauthJson(400, { error: 'invalid_request' });
    const clientId = form.get('client_id');
    if (!clientId) return oauthJson(400, { error: 'invalid_request' });
    if (this.#options.clientIds && !this.#options.clientIds.includes(clientId))
      return oauthJson(400, { error: 'invalid_client' });
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = this.#codes.get(form.get('code') ?? '');
      if (!code) return oauthJson(400, { error: 'invalid_grant' });
      this.#codes.delete(form.get('code') ?? '');
      if (code.expiresAt <= this.#now()) return oauthJson(400, { error: 'invalid_grant' });
      if (code.clientId && code.clientId !== clientId) return oauthJson(400, { error: 'invalid_grant' });
      if (code.redirectUri && code.redirectUri !== form.get('redirect_uri')) return oauthJson(400, { error: 'invalid_grant' });
      if (code.codeChallenge) {
        const verifier = form.get('code_verifier');
        if (!verifier || !safeEqual(bytesToBase64Url(await sha256(verifier)), code.codeChallenge)) {
          return oauthJson(400, { error: 'invalid_grant' });
        }
      }
      const user = this.#find(code.username);
      if (!user) return oauthJson(400, { error: 'invalid_grant' });
      const tokens = await this.#newSignIn(user, { clientId, region: code.region }, code.scope);
      return oauthJson(200, {
        id_token: tokens.IdToken,
        access_token: tokens.AccessToken,
        refresh_token: tokens.RefreshToken,
        expires_in: tokens.ExpiresIn,
        token_type: 'Bearer',
      });
    }
    if (grant === 'refresh_token') {
      const tokens = await this.#refresh(form.get('refresh_token') ?? '', clientId);
      if (tokens instanceof Response) return oauthJson(400, { error: 'invalid_grant' });
      return oauthJson(200, {
        id_token: tokens.IdToken,
        access_token: tokens.AccessToken,
        expires_in: tokens.ExpiresIn,
        token_type: 'Bearer',
      });
    }
    return oauthJson(400, { error: 'unsupported_grant_type' });
  }

  async #revokeEndpoint(request: Request): Promise<Response> {
    const form = await this.#form(request);
    const clientId = form?.get('client_id');
    const token = form?.get('token');
    if (!form || !clientId || !token) return oauthJson(400, { error: 'invalid_request' });
    const claims = await this.#signer.openOpaque(token);
    if (!claims || claims.token_use !== 'refresh') return oauthJson(400, { error: 'unsupported_token_type' });
    if (claims.client_id !== clientId) return oauthJson(400, { error: 'invalid_request' });
    this.#revokedOrigins.add(String(claims.origin_jti));
    return new Response(null, { status: 200 });
  }

  /**
   * A plain sign-in form. It signs in users who need no further step (no new password, no MFA) and
   * redirects to redirect_uri with a code; anything else is reported on the page.
   */
  async #loginPage(request: Request, url: URL, region: string): Promise<Response> {
    const q = url.searchParams;
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri');
    if (!clientId || (this.#options.clientIds && !this.#options.clientIds.includes(clientId))) {
      return htmlPage(400, 'An error was encountered with the requested page: invalid client_id.');
    }
    if (!redirectUri) return htmlPage(400, 'An error was encountered with the requested page: redirect_uri is missing.');
    const redirectError = (error: string, description?: string): Response => {
      const target = new URL(redirectUri);
      target.searchParams.set('error', error);
      if (description) target.searchParams.set('error_description', description);
      const state = q.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return new Response(null, { status: 302, headers: { location: target.toString() } });
    };
    if (q.get('response_type') !== 'code') return redirectError('unsupported_response_type');
    const provider = q.get('identity_provider');
    if (provider !== null && provider !== 'COGNITO') {
      return redirectError('invalid_request', `The simulated Hosted UI has no identity provider ${provider}`);
    }
    const method = q.get('code_challenge_method');
    if (q.get('code_challenge') !== null && method !== 'S256')
      return redirectError('invalid_request', 'code_challenge_method must be S256');
    if (q.get('prompt') === 'none') return redirectError('login_required');

    if (request.method.toUpperCase() !== 'POST') return loginForm(url.search, q.get('login_hint') ?? '');
    const form = (await this.#form(request)) ?? new URLSearchParams();
    const username = form.get('username') ?? '';
    const user = this.#find(username);
    const again = (message: string) => loginForm(url.search, username, message);
    if (!user) return again('Incorrect username or password.');
    if (user.state === 'reset-required') return again('Password reset required for the user');
    const refused = this.#checkPassword(user, form.get('password') ?? '');
    if (refused) return again(((await refused.json()) as { message: string }).message);
    if (user.state === 'unconfirmed') return again('User is not confirmed.');
    if (user.state === 'force-change-password' || user.mfa) {
      return again(
        `${user.username} needs ${user.mfa ? 'an MFA code' : 'a new password'} to sign in, which this simulated Hosted UI does not ask for. Use a user without further steps.`,
      );
    }
    const code = this.issueAuthorizationCode(user.username, q.get('code_challenge') ?? undefined, {
      clientId,
      redirectUri,
      scope: q.get('scope') ?? HOSTED_UI_SCOPE,
      region,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return new Response(null, { status: 302, headers: { location: target.toString() } });
  }
}

function passwordResetRequired(): Response {
  return idpError('PasswordResetRequiredException', 'Password reset required for the user');
}

function htmlPage(status: number, body: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Simulated Cognito</title></head><body><main><p>${escapeHtml(body)}</p></main></body></html>`,
    { status, headers: { 'content-type': 'text/html;charset=UTF-8' } },
  );
}

function loginForm(search: string, username: string, error?: string): Response {
  return new Response(
    [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (simulated Cognito Hosted UI)</title></head>',
      '<body><main><h1>Sign in</h1><p>Simulated Amazon Cognito Hosted UI</p>',
      error ? `<p role="alert">${escapeHtml(error)}</p>` : '',
      `<form method="post" action="/login${escapeHtml(search)}">`,
      `<label>Username <input name="username" autocomplete="username" required value="${escapeHtml(username)}"></label>`,
      '<label>Password <input name="password" type="password" autocomplete="current-password" required></label>',
      '<button type="submit">Sign in</button></form></main></body></html>',
    ].join(''),
    { status: error ? 400 : 200, headers: { 'content-type': 'text/html;charset=UTF-8' } },
  );
}
