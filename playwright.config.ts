import { defineConfig, devices } from '@playwright/test';
import { APP_ORIGIN, APP_PORT, SIM_ORIGIN } from './e2e/simConfig';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-gpu',
          ],
        },
      },
    },
  ],
  webServer: {
    // A production build served like a static host with an SPA fallback; its CSP also allows the simulated AWS.
    command: `npx vite build --outDir dist-e2e-${APP_PORT} --emptyOutDir && npx vite preview --outDir dist-e2e-${APP_PORT} --port ${APP_PORT} --strictPort`,
    env: { CSP_CONNECT_EXTRA: SIM_ORIGIN },
    url: APP_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
