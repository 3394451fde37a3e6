/**
 * The same-origin proxy route, end to end: the production build served the way
 * deploy/hosting/s3-cloudfront.json serves it with ProxyRegion set (an emulated CloudFront built from
 * the template: its behaviours, CloudFront Functions, error responses and response headers), with the
 * simulated AWS as the AmplifyBackend origin. The page calls `<its own origin>/amplifybackend`, signs
 * for `signingHost`, and the simulated AWS checks the signature against the Host the edge forwards.
 */
import { readFileSync } from 'node:fs';
import type { Request } from '@playwright/test';
import { connectSources } from '../deploy/securityHeaders';
import { evaluateStack, type Template } from '../tools/cloudformation';
import { startCloudFrontEmulator, type CloudFrontEmulator } from '../tools/cloudFrontEmulator';
import { expect, jobStatus, simulatedAccountConfig, test } from './fixtures';
import { APP_PORT, SIM_ORIGIN } from './simConfig';

const SIGNING_HOST = 'amplifybackend.us-east-1.amazonaws.com';
const AMPLIFY_SIGNING_HOST = 'amplify.us-east-1.amazonaws.com';
const template = JSON.parse(readFileSync(new URL('../deploy/hosting/s3-cloudfront.json', import.meta.url), 'utf8')) as Template;
// The CSP header must let the page reach the simulated Cognito on loopback, as CSP_CONNECT_EXTRA lets the build.
const stack = evaluateStack(template, {
  region: 'us-east-1',
  parameters: { ProxyRegion: 'us-east-1', CspConnectExtra: SIM_ORIGIN },
});

let edges: CloudFrontEmulator[] = [];

/** A distribution whose bucket holds the e2e build plus this config.json. */
async function distribution(config: (edgeOrigin: string) => Record<string, unknown>): Promise<CloudFrontEmulator> {
  const extraObjects: Record<string, string> = {};
  const edge = await startCloudFrontEmulator({
    stack,
    siteDir: `dist-e2e-${APP_PORT}`,
    connectTo: { amplifybackend: SIM_ORIGIN, amplify: SIM_ORIGIN },
    extraObjects,
  });
  extraObjects['config.json'] = JSON.stringify(config(edge.origin));
  edges.push(edge);
  return edge;
}

const proxiedConfig = (signingHost: string) => (edgeOrigin: string) =>
  simulatedAccountConfig({
    amplifyBackendEndpoint: `${edgeOrigin}/amplifybackend`,
    signingHost,
    amplifyEndpoint: `${edgeOrigin}/amplify`,
    amplifySigningHost: AMPLIFY_SIGNING_HOST,
  });

function amplifyBackendCalls(requests: Request[]): URL[] {
  return requests.map((request) => new URL(request.url())).filter((url) => url.pathname.includes('/backend/'));
}

test.afterEach(async () => {
  await Promise.all(edges.map((edge) => edge.close()));
  edges = [];
});

// Only a browser proves it: the production build served by the emulated CloudFront, its CSP header, and signed calls through the same-origin routes.
test('a job and its environment’s list through the same-origin /amplifybackend proxy, and a hosting job through /amplify, are watched live, each signed for its own AWS host', async ({
  page,
  sim,
  requests,
}) => {
  const edge = await distribution(proxiedConfig(SIGNING_HOST));
  const job = await sim.createJob();

  const response = await page.goto(`${edge.origin}${job.path}`);
  expect(response?.status()).toBe(200);
  // The header lists exactly the hosts of the build's meta policy (deploy/securityHeaders.ts), no wildcard.
  expect(response?.headers()['content-security-policy']).toContain(`connect-src ${connectSources(SIM_ORIGIN).join(' ')};`);
  expect(response?.headers()['cache-control']).toBe('no-cache');

  await expect(jobStatus(page)).toContainText('RUNNING');
  // Finished once the page shows it running, so a slow load cannot skip RUNNING.
  await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(jobStatus(page)).toContainText('COMPLETED');

  // Every AmplifyBackend call left the page for its own origin, under /amplifybackend (the job page's
  // estimate also lists the environment's jobs, a POST, through the same route) …
  for (const url of amplifyBackendCalls(requests.all)) {
    expect(url.origin).toBe(edge.origin);
    expect(url.pathname.startsWith(`/amplifybackend/backend/${job.appId}/job/${job.envName}`)).toBe(true);
  }
  const calls = amplifyBackendCalls(requests.all.filter((request) => request.method() === 'GET'));
  expect(calls.length).toBeGreaterThanOrEqual(2);
  for (const url of calls) {
    expect(url.origin).toBe(edge.origin);
    expect(url.pathname).toBe(`/amplifybackend/backend/${job.appId}/job/${job.envName}/${job.jobId}`);
  }
  // … and reached AmplifyBackend without the prefix, with the Host the signature covers.
  const forwarded = edge.forwarded.filter(
    (request) => request.originId === 'amplifybackend' && request.path.endsWith(`/${job.jobId}`),
  );
  expect(forwarded).toHaveLength(calls.length);
  for (const request of forwarded) {
    expect(request.path).toBe(`/backend/${job.appId}/job/${job.envName}/${job.jobId}`);
    expect(request.headers.host).toBe(SIGNING_HOST);
  }
  expect(await sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBe(calls.length);

  // The environment's job list (ListBackendJobs, a POST) goes the same way.
  await page.getByRole('link', { name: job.envName, exact: true }).click();
  await expect(page.getByRole('table').getByRole('link', { name: job.jobId, exact: true })).toBeVisible();
  expect(
    edge.forwarded.some((request) => request.method === 'POST' && request.path === `/backend/${job.appId}/job/${job.envName}`),
  ).toBe(true);

  // A hosting job (its branch one %2F segment) through /amplify, signed for Amplify Hosting's host.
  const build = await sim.createHostingJob({ branchName: 'feature/login' });
  const branch = `/apps/${build.appId}/branches/feature%2Flogin/jobs`;
  await page.goto(`${edge.origin}${build.path}`);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await sim.replaceHostingJob(build, { steps: [{ stepName: 'BUILD', timeline: [{ status: 'SUCCEED', atMs: 0 }] }] });
  await expect(jobStatus(page)).toContainText('SUCCEEDED');
  // GetJob and the estimate's ListJobs left the page for its own origin under /amplify …
  const hostingCalls = requests.all
    .map((request) => new URL(request.url()))
    .filter((url) => url.pathname.startsWith(`/amplify/apps/`));
  expect(
    requests.all
      .map((request) => new URL(request.url()))
      .filter((url) => url.pathname.startsWith('/apps/') && url.origin !== edge.origin),
  ).toEqual([]);
  const getJobCalls = hostingCalls.filter((url) => url.pathname === `/amplify${branch}/${build.jobId}`);
  expect(getJobCalls.length).toBeGreaterThanOrEqual(2);
  for (const url of hostingCalls) expect(url.origin).toBe(edge.origin);
  // … and reached Amplify Hosting without the prefix, with the Host the signature covers.
  const forwardedHosting = edge.forwarded.filter((request) => request.originId === 'amplify');
  expect(forwardedHosting.filter((request) => request.path === `${branch}/${build.jobId}`)).toHaveLength(getJobCalls.length);
  for (const request of forwardedHosting) {
    expect(request.path.startsWith(branch)).toBe(true);
    expect(request.headers.host).toBe(AMPLIFY_SIGNING_HOST);
  }
  expect(await sim.count({ service: 'amplify', operation: 'GetJob', jobId: build.jobId })).toBe(getJobCalls.length);
});

// Only a browser proves it: AWS's own errors through the emulated edge reach the page as AWS errors, not as the SPA's index.html.
test('AWS’s 404 comes through the proxy as “not found”; a wrong signingHost gets 403 signature mismatch, called a configuration problem', async ({
  page,
  sim,
}) => {
  const right = await distribution(proxiedConfig(SIGNING_HOST));
  const missing = await sim.createJob();
  await page.goto(`${right.origin}/apps/${missing.appId}/environments/${missing.envName}/jobs/no-such-job`);
  await expect(page.getByRole('alert').filter({ hasText: 'Not found in us-east-1 (HTTP 404)' })).toBeVisible();

  const wrongHost = 'amplifybackend.us-west-2.amazonaws.com';
  const edge = await distribution(proxiedConfig(wrongHost));
  const job = await sim.createJob();
  await page.goto(`${edge.origin}${job.path}`);

  const alert = page.getByRole('alert').filter({ hasText: 'Request signature refused (HTTP 403)' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`This is a configuration problem: the request was signed for host ${wrongHost}`);
  await expect(alert).toContainText('The request signature we calculated does not match the signature you provided.');
  // The request did reach AmplifyBackend through the edge; it was the signature that was refused.
  expect(edge.forwarded.filter((request) => request.originId === 'amplifybackend').length).toBeGreaterThanOrEqual(1);
  expect(await sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBeGreaterThanOrEqual(1);
  await expect(jobStatus(page)).toHaveCount(0);
});
