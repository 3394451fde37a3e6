/**
 * Compact JWTs for the simulated user pool: base64url header and payload, HMAC-SHA256 signature
 * with a simulation secret (WebCrypto). Real Cognito signs with RS256; Amplify only decodes tokens,
 * so the algorithm does not change what the client sees, and the simulation can still tell its own
 * tokens from forged or altered ones.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const normal = base64.replace(/-/g, '+').replace(/_/g, '/');
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlEncodeText(text: string): string {
  return bytesToBase64Url(encoder.encode(text));
}

export function base64UrlDecodeText(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  try {
    return decoder.decode(base64ToBytes(value));
  } catch {
    return undefined;
  }
}

export function randomBase64Url(byteLength: number): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export async function hmacSha256(key: Uint8Array | CryptoKey, data: Uint8Array | string): Promise<Uint8Array> {
  const cryptoKey =
    key instanceof Uint8Array
      ? await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      : key;
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytes as BufferSource));
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** Constant-time comparison of two strings of equal length. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type JwtClaims = Record<string, unknown>;

const HEADER = base64UrlEncodeText(JSON.stringify({ kid: 'simulated-aws-hs256', alg: 'HS256' }));

/** Signs and checks compact tokens with one secret. */
export class TokenSigner {
  readonly #key: Promise<CryptoKey>;

  constructor(secret: string) {
    this.#key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }

  async #mac(data: string): Promise<string> {
    return bytesToBase64Url(await hmacSha256(await this.#key, data));
  }

  async signJwt(claims: JwtClaims): Promise<string> {
    const unsigned = `${HEADER}.${base64UrlEncodeText(JSON.stringify(claims))}`;
    return `${unsigned}.${await this.#mac(unsigned)}`;
  }

  /** The claims of a token this signer issued, or undefined for anything else. */
  async verifyJwt(token: string): Promise<JwtClaims | undefined> {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header = '', payload = '', signature = ''] = parts;
    if (!safeEqual(await this.#mac(`${header}.${payload}`), signature)) return undefined;
    return parseClaims(payload);
  }

  /** An opaque, tamper-evident token: `payload.mac` (not a JWT, so nothing can decode it as one). */
  async sealOpaque(claims: JwtClaims): Promise<string> {
    const payload = base64UrlEncodeText(JSON.stringify(claims));
    return `${payload}.${await this.#mac(`opaque.${payload}`)}`;
  }

  async openOpaque(token: string): Promise<JwtClaims | undefined> {
    const parts = token.split('.');
    if (parts.length !== 2) return undefined;
    const [payload = '', mac = ''] = parts;
    if (!safeEqual(await this.#mac(`opaque.${payload}`), mac)) return undefined;
    return parseClaims(payload);
  }
}

function parseClaims(segment: string): JwtClaims | undefined {
  const text = base64UrlDecodeText(segment);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
