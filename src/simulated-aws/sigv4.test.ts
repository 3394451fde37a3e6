import { Sha256 } from '@aws-crypto/sha256-browser';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { backendJobPath } from '../shared/aws/amplifyBackend';
import { classifyForbidden, serverTimeFromSkewMessage } from '../shared/aws/awsError';
import {
  amzDateToMs,
  awsUriEncode,
  canonicalQuery,
  canonicalUri,
  msToAmzDate,
  sha256Hex,
  signingKey,
  verifySigV4,
  type SigningSecret,
  type VerifiableRequest,
  type VerifyOptions,
} from './sigv4';

const MINUTE = 60_000;

/** The official AWS SigV4 test suite's shared credentials. */
const SUITE_ACCESS_KEY = 'AKIDEXAMPLE';
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('verifySigV4 against the AWS test suite (get-vanilla)', () => {
  const amzDate = '20150830T123600Z';
  const vanillaSignature = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';

  function vanilla(signature = vanillaSignature): VerifiableRequest {
    return {
      method: 'GET',
      url: new URL('https://example.amazonaws.com/'),
      headers: new Headers({
        host: 'example.amazonaws.com',
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${SUITE_ACCESS_KEY}/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      }),
      body: '',
    };
  }

  const options: VerifyOptions = {
    service: 'service',
    region: 'us-east-1',
    now: amzDateToMs(amzDate) ?? Number.NaN,
    secretFor: (id) => (id === SUITE_ACCESS_KEY ? { secretAccessKey: SUITE_SECRET } : undefined),
  };

  it('accepts the published signature', async () => {
    expect(await verifySigV4(vanilla(), options)).toEqual({
      ok: true,
      accessKeyId: SUITE_ACCESS_KEY,
      region: 'us-east-1',
      service: 'service',
    });
  });

  it('refuses the published request with one signature digit changed', async () => {
    const tampered = `${vanillaSignature.slice(0, -1)}0`;
    const result = await verifySigV4(vanilla(tampered), options);
    expect(result).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(result.ok || result.message).toContain('signature we calculated does not match');
  });

  it('refuses the published request under another secret', async () => {
    const result = await verifySigV4(vanilla(), {
      ...options,
      secretFor: () => ({ secretAccessKey: `${SUITE_SECRET}x` }),
    });
    expect(result.ok).toBe(false);
  });

  it('computes the published string-to-sign hash (canonical request of get-vanilla)', async () => {
    const canonicalRequest = [
      'GET',
      '/',
      '',
      'host:example.amazonaws.com',
      `x-amz-date:${amzDate}`,
      '',
      'host;x-amz-date',
      await sha256Hex(''),
    ].join('\n');
    expect(await sha256Hex(canonicalRequest)).toBe('bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63');
  });
});

describe('sigv4 building blocks', () => {
  it('derives the signing key of the AWS documentation example', async () => {
    const key = await signingKey(SUITE_SECRET, '20120215', 'us-east-1', 'iam');
    expect(toHex(key)).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('hashes the empty string to the well-known SHA-256', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('encodes everything but unreserved characters', () => {
    expect(awsUriEncode("A-Z a_z.0~9!'()*/+%")).toBe('A-Z%20a_z.0~9%21%27%28%29%2A%2F%2B%25');
  });

  it('encodes each path segment once more but keeps the slashes', () => {
    expect(canonicalUri('/backend/a%2Fb/job/my%20env/x')).toBe('/backend/a%252Fb/job/my%2520env/x');
  });

  it('sorts and encodes the query', () => {
    expect(canonicalQuery(new URL('https://h/?b=2&a=2&a=1&c=x%20y'))).toBe('a=1&a=2&b=2&c=x%20y');
    expect(canonicalQuery(new URL('https://h/'))).toBe('');
  });

  it('round-trips x-amz-date stamps and refuses malformed ones', () => {
    const ms = Date.UTC(2026, 10, 29, 12, 30, 5);
    expect(msToAmzDate(ms)).toBe('20261129T123005Z');
    expect(amzDateToMs('20261129T123005Z')).toBe(ms);
    expect(amzDateToMs('2026-11-29T12:30:05Z')).toBeUndefined();
    expect(amzDateToMs('')).toBeUndefined();
  });
});

describe('verifySigV4 against the real signer (@smithy/signature-v4)', () => {
  const NOW = Date.UTC(2026, 10, 29, 12, 30, 0);
  const HOST = 'amplifybackend.us-east-1.amazonaws.com';
  const CREDENTIALS = {
    accessKeyId: 'ASIASIMULATED000001',
    secretAccessKey: 'c2VjcmV0LXNpbXVsYXRlZC1rZXktMDAwMDAwMDAwMDAx',
    sessionToken: 'session-token-one',
  };
  const JOB_PATH = backendJobPath({ appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: '7f3c9e2a-5b1d' });

  interface SignOptions {
    method?: 'GET' | 'POST';
    path?: string;
    body?: string;
    region?: string;
    signingDate?: Date;
    credentials?: typeof CREDENTIALS;
    /** False signs without an x-amz-content-sha256 header, as most non-S3 SDK signers may. */
    applyChecksum?: boolean;
  }

  /** Signs exactly as src/shared/aws/signedFetch.ts does, then shapes the result as the server receives it. */
  async function signed({
    method = 'GET',
    path = JOB_PATH,
    body,
    region = 'us-east-1',
    signingDate = new Date(NOW),
    credentials = CREDENTIALS,
    applyChecksum = true,
  }: SignOptions = {}): Promise<VerifiableRequest> {
    const signer = new SignatureV4({ service: 'amplifybackend', region, credentials, sha256: Sha256, applyChecksum });
    const headers: Record<string, string> = { host: HOST };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = await signer.sign(
      { method, protocol: 'https:', hostname: HOST, path, headers, query: {}, body },
      { signingDate },
    );
    // A browser drops Host and sets its own; the server sees the URL's host.
    const { host: _host, ...sent } = request.headers;
    return { method, url: new URL(`https://${HOST}${path}`), headers: new Headers(sent), body: body ?? '' };
  }

  function secret(overrides: Partial<SigningSecret> = {}): SigningSecret {
    return {
      secretAccessKey: CREDENTIALS.secretAccessKey,
      sessionToken: CREDENTIALS.sessionToken,
      expiresAt: NOW + 60 * MINUTE,
      ...overrides,
    };
  }

  function options(overrides: Partial<VerifyOptions> = {}, secretOverrides: Partial<SigningSecret> = {}): VerifyOptions {
    return {
      service: 'amplifybackend',
      region: 'us-east-1',
      now: NOW,
      secretFor: (id) => (id === CREDENTIALS.accessKeyId ? secret(secretOverrides) : undefined),
      ...overrides,
    };
  }

  async function refusal(request: VerifiableRequest, opts: VerifyOptions) {
    const result = await verifySigV4(request, opts);
    if (result.ok) throw new Error('expected the request to be refused');
    return result;
  }

  describe('accepts', () => {
    it('a GetBackendJob request', async () => {
      expect(await verifySigV4(await signed(), options())).toEqual({
        ok: true,
        accessKeyId: CREDENTIALS.accessKeyId,
        region: 'us-east-1',
        service: 'amplifybackend',
      });
    });

    it('a path whose IDs carry encoded special characters', async () => {
      const path = backendJobPath({ appId: 'a/b', envName: 'my env+1', jobId: "100%-ü-日本-!'()*-?#" });
      const request = await signed({ path });
      // The IDs really are encoded in what travels (the test would be empty otherwise).
      expect(request.url.pathname).toContain('%2F');
      expect(request.url.pathname).toContain('%25');
      expect(await verifySigV4(request, options())).toMatchObject({ ok: true });
    });

    it('a POST with a JSON body (ListBackendJobs)', async () => {
      const request = await signed({
        method: 'POST',
        path: '/backend/d2k9xq7v1ab3cd/job/staging',
        body: JSON.stringify({ maxResults: 25, status: 'RUNNING' }),
      });
      expect(request.headers.get('content-type')).toBe('application/json');
      expect(await verifySigV4(request, options())).toMatchObject({ ok: true });
    });

    it('a request sent through a proxy when told the host that was signed for', async () => {
      const request = await signed();
      const viaProxy = { ...request, url: new URL(`http://127.0.0.1:4010${JOB_PATH}`) };
      expect(await verifySigV4(viaProxy, options({ host: HOST }))).toMatchObject({ ok: true });
    });

    it('a clock 4 min 59 s behind or ahead, inside the five-minute window', async () => {
      expect(await verifySigV4(await signed({ signingDate: new Date(NOW - 5 * MINUTE + 1_000) }), options())).toMatchObject({
        ok: true,
      });
      expect(await verifySigV4(await signed({ signingDate: new Date(NOW + 5 * MINUTE - 1_000) }), options())).toMatchObject({
        ok: true,
      });
    });

    it('any region when the endpoint does not pin one, and reports it', async () => {
      const result = await verifySigV4(await signed({ region: 'eu-west-1' }), options({ region: undefined }));
      expect(result).toMatchObject({ ok: true, region: 'eu-west-1' });
    });
  });

  describe('refuses', () => {
    it('a request without a signature', async () => {
      const request = await signed();
      request.headers.delete('authorization');
      expect(await refusal(request, options())).toEqual({
        ok: false,
        errorType: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token',
      });
    });

    it('a tampered path', async () => {
      const request = await signed();
      const tampered = { ...request, url: new URL(`https://${HOST}/backend/d2k9xq7v1ab3cd/job/staging/another-job`) };
      const result = await refusal(tampered, options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(classifyForbidden(result.message, result.errorType)).toBe('signature-mismatch');
    });

    it('a path that differs only in the encoding of an ID', async () => {
      const request = await signed({ path: backendJobPath({ appId: 'a/b', envName: 'e', jobId: 'j' }) });
      // "a/b" as two segments is another resource than "a%2Fb" as one.
      const tampered = { ...request, url: new URL(`https://${HOST}/backend/a/b/job/e/j`) };
      expect((await refusal(tampered, options())).errorType).toBe('InvalidSignatureException');
    });

    it('a different method', async () => {
      const request = await signed();
      expect((await refusal({ ...request, method: 'DELETE' }, options())).errorType).toBe('InvalidSignatureException');
    });

    it('a different host', async () => {
      const request = await signed();
      const elsewhere = { ...request, url: new URL(`https://amplifybackend.us-east-2.amazonaws.com${JOB_PATH}`) };
      expect((await refusal(elsewhere, options())).errorType).toBe('InvalidSignatureException');
      expect((await refusal(request, options({ host: 'proxy.example.com' }))).errorType).toBe('InvalidSignatureException');
    });

    it('a signature made with the wrong secret', async () => {
      const request = await signed({ credentials: { ...CREDENTIALS, secretAccessKey: 'not-the-secret' } });
      const result = await refusal(request, options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.message).toContain('signature we calculated does not match');
    });

    it('an unknown access key', async () => {
      const request = await signed({ credentials: { ...CREDENTIALS, accessKeyId: 'ASIAUNKNOWN' } });
      const result = await refusal(request, options());
      expect(result).toMatchObject({ errorType: 'UnrecognizedClientException' });
      expect(classifyForbidden(result.message, result.errorType)).toBe('invalid-credentials');
    });

    it('a wrong session token', async () => {
      const request = await signed({ credentials: { ...CREDENTIALS, sessionToken: 'session-token-two' } });
      const result = await refusal(request, options());
      expect(result).toEqual({
        ok: false,
        errorType: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
      expect(classifyForbidden(result.message, result.errorType)).toBe('invalid-credentials');
    });

    it('a missing session token for temporary credentials', async () => {
      const request = await signed();
      request.headers.delete('x-amz-security-token');
      expect((await refusal(request, options())).errorType).toBe('UnrecognizedClientException');
    });

    it('expired credentials, in the words the client recognises', async () => {
      const result = await refusal(await signed(), options({}, { expiresAt: NOW }));
      expect(result).toEqual({
        ok: false,
        errorType: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
      });
      expect(classifyForbidden(result.message, result.errorType)).toBe('expired-credentials');
    });

    it('a date 6 minutes in the past, telling the server time', async () => {
      const result = await refusal(await signed({ signingDate: new Date(NOW - 6 * MINUTE) }), options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.message).toBe(
        'Signature expired: 20261129T122400Z is now earlier than 20261129T122500Z (20261129T123000Z - 5 min.)',
      );
      expect(classifyForbidden(result.message, result.errorType)).toBe('clock-skew');
      expect(serverTimeFromSkewMessage(result.message)?.getTime()).toBe(NOW);
    });

    it('a date 6 minutes in the future, telling the server time', async () => {
      const result = await refusal(await signed({ signingDate: new Date(NOW + 6 * MINUTE) }), options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.message).toBe(
        'Signature not yet current: 20261129T123600Z is still later than 20261129T123500Z (20261129T123000Z + 5 min.)',
      );
      expect(classifyForbidden(result.message, result.errorType)).toBe('clock-skew');
      expect(serverTimeFromSkewMessage(result.message)?.getTime()).toBe(NOW);
    });

    it('a signature scoped to another region', async () => {
      const result = await refusal(await signed({ region: 'eu-west-1' }), options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.message).toContain("scoped to a valid region, not 'eu-west-1'");
    });

    it('a signature scoped to another service', async () => {
      const result = await refusal(await signed(), options({ service: 'amplify' }));
      expect(result.message).toContain("scoped to correct service: 'amplify'");
    });

    it('a body that does not match x-amz-content-sha256', async () => {
      const request = await signed({
        method: 'POST',
        path: '/backend/d2k9xq7v1ab3cd/job/staging',
        body: JSON.stringify({ maxResults: 5 }),
      });
      const result = await refusal({ ...request, body: JSON.stringify({ maxResults: 25 }) }, options());
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.message).toBe('The provided x-amz-content-sha256 header does not match what was computed.');
    });

    it('a changed body when the request was signed without a content hash header', async () => {
      const request = await signed({
        method: 'POST',
        path: '/backend/d2k9xq7v1ab3cd/job/staging',
        body: JSON.stringify({ maxResults: 5 }),
        applyChecksum: false,
      });
      expect(request.headers.has('x-amz-content-sha256')).toBe(false);
      // The server hashes the body itself; the signature covered the original one.
      expect(await verifySigV4(request, options())).toMatchObject({ ok: true });
      const result = await refusal({ ...request, body: '{}' }, options());
      expect(result.message).toContain('signature we calculated does not match');
    });

    it('a request whose signed content hash header was stripped on the way', async () => {
      const request = await signed({ method: 'POST', path: '/backend/a/job/e', body: '{}' });
      request.headers.delete('x-amz-content-sha256');
      expect((await refusal(request, options())).errorType).toBe('InvalidSignatureException');
    });

    it('a signed header whose value was changed on the way', async () => {
      const request = await signed({ method: 'POST', path: '/backend/a/job/e', body: '{}' });
      request.headers.set('content-type', 'text/plain');
      expect((await refusal(request, options())).errorType).toBe('InvalidSignatureException');
    });

    it('a malformed Authorization header', async () => {
      const request = await signed();
      request.headers.set('authorization', 'AWS4-HMAC-SHA256 garbage');
      expect((await refusal(request, options())).errorType).toBe('IncompleteSignatureException');
    });
  });
});
