/**
 * The server half of Cognito's SRP-6a (USER_SRP_AUTH), with BigInt and WebCrypto.
 *
 * Group: the 3072-bit MODP prime of RFC 3526 with g = 2, k = H(PAD(N) | PAD(g)). Hashes are SHA-256
 * over the bytes of "padded hex" (even length, a leading 00 when the top bit is set, like Java's
 * BigInteger.toByteArray), which is how Amplify's AuthenticationHelper encodes every number.
 *
 *   x = H(PAD(salt) | H(poolName | username | ":" | password))      v = g^x
 *   B = k·v + g^b                      u = H(PAD(A) | PAD(B))      S = (A · v^u)^b
 *   key = HKDF-SHA256(ikm = PAD(S), salt = PAD(u), info = "Caldera Derived Key")[0..16]
 *   PASSWORD_CLAIM_SIGNATURE = base64(HMAC(key, poolName | username | SECRET_BLOCK bytes | TIMESTAMP))
 *
 * `poolName` is the part of the user pool ID after the underscore: the client mixes it into x and the
 * signature, so SRP only succeeds when the client's userPoolId names this pool.
 */
import { base64ToBytes, bytesToBase64, hmacSha256, sha256 } from './jwt';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const SRP_N = BigInt(`0x${N_HEX}`);
export const SRP_G = 2n;

const encoder = new TextEncoder();

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

/** Even-length hex with a leading 00 when the most significant bit is set (non-negative values only). */
export function paddedHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/i.test(hex)) hex = `00${hex}`;
  return hex;
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function hashHex(hex: string): Promise<string> {
  return bytesToHex(await sha256(hexToBytes(hex)));
}

function randomBigInt(byteLength: number): bigint {
  return BigInt(`0x${bytesToHex(crypto.getRandomValues(new Uint8Array(byteLength)))}`);
}

let multiplier: Promise<bigint> | undefined;
function srpK(): Promise<bigint> {
  multiplier ??= hashHex(paddedHex(SRP_N) + paddedHex(SRP_G)).then((h) => BigInt(`0x${h}`));
  return multiplier;
}

export function randomSalt(): bigint {
  return randomBigInt(16);
}

/** v = g^x for the user's password. */
export async function srpVerifier(poolName: string, username: string, password: string, salt: bigint): Promise<bigint> {
  const inner = bytesToHex(await sha256(encoder.encode(`${poolName}${username}:${password}`)));
  const x = BigInt(`0x${await hashHex(paddedHex(salt) + inner)}`);
  return modPow(SRP_G, x, SRP_N);
}

export interface SrpServerChallenge {
  b: bigint;
  B: bigint;
}

export async function srpServerChallenge(verifier: bigint): Promise<SrpServerChallenge> {
  const k = await srpK();
  for (;;) {
    const b = randomBigInt(64);
    const B = (k * verifier + modPow(SRP_G, b, SRP_N)) % SRP_N;
    if (B !== 0n) return { b, B };
  }
}

/** Parses the client's SRP_A; undefined when it is not hex or A mod N is 0 (which would leak the key). */
export function parseSrpA(hex: unknown): bigint | undefined {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{1,1024}$/.test(hex)) return undefined;
  const A = BigInt(`0x${hex}`);
  return A % SRP_N === 0n ? undefined : A;
}

/** The 16-byte key both sides derive. */
export async function srpSessionKey(A: bigint, challenge: SrpServerChallenge, verifier: bigint): Promise<Uint8Array> {
  const u = BigInt(`0x${await hashHex(paddedHex(A) + paddedHex(challenge.B))}`);
  const S = modPow((A * modPow(verifier, u, SRP_N)) % SRP_N, challenge.b, SRP_N);
  const prk = await hmacSha256(hexToBytes(paddedHex(u)), hexToBytes(paddedHex(S)));
  const okm = await hmacSha256(prk, encoder.encode('Caldera Derived Key\u0001'));
  return okm.slice(0, 16);
}

export async function srpClaimSignature(
  key: Uint8Array,
  poolName: string,
  username: string,
  secretBlock: string,
  timestamp: string,
): Promise<string> {
  const parts = [encoder.encode(poolName), encoder.encode(username), base64ToBytes(secretBlock), encoder.encode(timestamp)];
  const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return bytesToBase64(await hmacSha256(key, message));
}

/** Cognito's TIMESTAMP format: "Tue Sep 5 14:03:09 UTC 2023" (day without padding). */
export const SRP_TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;
