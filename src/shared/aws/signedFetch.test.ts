import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { simulatedAwsHandlers } from '../../simulated-aws/mswHandlers';
import { SimulatedAws } from '../../simulated-aws/simulatedAws';
import { server, sim } from '../../test/server';
import { simCredentialSource } from '../../test/simCredentials';
import { backendJobPath, createAmplifyBackendClient } from './amplifyBackend';
import { AwsError, isTransient } from './awsError';
import { createClockOffset } from './clockOffset';
import type { CredentialSource } from './credentials';
import { createSignedFetch, MAX_ANSWER_BYTES, readAtMost, type SignedRequest } from './signedFetch';

const REGION = 'us-east-1';
const HOST = `amplifybackend.${REGION}.amazonaws.com`;
const APP = 'app1';
const ENV = 'dev';

function jobRequest(jobId: string, overrides: Partial<SignedRequest> = {}): SignedRequest {
  const path = backendJobPath({ appId: APP, envName: ENV, jobId });
  return {
    method: 'GET',
    url: new URL(`https://${HOST}${path}`),
    signingHost: HOST,
    signingPath: path,
    region: REGION,
    service: 'amplifybackend',
    ...overrides,
  };
}

function putJob(target: SimulatedAws, jobId: string, faults: Parameters<SimulatedAws['jobs']['put']>[0]['faults'] = []) {
  target.jobs.put({ appId: APP, envName: ENV, jobId, steps: [{ status: 'RUNNING', atMs: 0 }], faults });
}

/** The HTTP statuses the simulated AWS answered for one job, in order. */
function statuses(target: SimulatedAws, jobId: string): number[] {
  return target.records.filter((r) => r.jobId === jobId).map((r) => r.status);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function awsRejection(promise: Promise<unknown>): Promise<AwsError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AwsError);
  return error as AwsError;
}

describe('signedFetch against the simulated AWS (real SigV4 verification)', () => {
  it('signs a request the service accepts, without sending a Host header of its own', async () => {
    putJob(sim, 'job-ok');
    const seen: Request[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/backend/')) seen.push(request.clone());
    });
    const credentials = simCredentialSource();
    const signedFetch = createSignedFetch({ credentials, clock: createClockOffset() });

    const response = await signedFetch(jobRequest('job-ok'));

    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({
      appId: APP,
      backendEnvironmentName: ENV,
      jobId: 'job-ok',
      status: 'RUNNING',
    });
    expect(statuses(sim, 'job-ok')).toEqual([200]);
    expect(seen).toHaveLength(1);
    const headers = seen[0]!.headers;
    expect(headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIA[A-Z2-7]{16}\/\d{8}\/us-east-1\/amplifybackend\/aws4_request, SignedHeaders=\S*host\S*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers.get('x-amz-security-token')).toBeTruthy();
    expect(headers.get('host')).toBeNull();
  });

  it('signs IDs that need percent-encoding (spaces, slashes, unicode, %) so the service accepts them', async () => {
    const jobId = 'job id/ü%2F+*(x)';
    putJob(sim, jobId);
    const client = createAmplifyBackendClient(
      {},
      createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() }),
    );
    const job = await client.getBackendJob({ region: REGION, appId: APP, envName: ENV, jobId });
    expect(job.jobId).toBe(jobId);
    expect(statuses(sim, jobId)).toEqual([200]);
  });

  it('signs a POST with a JSON body (non-ASCII included) so the service accepts it', async () => {
    putJob(sim, 'jöb-ü');
    putJob(sim, 'other');
    const path = `/backend/${APP}/job/${ENV}`;
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const response = await signedFetch({
      method: 'POST',
      url: new URL(`https://${HOST}${path}`),
      signingHost: HOST,
      signingPath: path,
      region: REGION,
      service: 'amplifybackend',
      body: JSON.stringify({ jobId: 'jöb-ü', maxResults: 5 }),
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as { jobs: { jobId: string }[] };
    expect(body.jobs.map((job) => job.jobId)).toEqual(['jöb-ü']);
  });

  it('a request signed for another region is refused, not retried', async () => {
    putJob(sim, 'job-region');
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-region', { region: 'eu-west-1' })));
    expect(error.status).toBe(403);
    expect(error.kind).toBe('signature-mismatch');
    expect(statuses(sim, 'job-region')).toEqual([403]);
  });

  it('a signature made with the wrong secret is refused as a signature mismatch, not retried', async () => {
    putJob(sim, 'job-bad-sig');
    const real = simCredentialSource();
    const tampered: CredentialSource = async (options) => ({ ...(await real(options)), secretAccessKey: 'not-the-secret' });
    const signedFetch = createSignedFetch({ credentials: tampered, clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-bad-sig')));
    expect(error.kind).toBe('signature-mismatch');
    expect(error.status).toBe(403);
    expect(statuses(sim, 'job-bad-sig')).toEqual([403]);
  });

  it('expired credentials: forces a refresh once and retries, and succeeds', async () => {
    putJob(sim, 'job-expired');
    const credentials = simCredentialSource();
    const signedFetch = createSignedFetch({ credentials, clock: createClockOffset() });
    await signedFetch(jobRequest('job-expired'));
    sim.expireAllCredentials();

    const response = await signedFetch(jobRequest('job-expired'));

    expect(response.status).toBe(200);
    expect(statuses(sim, 'job-expired')).toEqual([200, 403, 200]);
    expect(credentials.calls).toEqual([{ forceRefresh: false }, { forceRefresh: false }, { forceRefresh: true }]);
    expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(2);
  });

  it('expired credentials that stay expired after the refresh: gives up after one retry', async () => {
    // A separate simulated AWS whose credentials are born expired.
    const stale = new SimulatedAws({ now: () => Date.now(), credentialLifetimeMs: 0 });
    server.use(...simulatedAwsHandlers(stale));
    putJob(stale, 'job-always-expired');
    const credentials = simCredentialSource();
    const signedFetch = createSignedFetch({ credentials, clock: createClockOffset() });

    const error = await awsRejection(signedFetch(jobRequest('job-always-expired')));

    expect(error.kind).toBe('expired-credentials');
    expect(error.serverMessage).toBe('The security token included in the request is expired');
    expect(statuses(stale, 'job-always-expired')).toEqual([403, 403]);
    expect(credentials.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
  });

  it.each([
    ['20 minutes ahead of', 20],
    ['20 minutes behind', -20],
  ])('the service’s clock %s the browser’s: learns the offset from the refusal and retries once', async (_name, minutes) => {
    const skewed = new SimulatedAws({ now: () => Date.now() + minutes * 60_000 });
    server.use(...simulatedAwsHandlers(skewed));
    putJob(skewed, 'job-skew');
    const clock = createClockOffset();
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock });

    const response = await signedFetch(jobRequest('job-skew'));

    expect(response.status).toBe(200);
    expect(statuses(skewed, 'job-skew')).toEqual([403, 200]);
    // The skew message has one-second resolution, and some milliseconds pass between the two clocks' readings.
    expect(Math.abs(clock.get() - minutes * 60_000)).toBeLessThan(2_000);

    // Learned once: the next request goes straight through.
    await signedFetch(jobRequest('job-skew'));
    expect(statuses(skewed, 'job-skew')).toEqual([403, 200, 200]);
  });

  it('a clock that is still wrong after the retry is reported as clock skew, not retried again', async () => {
    // The service's clock jumps another 20 minutes each time it is read: learning never catches up.
    // (Credentials live long enough to outlast the jumps, so only the signature time is wrong.)
    let drift = 0;
    const runaway = new SimulatedAws({
      now: () => Date.now() + (drift += 20 * 60_000),
      credentialLifetimeMs: 365 * 24 * 60 * 60_000,
    });
    server.use(...simulatedAwsHandlers(runaway));
    putJob(runaway, 'job-runaway');
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });

    const error = await awsRejection(signedFetch(jobRequest('job-runaway')));

    expect(error.kind).toBe('clock-skew');
    expect(statuses(runaway, 'job-runaway')).toEqual([403, 403]);
  });

  it('a request that hangs past timeoutMs fails as a timeout', async () => {
    putJob(sim, 'job-hang', [{ type: 'hang' }]);
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset(), timeoutMs: 100 });
    // The request's own deadline is the given 100 ms (not the 15 s default), whatever the machine's speed.
    const deadline = vi.spyOn(AbortSignal, 'timeout');
    const error = await awsRejection(signedFetch(jobRequest('job-hang')));
    expect(error.kind).toBe('timeout');
    expect(deadline).toHaveBeenCalledWith(100);
  });

  it('a caller abort during a hang rejects with the abort, not an AwsError', async () => {
    putJob(sim, 'job-abort', [{ type: 'hang' }]);
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const controller = new AbortController();
    const pending = signedFetch(jobRequest('job-abort', { signal: controller.signal }));
    // Aborts once the request hangs at the simulated AWS (recorded there as status 599).
    await vi.waitFor(() => expect(sim.records.filter((r) => r.jobId === 'job-abort' && r.status === 599)).toHaveLength(1));
    controller.abort();
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(AwsError);
    expect(controller.signal.aborted).toBe(true);
  });

  it('a network failure fails as kind "network"', async () => {
    putJob(sim, 'job-net', [{ type: 'network' }]);
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-net')));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
  });

  it('an HTML 502 from a proxy fails as "service-unavailable" with the status and no invented message', async () => {
    putJob(sim, 'job-502', [{ type: 'html', status: 502 }]);
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-502')));
    expect(error.kind).toBe('service-unavailable');
    expect(error.status).toBe(502);
    expect(error.serverMessage).toBeUndefined();
  });

  it('a 404 carries the service’s message, error type and request ID', async () => {
    putJob(sim, 'job-exists');
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-missing')));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.errorType).toBe('NotFoundException');
    expect(error.serverMessage).toBe(`Job job-missing not found for environment ${ENV}.`);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(statuses(sim, 'job-missing')).toEqual([404]);
  });

  it('a proxy endpoint: sends to the proxy URL and signs for the real host, which the service accepts', async () => {
    putJob(sim, 'job-proxy');
    const proxied: string[] = [];
    // A same-origin proxy: forwards path and headers, unchanged, to the real endpoint.
    server.use(
      http.all('http://127.0.0.1:4999/*', async ({ request }) => {
        proxied.push(request.url);
        const url = new URL(request.url);
        return sim.handle(new Request(`https://${HOST}${url.pathname}`, { method: request.method, headers: request.headers }));
      }),
    );
    const client = createAmplifyBackendClient(
      { amplifyBackendEndpoint: 'http://127.0.0.1:4999', signingHost: HOST },
      createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() }),
    );
    const job = await client.getBackendJob({ region: REGION, appId: APP, envName: ENV, jobId: 'job-proxy' });
    expect(job.status).toBe('RUNNING');
    expect(proxied).toEqual([`http://127.0.0.1:4999/backend/${APP}/job/${ENV}/job-proxy`]);
  });

  it('a proxy endpoint without signingHost signs for the proxy’s host, which the real service refuses', async () => {
    putJob(sim, 'job-proxy-unsigned');
    server.use(
      http.all('http://127.0.0.1:4999/*', async ({ request }) => {
        const url = new URL(request.url);
        return sim.handle(new Request(`https://${HOST}${url.pathname}`, { method: request.method, headers: request.headers }));
      }),
    );
    const client = createAmplifyBackendClient(
      { amplifyBackendEndpoint: 'http://127.0.0.1:4999' },
      createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() }),
    );
    const error = await awsRejection(
      client.getBackendJob({ region: REGION, appId: APP, envName: ENV, jobId: 'job-proxy-unsigned' }),
    );
    expect(error.kind).toBe('signature-mismatch');
  });
});

describe('answers over MAX_ANSWER_BYTES', () => {
  const huge = (n: number) => JSON.stringify({ jobId: 'job-huge', status: 'RUNNING', error: 'x'.repeat(n) });

  it('are refused as too large, and retried as transient', async () => {
    server.use(
      http.get(
        `https://${HOST}/backend/${APP}/job/${ENV}/job-huge`,
        () => new Response(huge(MAX_ANSWER_BYTES), { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const signedFetch = createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() });
    const error = await awsRejection(signedFetch(jobRequest('job-huge')));
    expect(error.kind).toBe('too-large');
    expect(isTransient(error)).toBe(true);
  });

  it('are not read past the limit, whether their length is declared or only streams in', async () => {
    const declared = new Response('{}', { headers: { 'content-length': String(MAX_ANSWER_BYTES + 1) } });
    await expect(readAtMost(declared, MAX_ANSWER_BYTES)).resolves.toBeUndefined();
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const endless = new Response(
      new ReadableStream({
        pull(controller) {
          pulled += 1;
          controller.enqueue(chunk);
        },
      }),
    );
    await expect(readAtMost(endless, MAX_ANSWER_BYTES)).resolves.toBeUndefined();
    // Stopped just past 1 MB (16 chunks of 64 KB), with at most the stream's own read-ahead.
    expect(pulled).toBeLessThan(20);
  });

  it('an answer just under the limit is read whole', async () => {
    const body = huge(MAX_ANSWER_BYTES - 200);
    await expect(readAtMost(new Response(body), MAX_ANSWER_BYTES)).resolves.toBe(body);
    await expect(readAtMost(new Response(body + 'x'.repeat(300)), MAX_ANSWER_BYTES)).resolves.toBeUndefined();
  });
});
