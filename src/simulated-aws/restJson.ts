/**
 * What the simulated rest-json services (AmplifyBackend, Amplify Hosting) answer with: JSON bodies,
 * AWS errors (`x-amzn-errortype` and `{ message }`), path segments decoded once, and the scripted
 * faults (HTTP errors, HTML or odd bodies, hangs, dropped connections).
 */
import type { SimFault } from './jobStore';
import { verifySigV4, type SigningSecret, type VerifyResult } from './sigv4';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': crypto.randomUUID(), ...headers },
  });
}

export function awsError(status: number, errorType: string, message: string, extra: Record<string, string> = {}): Response {
  return json(status, { message, ...extra }, { 'x-amzn-errortype': errorType });
}

/** One path segment, percent-decoded once; undefined when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The answer to a request that meets a scripted fault; `finish` records it (a hang or a dropped
 * connection is recorded as 599 or 598 when it happens).
 */
export async function answerFault(fault: SimFault, request: Request, finish: (r: Response) => Response): Promise<Response> {
  switch (fault.type) {
    case 'http':
      return finish(
        awsError(fault.status, fault.errorType ?? 'ServiceException', fault.message ?? `Simulated HTTP ${fault.status}`),
      );
    case 'html':
      return finish(
        new Response(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`, {
          status: fault.status,
          headers: { 'content-type': 'text/html' },
        }),
      );
    case 'body':
      return finish(
        new Response(fault.body, {
          status: fault.status,
          headers: { 'content-type': fault.contentType ?? 'application/json' },
        }),
      );
    case 'hang':
      finish(new Response(null, { status: 599 }));
      await new Promise<void>((resolve) => {
        if (request.signal.aborted) resolve();
        request.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      return Response.error();
    case 'network':
      finish(new Response(null, { status: 598 }));
      return Response.error();
  }
}

/** What a simulated service checks a request's signature with. */
export interface SigningCheck {
  now(): number;
  secretFor(accessKeyId: string): SigningSecret | undefined;
}

/** The request's body (none for GET and HEAD) and its SigV4 signature checked for `service`. */
export async function readSignedRequest(
  request: Request,
  url: URL,
  service: string,
  hostRegion: string | undefined,
  check: SigningCheck,
): Promise<{ body: string; verdict: VerifyResult }> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const verdict = await verifySigV4(
    { method: request.method, url, headers: request.headers, body },
    { service, region: hostRegion, now: check.now(), secretFor: (id) => check.secretFor(id) },
  );
  return { body, verdict };
}
