import { defineConfig, devices } from '@playwright/test';
import { APP_ORIGIN, APP_PORT, SIM_ORIGIN } from './e2e/simConfig';
import { chromiumLaunchOptions } from './tools/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
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
    baseURL: APP_ORIGIN,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    // A production build served like a static host with an SPA fallback; its CSP also allows the simulated AWS.
    command: `npx vite build --outDir dist-e2e-${APP_PORT} --emptyOutDir && npx tsx scripts/serve.ts dist-e2e-${APP_PORT} --port ${APP_PORT}`,
    // The Hosted UI of the sign-in tests (e2e/signInFixtures.ts HOSTED_UI_DOMAIN) is routed to the simulated AWS.
    env: { CSP_CONNECT_EXTRA: SIM_ORIGIN, CSP_HOSTED_UI_DOMAIN: 'job-watch-e2e.auth.us-east-1.amazoncognito.com' },
    url: APP_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
