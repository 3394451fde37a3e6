/**
 * Simulated Cognito Identity (`AWSCognitoIdentityService.*`): GetId and GetCredentialsForIdentity,
 * handing out guest credentials, or authenticated ones for a user pool ID token in `Logins`. It
 * remembers every credential it issued, so AmplifyBackend requests signed with one can be checked.
 */
import { sha256 } from './jwt';
import type { SigningSecret } from './sigv4';
import type { SimulatedUserPool } from './userPool';

/** What the identity pool reads from the simulated AWS it belongs to (settings a test may change). */
export interface IdentityPoolSettings {
  readonly now: () => number;
  readonly userPool: SimulatedUserPool;
  /** Whether identity pools hand out guest credentials. */
  readonly guestAccess: boolean;
  readonly credentialLifetimeMs: number;
}

interface IssuedCredentials extends SigningSecret {
  identityId: string;
  authenticated: boolean;
}

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f-]{36}$/;
const UNAUTHENTICATED = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_DONT_MATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** Cognito Identity's error shape. */
export function cognitoError(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() },
  });
}

function randomToken(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A request field as text, as the service would echo it in a message. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export class SimulatedCognitoIdentity {
  readonly #settings: IdentityPoolSettings;
  readonly #credentials = new Map<string, IssuedCredentials>();
  /** Identities that have a user pool login linked: identity ID → the login's `iss|sub`. */
  readonly #authenticatedIdentities = new Map<string, string>();

  constructor(settings: IdentityPoolSettings) {
    this.#settings = settings;
  }

  /** Forgets every credential and identity issued. */
  clear(): void {
    this.#credentials.clear();
    this.#authenticatedIdentities.clear();
  }

  /** The signing secret of credentials this identity pool issued (for SigV4 checks). */
  secretFor(accessKeyId: string): SigningSecret | undefined {
    return this.#credentials.get(accessKeyId);
  }

  /** Makes every credential issued so far expire now. */
  expireAllCredentials(): void {
    for (const issued of this.#credentials.values()) issued.expiresAt = this.#settings.now();
  }

  /** The identity a set of credentials was issued for, and whether a user pool login backed it. */
  credentialsIdentity(accessKeyId: string): { identityId: string; authenticated: boolean } | undefined {
    const issued = this.#credentials.get(accessKeyId);
    return issued ? { identityId: issued.identityId, authenticated: issued.authenticated } : undefined;
  }

  /** Answers an operation whose body is already parsed. */
  async operation(operation: string, body: Record<string, unknown>): Promise<Response> {
    const settings = this.#settings;
    const logins = body.Logins;
    if (logins !== undefined && (typeof logins !== 'object' || logins === null || Array.isArray(logins))) {
      return cognitoError(400, 'ValidationException', 'Logins must be a map of provider names to tokens');
    }
    // A login is the user pool's ID token under its issuer (without https://): `iss|sub` once checked.
    let login: string | undefined;
    for (const [provider, token] of Object.entries(logins ?? {})) {
      const verdict = await settings.userPool.verifyLogin(provider, token);
      if (!verdict.ok) return cognitoError(400, 'NotAuthorizedException', verdict.message);
      login ??= `${verdict.issuer}|${verdict.sub}`;
    }
    if (operation === 'GetId') {
      const poolId = text(body.IdentityPoolId);
      const match = IDENTITY_POOL_ID.exec(poolId);
      if (!match)
        return cognitoError(
          400,
          'ValidationException',
          `1 validation error detected: Value '${poolId}' at 'identityPoolId' failed to satisfy constraint`,
        );
      const region = match[1] as string;
      if (!login && !settings.guestAccess) return cognitoError(400, 'NotAuthorizedException', UNAUTHENTICATED);
      const identityId = login ? await this.#identityFor(region, login) : `${region}:${crypto.randomUUID()}`;
      return new Response(JSON.stringify({ IdentityId: identityId }), {
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
    }
    if (operation === 'GetCredentialsForIdentity') {
      const requested = text(body.IdentityId);
      const match = IDENTITY_POOL_ID.exec(requested);
      if (!match) return cognitoError(400, 'ValidationException', 'IdentityId is malformed');
      let identityId = requested;
      const linked = this.#authenticatedIdentities.get(requested);
      if (login) {
        if (linked !== undefined && linked !== login) return cognitoError(400, 'NotAuthorizedException', LOGINS_DONT_MATCH);
        // The user's identity; a guest identity presented with the login is merged into it (the
        // response names the identity to use from now on, which Amplify stores).
        identityId = await this.#identityFor(match[1] as string, login);
      } else {
        if (!settings.guestAccess) return cognitoError(400, 'NotAuthorizedException', UNAUTHENTICATED);
        // An identity with a login linked is not handed out without that login.
        if (linked !== undefined) return cognitoError(400, 'NotAuthorizedException', LOGINS_DONT_MATCH);
      }
      return this.#issueCredentials(identityId, login !== undefined);
    }
    return cognitoError(400, 'UnknownOperationException', `Unknown operation ${operation}`);
  }

  #issueCredentials(identityId: string, authenticated: boolean): Response {
    const accessKeyId = `ASIA${randomToken(16)}`;
    const issued: IssuedCredentials = {
      identityId,
      authenticated,
      secretAccessKey: randomToken(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
      sessionToken: randomToken(120, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
      expiresAt: this.#settings.now() + this.#settings.credentialLifetimeMs,
    };
    this.#credentials.set(accessKeyId, issued);
    return new Response(
      JSON.stringify({
        IdentityId: identityId,
        Credentials: {
          AccessKeyId: accessKeyId,
          SecretKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          Expiration: Math.floor((issued.expiresAt ?? 0) / 1000),
        },
      }),
      { headers: { 'content-type': 'application/x-amz-json-1.1' } },
    );
  }

  /** Each user's identity, stable for a region and login (the same across simulation instances). */
  async #identityFor(region: string, login: string): Promise<string> {
    const hash = await sha256(`${region}|${login}`);
    hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x40;
    hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(hash.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
    const identityId = `${region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    this.#authenticatedIdentities.set(identityId, login);
    return identityId;
  }
}
