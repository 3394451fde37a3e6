/**
 * Amplify Hosting over the loopback HTTP server the end-to-end suite uses: a job put through the
 * `/__sim/hosting-jobs` control route, asked for at the server's origin (as a config with
 * `amplifyEndpoint` pointing there asks), signed for service `amplify`.
 */
import { Sha256 } from '@aws-crypto/sha256-browser';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_IDENTITY_POOL_ID, simulatedAccountConfig } from '../accountConfig';
import { startSimServer, type SimServer } from './httpServer';

let simServer: SimServer;

beforeAll(async () => {
  simServer = await startSimServer({ port: 0 });
});

afterAll(async () => {
  await simServer.close();
});

async function control(path: string, body: unknown): Promise<Response> {
  return fetch(`${simServer.origin}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

async function cognito<T>(operation: string, body: unknown): Promise<T> {
  const response = await fetch(`${simServer.origin}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function signedGet(path: string): Promise<Response> {
  const { IdentityId } = await cognito<{ IdentityId: string }>('GetId', { IdentityPoolId: SIMULATED_IDENTITY_POOL_ID });
  const { Credentials } = await cognito<{ Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string } }>(
    'GetCredentialsForIdentity',
    { IdentityId },
  );
  const host = new URL(simServer.origin).host;
  const signer = new SignatureV4({
    service: 'amplify',
    region: 'us-east-1',
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    },
    sha256: Sha256,
  });
  const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: host, path, headers: { host }, query: {} });
  const { host: _host, ...headers } = signed.headers;
  return fetch(`${simServer.origin}${path}`, { headers });
}

describe('Amplify Hosting over the loopback server', () => {
  it('points the simulated account config at it', () => {
    expect(simulatedAccountConfig(simServer.origin)).toMatchObject({ amplifyEndpoint: simServer.origin });
  });

  it('serves a job put through the control route, and counts the request', async () => {
    const put = await control('hosting-jobs', {
      appId: 'd2k9xq7v1ab3cd',
      branchName: 'feature/login',
      jobId: '4',
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
    });
    expect(put.status).toBe(201);
    const response = await signedGet('/apps/d2k9xq7v1ab3cd/branches/feature%2Flogin/jobs/4');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { job: { summary: { jobId: string; status: string }; steps: unknown[] } };
    expect(body.job.summary).toMatchObject({ jobId: '4', status: 'RUNNING' });
    expect(body.job.steps).toHaveLength(1);
    const count = await fetch(`${simServer.origin}/__sim/count?service=amplify&operation=GetJob&jobId=4`);
    expect(await count.json()).toEqual({ count: 1 });
  });

  it('answers list faults put through the control route', async () => {
    await control('hosting-jobs', { appId: 'd2k9xq7v1ab3cd', branchName: 'main', jobId: '1', steps: [] });
    const set = await control('hosting-list-faults', {
      appId: 'd2k9xq7v1ab3cd',
      branchName: 'main',
      faults: [{ type: 'http', status: 429, errorType: 'LimitExceededException' }],
    });
    expect(set.status).toBe(200);
    const limited = await signedGet('/apps/d2k9xq7v1ab3cd/branches/main/jobs');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-amzn-errortype')).toBe('LimitExceededException');
    const listed = await signedGet('/apps/d2k9xq7v1ab3cd/branches/main/jobs');
    expect(((await listed.json()) as { jobSummaries: unknown[] }).jobSummaries).toHaveLength(1);
  });
});
