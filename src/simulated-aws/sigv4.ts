/**
 * An independent SigV4 verifier for the simulated AWS, written against the AWS specification
 * with WebCrypto so that it shares no code with the signer it checks.
 */

export interface VerifiableRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export interface SigningSecret {
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: number;
}

export type VerifyResult =
  { ok: true; accessKeyId: string; region: string; service: string } | { ok: false; errorType: string; message: string };

export interface VerifyOptions {
  service: string;
  /** The region the endpoint serves; the signature must be scoped to it. */
  region?: string;
  /** Host the client signed for; defaults to the URL's host. */
  host?: string;
  now: number;
  secretFor(accessKeyId: string): SigningSecret | undefined;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 5 * 60 * 1000;
const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
}

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data));
}

/** RFC 3986 encoding as AWS specifies it: everything but unreserved characters. */
export function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Non-S3 services encode each (already encoded) path segment once more. */
export function canonicalUri(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => awsUriEncode(segment))
    .join('/');
}

export function canonicalQuery(url: URL): string {
  const pairs: [string, string][] = [];
  url.searchParams.forEach((value, key) => pairs.push([awsUriEncode(key), awsUriEncode(value)]));
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

export function amzDateToMs(amzDate: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function msToAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export async function signingKey(secret: string, date: string, region: string, service: string): Promise<ArrayBuffer> {
  const kDate = await hmac(encoder.encode(`AWS4${secret}`), date);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function fail(errorType: string, message: string): VerifyResult {
  return { ok: false, errorType, message };
}

export async function verifySigV4(request: VerifiableRequest, options: VerifyOptions): Promise<VerifyResult> {
  const authorization = request.headers.get('authorization');
  if (!authorization) return fail('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
    authorization.trim(),
  );
  if (!auth)
    return fail(
      'IncompleteSignatureException',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${ALGORITHM}`,
    );
  const [, credential = '', signedHeadersList = '', signature = ''] = auth;
  const [accessKeyId = '', scopeDate, scopeRegion = '', scopeService, terminator] = credential.split('/');
  if (!scopeDate || !scopeService || terminator !== 'aws4_request') {
    return fail('IncompleteSignatureException', 'Credential should be scoped correctly.');
  }

  const secret = options.secretFor(accessKeyId);
  if (!secret) return fail('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if ((secret.sessionToken ?? null) !== request.headers.get('x-amz-security-token')) {
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (secret.expiresAt !== undefined && options.now >= secret.expiresAt) {
    return fail('ExpiredTokenException', 'The security token included in the request is expired');
  }

  const amzDate = request.headers.get('x-amz-date') ?? '';
  const signedAt = amzDateToMs(amzDate);
  if (signedAt === undefined) return fail('IncompleteSignatureException', 'X-Amz-Date is missing or malformed.');
  if (signedAt < options.now - MAX_SKEW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${msToAmzDate(options.now - MAX_SKEW_MS)} (${msToAmzDate(options.now)} - 5 min.)`,
    );
  }
  if (signedAt > options.now + MAX_SKEW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${msToAmzDate(options.now + MAX_SKEW_MS)} (${msToAmzDate(options.now)} + 5 min.)`,
    );
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    return fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'`,
    );
  }
  if (scopeService !== options.service) {
    return fail('InvalidSignatureException', `Credential should be scoped to correct service: '${options.service}'. `);
  }
  if (options.region && scopeRegion !== options.region) {
    return fail('InvalidSignatureException', `Credential should be scoped to a valid region, not '${scopeRegion}'. `);
  }

  const signedHeaders = signedHeadersList.split(';');
  if (!signedHeaders.includes('host')) {
    return fail('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const headerLines: string[] = [];
  for (const name of signedHeaders) {
    const value = name === 'host' ? (options.host ?? request.headers.get('host') ?? request.url.host) : request.headers.get(name);
    if (value === null) return fail('InvalidSignatureException', MISMATCH);
    headerLines.push(`${name}:${value.trim().replace(/\s+/g, ' ')}`);
  }

  const bodyHash = await sha256Hex(request.body);
  const claimedHash = request.headers.get('x-amz-content-sha256');
  if (claimedHash !== null && claimedHash !== bodyHash && claimedHash !== 'UNSIGNED-PAYLOAD') {
    return fail('InvalidSignatureException', 'The provided x-amz-content-sha256 header does not match what was computed.');
  }

  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url),
    ...headerLines,
    '',
    signedHeadersList,
    claimedHash ?? bodyHash,
  ].join('\n');
  const scope = `${scopeDate}/${scopeRegion}/${scopeService}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  const key = await signingKey(secret.secretAccessKey, scopeDate, scopeRegion, scopeService);
  const expected = toHex(await hmac(key, stringToSign));
  if (expected !== signature) return fail('InvalidSignatureException', MISMATCH);
  return { ok: true, accessKeyId, region: scopeRegion, service: scopeService };
}
