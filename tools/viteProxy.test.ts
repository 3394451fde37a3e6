// @vitest-environment node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAwsError } from '../src/shared/aws/awsError';
import { startSimulator, type Simulator } from './simulator';
import { dashboardClient } from './dashboardClient';
import { amplifyBackendDevProxy } from './viteProxy';

describe('the Vite dev-server proxy (AMPLIFYBACKEND_PROXY_REGION)', () => {
  it('is off unless a region is given, and refuses a region without AmplifyBackend', () => {
    expect(amplifyBackendDevProxy({})).toBeUndefined();
    expect(() => amplifyBackendDevProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-south-2' })).toThrow(/eu-south-2/);
  });

  it('forwards /amplifybackend/* to the regional endpoint with its Host, prefix stripped', () => {
    const proxy = amplifyBackendDevProxy({ AMPLIFYBACKEND_PROXY_REGION: 'eu-west-1' })?.['/amplifybackend'];
    expect(proxy).toMatchObject({ target: 'https://amplifybackend.eu-west-1.amazonaws.com', changeOrigin: true, secure: true });
    expect(typeof proxy === 'object' && proxy.rewrite?.('/amplifybackend/backend/a/job/e/j')).toBe('/backend/a/job/e/j');
  });

  describe('a real dev server from vite.config.ts, proxying to the simulated AWS', () => {
    let sim: Simulator;
    let vite: ViteDevServer;
    let origin: string;
    const SIGNING_HOST = 'amplifybackend.us-east-1.amazonaws.com';
    const saved = { region: process.env.AMPLIFYBACKEND_PROXY_REGION, target: process.env.AMPLIFYBACKEND_PROXY_TARGET };

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

    // The app starts its demo only on a 404; the dev server's SPA fallback would answer with index.html.
    it('answers /config.json with 404 when public/ has none, not with index.html', async () => {
      const answer = await fetch(`${origin}/config.json`);
      if (existsSync(new URL('../public/config.json', import.meta.url))) expect(answer.status).toBe(200);
      else expect([answer.status, (await answer.text()).includes('<html')]).toEqual([404, false]);
    });
  });
});
