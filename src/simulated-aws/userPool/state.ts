import { DEMO_USER_POOL_ID, DEMO_USERS } from '../demoUsers';
import { TokenSigner, randomBase64Url } from '../jwt';
import { randomSalt } from '../srp';
import {
  NEVER,
  type AuthCode,
  type Marker,
  type PendingSession,
  type PendingSrp,
  type SimUser,
  type SimUserSpec,
  type SimulatedUserPoolOptions,
} from './model';
import { idpError, str, type Body } from './wire';

const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_([0-9A-Za-z]+)$/;

/**
 * Everything one simulated user pool knows, shared by its operations (authFlows, challenges, tokens,
 * tokenOperations, passwordReset, hostedUi), with the lookups they all make.
 */
export class PoolState {
  readonly userPoolId: string;
  /** The part of the pool ID after `_` (what SRP mixes into its proofs). */
  readonly poolName: string;
  readonly defaultRegion: string;
  tokenLifetimeMs = 0;
  refreshTokenLifetimeMs = 0;
  sessionLifetimeMs = 0;
  lockoutMs = 0;

  readonly now: () => number;
  readonly signer: TokenSigner;
  /** Tells this instance's refresh tokens from an earlier instance's. */
  readonly instance = randomBase64Url(6);
  /** The issue history's sequence number (see Marker). */
  seq = 0;
  readonly users = new Map<string, SimUser>();
  /** Pending challenges by Session. */
  readonly sessions = new Map<string, PendingSession>();
  /** Pending SRP exchanges by SECRET_BLOCK. */
  readonly srp = new Map<string, PendingSrp>();
  /** Hosted UI authorization codes. */
  readonly codes = new Map<string, AuthCode>();
  /** Sign-ins (origin_jti) whose refresh token was revoked. */
  readonly revokedOrigins = new Set<string>();
  /** Access/ID tokens this instance issued: jti → sequence number. */
  readonly issued = new Map<string, number>();
  refreshRevoked: Marker = NEVER;
  accessExpired: Marker = NEVER;

  readonly #options: SimulatedUserPoolOptions;

  constructor(options: SimulatedUserPoolOptions) {
    this.#options = options;
    this.now = options.now ?? Date.now;
    this.userPoolId = options.userPoolId ?? DEMO_USER_POOL_ID;
    const match = POOL_ID.exec(this.userPoolId);
    if (!match) throw new Error(`Not a user pool ID: ${this.userPoolId}`);
    this.defaultRegion = match[1] as string;
    this.poolName = match[2] as string;
    this.signer = new TokenSigner(options.signingSecret ?? 'amplify-job-watch simulated user pool');
    this.reset();
  }

  /** Back to the constructor's users and settings; forgets sessions, codes and revocations. */
  reset(): void {
    const options = this.#options;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 60 * 60 * 1000;
    this.refreshTokenLifetimeMs = options.refreshTokenLifetimeMs ?? 30 * 24 * 60 * 60 * 1000;
    this.sessionLifetimeMs = options.sessionLifetimeMs ?? 3 * 60 * 1000;
    this.lockoutMs = options.lockoutMs ?? 15 * 60 * 1000;
    this.users.clear();
    this.sessions.clear();
    this.srp.clear();
    this.codes.clear();
    this.revokedOrigins.clear();
    this.issued.clear();
    this.refreshRevoked = NEVER;
    this.accessExpired = NEVER;
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
    this.users.set(spec.username.toLowerCase(), user);
  }

  /** Whether the pool has this app client (any, unless the options list them). */
  knowsClient(clientId: string): boolean {
    return !this.#options.clientIds || this.#options.clientIds.includes(clientId);
  }

  /** The request's ClientId, or the error Cognito answers when it is missing or unknown. */
  client(body: Body): string | Response {
    const clientId = str(body.ClientId);
    if (!clientId) {
      return idpError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
      );
    }
    if (!this.knowsClient(clientId)) {
      return idpError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    }
    return clientId;
  }

  find(usernameOrEmail: unknown): SimUser | undefined {
    if (typeof usernameOrEmail !== 'string' || !usernameOrEmail) return undefined;
    const key = usernameOrEmail.toLowerCase();
    const byName = this.users.get(key);
    if (byName) return byName;
    for (const user of this.users.values()) if (user.email?.toLowerCase() === key) return user;
    return undefined;
  }

  /** Drops challenge state nobody came back for. */
  prune(): void {
    const now = this.now();
    if (this.sessions.size > 500) for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
    if (this.srp.size > 500) for (const [id, s] of this.srp) if (s.expiresAt <= now) this.srp.delete(id);
    if (this.codes.size > 500) for (const [id, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(id);
  }

  marker(): Marker {
    return { seq: this.seq, at: this.now() };
  }

  issuer(region: string): string {
    return `https://cognito-idp.${region}.amazonaws.com/${region}_${this.poolName}`;
  }
}
