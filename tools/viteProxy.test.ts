// @vitest-environment node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmplifyHostingClient } from '../src/shared/aws/amplifyHosting';
import { isAwsError } from '../src/shared/aws/awsError';
import { createClockOffset } from '../src/shared/aws/clockOffset';
import { createSignedFetch } from '../src/shared/aws/signedFetch';
import { dashboardClient, guestCredentials } from './dashboardClient';
import { startSimulator, type Simulator } from './simulator';
import { amplifyBackendDevProxy, amplifyDevProxy, devProxy } from './viteProxy';

const BACKEND_ROUTE = '^/amplifybackend(?=/|$)';
const HOSTING_ROUTE = '^/amplify(?=/|$)';

describe('the Vite dev-server proxy (AMPLIFYBACKEND_PROXY_REGION, AMPLIFY_PROXY_REGION)', () => {
  it('is off unless a region is given, and refuses a region without AmplifyBackend', () => {
    expect(amplifyBackendDevProxy({})).toBeUndefined();
    expect(() => amplifyBackendDevProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-south-2' })).toThrow(/eu-south-2/);
  });

  it('forwards /amplifybackend/* to the regional endpoint with its Host, prefix stripped', () => {
    const proxy = amplifyBackendDevProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-west-1' })?.[BACKEND_ROUTE];
    expect(proxy).toMatchObject({ target: 'https://amplifybackend.eu-west-1.amazonaws.com', changeOrigin: true, secure: true });
    expect(typeof proxy === 'object' && proxy.rewrite?.('/amplifybackend/backend/a/job/e/j')).toBe('/backend/a/job/e/j');
  });

  it('forwards /amplify/* to the regional Amplify Hosting endpoint with its Host, prefix stripped', () => {
    expect(amplifyDevProxy({})).toBeUndefined();
    expect(() => amplifyDevProxy({ AMPLIFY_PROXY_REGION: 'mars-1' })).toThrow(/AMPLIFY_PROXY_REGION=mars-1 .*Amplify Hosting/);
    const proxy = amplifyDevProxy({ AMPLIFY_PROXY_REGION: 'eu-west-1' })?.[HOSTING_ROUTE];
    expect(proxy).toMatchObject({ target: 'https://amplify.eu-west-1.amazonaws.com', changeOrigin: true, secure: true });
    expect(typeof proxy === 'object' && proxy.rewrite?.('/amplify/apps/a/branches/feature%2Flogin/jobs/12')).toBe(
      '/apps/a/branches/feature%2Flogin/jobs/12',
    );
    const toTarget = amplifyDevProxy({ AMPLIFY_PROXY_REGION: 'us-east-1', AMPLIFY_PROXY_TARGET: 'http://127.0.0.1:4010' });
    expect(toTarget?.[HOSTING_ROUTE]).toMatchObject({
      target: 'http://127.0.0.1:4010',
      changeOrigin: false,
      headers: { host: 'amplify.us-east-1.amazonaws.com' },
    });
  });

  it('merges both routes for vite.config.ts, each switched on by its own region, and neither claims the other’s paths', () => {
    expect(devProxy({})).toBeUndefined();
    expect(Object.keys(devProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-west-1' }) ?? {})).toEqual([BACKEND_ROUTE]);
    expect(Object.keys(devProxy({ AMPLIFY_PROXY_REGION: 'eu-west-1' }) ?? {})).toEqual([HOSTING_ROUTE]);
    const both = devProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-west-1', AMPLIFY_PROXY_REGION: 'us-east-1' }) ?? {};
    expect(Object.keys(both)).toEqual([BACKEND_ROUTE, HOSTING_ROUTE]);
    const routeOf = (url: string) => Object.keys(both).filter((route) => new RegExp(route).test(url));
    expect(routeOf('/amplifybackend/backend/a/job/e/j')).toEqual([BACKEND_ROUTE]);
    expect(routeOf('/amplify/apps/a/branches/main/jobs/1')).toEqual([HOSTING_ROUTE]);
    expect(routeOf('/amplifyx/apps')).toEqual([]);
    expect(routeOf('/apps/a/branches/main/jobs/1')).toEqual([]);
  });

  describe('a real dev server from vite.config.ts, proxying to the simulated AWS', () => {
    let sim: Simulator;
    let vite: ViteDevServer;
    let origin: string;
    const SIGNING_HOST = 'amplifybackend.us-east-1.amazonaws.com';
    const saved = { region: process.env.AMPLIFYBACKEND_PROXY_REGION, target: process.env.AMPLIFYBACKEND_PROXY_TARGET };
    const savedHosting = { region: process.env.AMPLIFY_PROXY_REGION, target: process.env.AMPLIFY_PROXY_TARGET };

    beforeAll(async () => {
      sim = await startSimulator();
      sim.sim.jobs.put({
        region: 'us-east-1',
        appId: 'd2k9vite',
        envName: 'staging',
        jobId: 'job-1',
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'COMPLETED', atMs: 1 },
        ],
      });
      process.env.AMPLIFYBACKEND_PROXY_REGION = 'us-east-1';
      process.env.AMPLIFYBACKEND_PROXY_TARGET = sim.origin;
      sim.sim.hostingJobs.put({
        region: 'us-east-1',
        appId: 'd2k9vite',
        branchName: 'feature/login',
        jobId: '12',
        steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
      });
      process.env.AMPLIFY_PROXY_REGION = 'us-east-1';
      process.env.AMPLIFY_PROXY_TARGET = sim.origin;
      vite = await createServer({
        configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
        mode: 'development',
        logLevel: 'silent',
        server: { port: 0, strictPort: false, watch: null },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      await vite.listen();
      const address = vite.httpServer?.address();
      origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    }, 60_000);

    afterAll(async () => {
      process.env.AMPLIFYBACKEND_PROXY_REGION = saved.region;
      process.env.AMPLIFYBACKEND_PROXY_TARGET = saved.target;
      if (saved.region === undefined) delete process.env.AMPLIFYBACKEND_PROXY_REGION;
      if (saved.target === undefined) delete process.env.AMPLIFYBACKEND_PROXY_TARGET;
      process.env.AMPLIFY_PROXY_REGION = savedHosting.region;
      process.env.AMPLIFY_PROXY_TARGET = savedHosting.target;
      if (savedHosting.region === undefined) delete process.env.AMPLIFY_PROXY_REGION;
      if (savedHosting.target === undefined) delete process.env.AMPLIFY_PROXY_TARGET;
      await vite?.close();
      await sim?.close();
    });

    it('carries signed GetBackendJob and ListBackendJobs calls, verified for the signing host', async () => {
      const client = await dashboardClient(sim.origin, {
        amplifyBackendEndpoint: `${origin}/amplifybackend`,
        signingHost: SIGNING_HOST,
      });
      await expect(
        client.getBackendJob({ region: 'us-east-1', appId: 'd2k9vite', envName: 'staging', jobId: 'job-1' }),
      ).resolves.toMatchObject({ status: 'COMPLETED' });
      const page = await client.listBackendJobs(
        { region: 'us-east-1', appId: 'd2k9vite', envName: 'staging' },
        { status: 'COMPLETED' },
      );
      expect(page.jobs.map((job) => job.jobId)).toEqual(['job-1']);
      expect(sim.sim.count({ service: 'amplifybackend', operation: 'GetBackendJob' })).toBe(1);
    });

    it('gets a 403 signature mismatch when the page signs for another host', async () => {
      const client = await dashboardClient(sim.origin, {
        amplifyBackendEndpoint: `${origin}/amplifybackend`,
        signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      });
      const error = await client
        .getBackendJob({ region: 'us-east-1', appId: 'd2k9vite', envName: 'staging', jobId: 'job-1' })
        .catch((caught: unknown) => caught);
      expect(isAwsError(error) && [error.kind, error.status]).toEqual(['signature-mismatch', 403]);
    });

    it('carries the signed GetJob and ListJobs of a branch with a slash to Amplify Hosting beside /amplifybackend/*, verified for amplifySigningHost', async () => {
      const hostingClient = async (amplifySigningHost: string) => {
        const credentials = await guestCredentials(sim.origin);
        const signedFetch = createSignedFetch({ credentials: () => Promise.resolve(credentials), clock: createClockOffset() });
        return createAmplifyHostingClient({ amplifyEndpoint: `${origin}/amplify`, amplifySigningHost }, signedFetch);
      };
      const key = { kind: 'hosting' as const, region: 'us-east-1', appId: 'd2k9vite', branchName: 'feature/login' };
      const client = await hostingClient('amplify.us-east-1.amazonaws.com');
      await expect(client.getJob({ ...key, jobId: '12' })).resolves.toMatchObject({ kind: 'hosting', jobId: '12' });
      const page = await client.listJobs(key, { maxResults: 50 });
      expect(page.jobs.map((job) => job.jobId)).toContain('12');
      expect(sim.sim.count({ service: 'amplify', operation: 'GetJob' })).toBe(1);

      const wrongHost = await hostingClient('amplify.eu-west-1.amazonaws.com');
      const error = await wrongHost.getJob({ ...key, jobId: '12' }).catch((caught: unknown) => caught);
      expect(isAwsError(error) && [error.kind, error.status]).toEqual(['signature-mismatch', 403]);
    });

    // The app starts its demo only on a 404; the dev server's SPA fallback would answer with index.html.
    it('answers /config.json with 404 when public/ has none, not with index.html', async () => {
      const answer = await fetch(`${origin}/config.json`);
      if (existsSync(new URL('../public/config.json', import.meta.url))) expect(answer.status).toBe(200);
      else expect([answer.status, (await answer.text()).includes('<html')]).toEqual([404, false]);
    });
  });
});
