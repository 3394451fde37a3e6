import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { APP_ORIGIN, APP_PORT, DEV_ORIGIN, DEV_PORT, SIM_ORIGIN } from './e2e/simConfig';
import { chromiumLaunchOptions } from './tools/chromium';

const DEV_SERVER_SPEC = /dev-server\.spec\.ts$/;

/**
 * Two projects, each against the server it needs:
 * - `chromium`: every spec but e2e/dev-server.spec.ts, against the production build served like a
 *   static host (the first webServer below);
 * - `dev-server`: e2e/dev-server.spec.ts only, against Vite's dev server (the second webServer),
 *   in demo mode as `npm start` opens it.
 *
 * The production build happens once per `npm test`: the first webServer builds into
 * `dist-e2e-<port>` with the simulated AWS's origin and the test Hosted UI domain added to the CSP
 * (CSP_CONNECT_EXTRA, CSP_HOSTED_UI_DOMAIN), and the size budget reads that same build afterwards
 * (`npm run size -- dist-e2e-4173`) instead of a separate `npm run build` into `dist`. The two
 * builds differ only in the CSP text of index.html and `_headers`: those variables are read by the
 * build's security-headers plugin, never exposed to the bundle, so the JavaScript and CSS the budget
 * weighs are the same bytes. Serving `dist` instead, with the simulator's origin let in by the
 * server rewriting the CSP, would have tested a policy the build never wrote.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Two cores shared with the static server, the simulated AWS and (for the dev-server project)
  // Vite: one Chromium per core. The tests spend most of their time waiting for 1 s polls, so a
  // third worker finishes no sooner on a loaded machine and makes every answer slower. E2E_WORKERS
  // overrides it on a bigger machine.
  workers: Number(process.env.E2E_WORKERS ?? Math.max(1, Math.min(2, availableParallelism()))),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // Generous: CI is a busy two-core machine; a passing test never waits for it.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  // Runs on other ports (E2E_APP_PORT) keep their own artifacts.
  outputDir: APP_PORT === 4173 ? 'test-results' : `test-results-${APP_PORT}`,
  use: {
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: DEV_SERVER_SPEC,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: APP_ORIGIN,
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      name: 'dev-server',
      testMatch: DEV_SERVER_SPEC,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: DEV_ORIGIN,
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: [
    {
      // A production build served like a static host with an SPA fallback; its CSP also allows the simulated AWS.
      command: `npx vite build --outDir dist-e2e-${APP_PORT} --emptyOutDir && npx tsx scripts/serve.ts dist-e2e-${APP_PORT} --port ${APP_PORT}`,
      // The Hosted UI of the sign-in tests (e2e/signInFixtures.ts HOSTED_UI_DOMAIN) is routed to the simulated AWS.
      env: { CSP_CONNECT_EXTRA: SIM_ORIGIN, CSP_HOSTED_UI_DOMAIN: 'job-watch-e2e.auth.us-east-1.amazoncognito.com' },
      url: APP_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // What `npm start` serves: no build, StrictMode, unbundled modules, the demo (no config.json).
      command: `npx vite --port ${DEV_PORT} --strictPort --host 127.0.0.1`,
      url: DEV_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
