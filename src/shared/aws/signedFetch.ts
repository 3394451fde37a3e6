import { SignatureV4 } from '@smithy/signature-v4';
import { AwsError, errorFromResponse, isAwsError } from './awsError';
import type { ClockOffset } from './clockOffset';
import type { AwsCredentials, CredentialRequest, CredentialSource } from './credentials';
import { WebCryptoSha256 } from './webCryptoSha256';

export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The most of an answer the dashboard reads: a job is a few kilobytes and a page of 25 jobs a few
 * dozen. Past this the body is not read further, nor kept, nor passed to other tabs.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The body as text, or undefined when it is longer than `limit` bytes (declared, or as it streams in). */
export async function readAtMost(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '');
  // Cancels are not awaited: one may settle only when the other side lets go of the stream.
  if (declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

export interface SignedRequest {
  method: 'GET' | 'POST';
  /** Where the request is sent (the real endpoint or a proxy). */
  url: URL;
  /** The host and path AWS will see; differ from `url` only behind a proxy. */
  signingHost: string;
  signingPath: string;
  /** Query parameters, signed and sent (`url` carries no query of its own). */
  query?: Record<string, string>;
  region: string;
  service: string;
  body?: string;
  signal?: AbortSignal;
}

export interface SignedFetchDeps {
  credentials: CredentialSource;
  clock: ClockOffset;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** A 2xx answer, read whole within the request's timeout. */
export interface SignedResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type SignedFetch = (request: SignedRequest) => Promise<SignedResponse>;

/**
 * Signs a request with SigV4 in the browser and sends it. Resolves only with a 2xx response;
 * anything else becomes an AwsError. Expired credentials and a skewed clock are each repaired
 * once (fresh credentials, or the server's clock) and the request is sent again.
 */
export function createSignedFetch({
  credentials,
  clock,
  fetchImpl = (input, init) => fetch(input, init),
  timeoutMs = REQUEST_TIMEOUT_MS,
}: SignedFetchDeps): SignedFetch {
  async function attempt(
    request: SignedRequest,
    credentialRequest: CredentialRequest,
    used?: (creds: AwsCredentials) => void,
  ): Promise<SignedResponse> {
    const creds = await credentials(credentialRequest);
    used?.(creds);
    const signer = new SignatureV4({
      service: request.service,
      region: request.region,
      credentials: creds,
      sha256: WebCryptoSha256,
    });
    const headers: Record<string, string> = { host: request.signingHost };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const signed = await signer.sign(
      {
        method: request.method,
        protocol: 'https:',
        hostname: request.signingHost,
        path: request.signingPath,
        headers,
        query: request.query ?? {},
        body: request.body,
      },
      { signingDate: clock.now() },
    );
    // Browsers set Host themselves and refuse to let a page send it.
    const { host: _host, ...sendHeaders } = signed.headers;

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      const url = request.query ? new URL(`?${new URLSearchParams(request.query)}`, request.url) : request.url;
      response = await fetchImpl(url, {
        method: request.method,
        headers: sendHeaders,
        body: request.body,
        signal,
        credentials: 'omit',
        cache: 'no-store',
        mode: 'cors',
        referrerPolicy: 'no-referrer',
      });
      const body = await readAtMost(response, MAX_ANSWER_BYTES);
      if (body === undefined) {
        throw new AwsError({
          kind: 'too-large',
          status: response.status,
          requestId: response.headers.get('x-amzn-requestid') ?? undefined,
        });
      }
      text = body;
    } catch (error) {
      if (isAwsError(error)) throw error;
      if (request.signal?.aborted) throw error;
      if (timeout.aborted) throw new AwsError({ kind: 'timeout', cause: error });
      throw new AwsError({ kind: 'network', cause: error });
    }
    // The Date header is readable only when the server exposes it to CORS; when it is, keep the clock honest.
    const date = response.headers.get('date');
    if (date && !Number.isNaN(Date.parse(date))) clock.learn(new Date(date));
    if (response.ok) return { status: response.status, headers: response.headers, text };
    throw errorFromResponse(response, text);
  }

  return async (request) => {
    let signedWith: AwsCredentials | undefined;
    try {
      return await attempt(request, { forceRefresh: false }, (creds) => (signedWith = creds));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      // Refused as expired: fresh credentials, unless another request has fetched them meanwhile.
      if (error.kind === 'expired-credentials') return attempt(request, { forceRefresh: true, rejected: signedWith });
      if (error.kind === 'clock-skew' && error.serverTime) {
        clock.learn(error.serverTime);
        return attempt(request, { forceRefresh: false });
      }
      throw error;
    }
  };
}
