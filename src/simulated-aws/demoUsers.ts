/**
 * The simulated user pool's accounts and codes. This module holds data only (no simulation code) and
 * imports nothing, so a demo banner can list the accounts without pulling the simulated AWS into the
 * first load. The shape of a simulated user is declared here; the user pool takes it from here.
 */

/** Every code the simulation sends (MFA by TOTP, SMS or email; password reset) is this one. */
export const DEMO_CODE = '123456';

/** The pool the simulation plays. Any region works: the ID's region part follows the endpoint's. */
export const DEMO_USER_POOL_ID = 'us-east-1_DemoJobWatch';

/** Any app client ID is accepted unless the pool is given a list; this is the one the demo uses. */
export const DEMO_USER_POOL_CLIENT_ID = 'demo0job0watch0app0client0';

/** The Hosted UI domain the demo would use (`loginWith.oauth.domain`). */
export const DEMO_OAUTH_DOMAIN = 'job-watch-demo.auth.us-east-1.amazoncognito.com';

export type SimUserState = 'confirmed' | 'unconfirmed' | 'reset-required' | 'force-change-password';
export type SimMfa = 'TOTP' | 'SMS' | 'EMAIL' | 'SELECT';

/** A user of the simulated pool, as tests and the demo describe one. */
export interface SimUserSpec {
  username: string;
  password?: string;
  email?: string;
  /** E.164; SMS MFA goes "to" it (a default number is used when missing). */
  phoneNumber?: string;
  /** Defaults to confirmed. */
  state?: SimUserState;
  mfa?: SimMfa;
  /** Stable subject; random when missing. */
  sub?: string;
}

export interface DemoUser extends SimUserSpec {
  password: string;
  /** What signing in as this user shows, after its name and password on the sign-in screen's list. */
  description: string;
}

export const DEMO_PASSWORD = 'Demo-password-1';

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'demo',
    password: DEMO_PASSWORD,
    email: 'demo@example.com',
    sub: 'd3e0a1b2-0000-4000-8000-00000000de01',
    description: 'signs straight in.',
  },
  {
    username: 'mfa',
    password: DEMO_PASSWORD,
    email: 'mfa@example.com',
    mfa: 'TOTP',
    sub: 'd3e0a1b2-0000-4000-8000-00000000de02',
    description: `then asks for an authenticator-app code (${DEMO_CODE}).`,
  },
  {
    username: 'newpass',
    password: 'Temp-password-1',
    email: 'newpass@example.com',
    state: 'force-change-password',
    sub: 'd3e0a1b2-0000-4000-8000-00000000de03',
    description: 'must choose a new password (8+ characters with a digit).',
  },
  {
    username: 'reset',
    password: DEMO_PASSWORD,
    email: 'reset@example.com',
    state: 'reset-required',
    sub: 'd3e0a1b2-0000-4000-8000-00000000de04',
    description: `any sign-in asks for a password reset; the emailed code is ${DEMO_CODE}.`,
  },
  {
    username: 'unconfirmed',
    password: DEMO_PASSWORD,
    email: 'unconfirmed@example.com',
    state: 'unconfirmed',
    sub: 'd3e0a1b2-0000-4000-8000-00000000de05',
    description: 'never confirmed its sign-up, so sign-in is refused.',
  },
];
