/**
 * What the simulated user pool keeps: its options, its users, and the records a sign-in leaves
 * behind (pending challenges, SRP exchanges, authorization codes, sign-in events, revocation marks).
 */
import type { SimMfa, SimUserSpec, SimUserState } from '../demoUsers';
import type { SrpServerChallenge } from '../srp';

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

export interface SimUser extends SimUserView {
  salt: bigint;
  failedPasswords: number;
  lockedUntil: number;
  /** Global sign-out: tokens issued up to this point are revoked. */
  signedOut: Marker;
  /** A ForgotPassword code is outstanding. */
  resetPending: boolean;
  resetFailures: number;
}

export type MfaChallenge = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';
export type Challenge = 'NEW_PASSWORD_REQUIRED' | 'SELECT_MFA_TYPE' | MfaChallenge;

/** The challenge each MFA setting asks for. */
export const MFA_CHALLENGE: Record<Exclude<SimMfa, 'SELECT'>, MfaChallenge> = {
  TOTP: 'SOFTWARE_TOKEN_MFA',
  SMS: 'SMS_MFA',
  EMAIL: 'EMAIL_OTP',
};

export interface RequestContext {
  clientId: string;
  region: string;
}

export interface PendingSession extends RequestContext {
  username: string;
  challenge: Challenge;
  expiresAt: number;
  choices?: MfaChallenge[];
}

export interface PendingSrp extends RequestContext {
  /** Undefined for an unknown user: the challenge is played out and fails like a wrong password. */
  username?: string;
  usernameForSrp: string;
  A: bigint;
  verifier: bigint;
  server: SrpServerChallenge;
  expiresAt: number;
}

export interface AuthCode {
  username: string;
  region: string;
  scope: string;
  clientId?: string;
  redirectUri?: string;
  codeChallenge?: string;
  expiresAt: number;
}

/** One sign-in: what every token it produces (and its refreshes) shares. */
export interface AuthEvent extends RequestContext {
  originJti: string;
  eventId: string;
  authTime: number;
  scope: string;
}

/**
 * A point in the issue history. Tokens minted by this instance carry a sequence number and compare
 * exactly; tokens from an earlier instance (the demo after a page reload) compare by issue time.
 */
export interface Marker {
  seq: number;
  at: number;
}

export const NEVER: Marker = { seq: -1, at: -Infinity };

export function issuedBefore(marker: Marker, token: { seq: number | undefined; at: number }): boolean {
  return token.seq !== undefined ? token.seq <= marker.seq : token.at <= marker.at;
}
