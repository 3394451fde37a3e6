import type { Page } from '@playwright/test';
import { expect, jobStatus, serveConfig, simulatedAccountConfig, test } from './fixtures';
import { SIM_ORIGIN } from './simConfig';

const DEMO_BANNER = /Demo:.*simulated AWS, sample data/;

function problem(page: Page, field: string) {
  return page.getByRole('listitem').filter({ has: page.getByText(field, { exact: true }) });
}

test.describe('a config.json that is wrong', () => {
  test('names every bad field and sends nothing to AWS', async ({ page, sim, requests }) => {
    await serveConfig(
      page,
      simulatedAccountConfig({
        region: 42,
        pollIntervalSeconds: 'fast',
        amplifyBackendEndpoint: 'javascript:alert(1)',
        colour: 'blue',
        Auth: { Cognito: { identityPoolId: 'not-a-pool', allowGuestAccess: 'yes', identityPoolEndpoint: SIM_ORIGIN } },
      }),
    );
    const job = await sim.createJob();
    await page.goto(job.path);

    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was sent to AWS.');
    await expect(problem(page, 'region')).toContainText('expected an AWS region where AmplifyBackend runs');
    await expect(problem(page, 'pollIntervalSeconds')).toContainText('expected a number of seconds from 1 to 300');
    await expect(problem(page, 'amplifyBackendEndpoint')).toContainText('expected an https:// URL');
    await expect(problem(page, 'colour')).toContainText('no such field');
    await expect(problem(page, 'Auth.Cognito.identityPoolId')).toContainText('expected an identity pool ID');
    await expect(problem(page, 'Auth.Cognito.allowGuestAccess')).toContainText('expected true or false');
    await expect(alert.getByRole('listitem')).toHaveCount(6);

    expect(requests.offOrigin()).toEqual([]);
    expect(await sim.count({ jobId: job.jobId })).toBe(0);
  });

  test('an unknown region alone is named', async ({ page, requests }) => {
    await serveConfig(page, simulatedAccountConfig({ region: 'mars-east-1' }));
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(1);
    await expect(problem(page, 'region')).toBeVisible();
    expect(requests.offOrigin()).toEqual([]);
  });

  test('a javascript: endpoint is refused', async ({ page, sim, requests }) => {
    await serveConfig(page, simulatedAccountConfig({ amplifyBackendEndpoint: 'javascript:alert(document.domain)' }));
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(1);
    await expect(problem(page, 'amplifyBackendEndpoint')).toContainText('expected an https:// URL (http:// only for localhost)');
    expect(requests.offOrigin()).toEqual([]);
  });

  test('signed requests are never aimed at another host: endpoints and signingHost elsewhere are named', async ({
    page,
    sim,
    requests,
  }) => {
    await serveConfig(
      page,
      simulatedAccountConfig({
        amplifyBackendEndpoint: 'https://bucket.s3.amazonaws.com',
        signingHost: 'evil.example.com',
        Auth: {
          Cognito: {
            identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
            allowGuestAccess: true,
            identityPoolEndpoint: 'https://collector.example.com/cognito',
          },
        },
      }),
    );
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    await expect(problem(page, 'amplifyBackendEndpoint')).toContainText(
      "expected https://amplifybackend.<region>.amazonaws.com or a path on the dashboard's own origin",
    );
    await expect(problem(page, 'signingHost')).toContainText('amplifybackend.<region>.amazonaws.com');
    await expect(problem(page, 'Auth.Cognito.identityPoolEndpoint')).toContainText(
      'https://cognito-identity.<region>.amazonaws.com',
    );
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(3);
    expect(requests.offOrigin()).toEqual([]);
  });

  test('a config.json that is not JSON is reported, not replaced by the demo', async ({ page, requests }) => {
    await serveConfig(page, '{ "region": "us-east-1", ');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    await expect(problem(page, 'config.json')).toContainText('expected valid JSON');
    await expect(page.getByText(DEMO_BANNER)).toHaveCount(0);
    expect(requests.offOrigin()).toEqual([]);
  });

  test('a config.json the server fails to serve is reported', async ({ page }) => {
    await serveConfig(page, { message: 'oops' }, 500);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
    await expect(problem(page, 'config.json')).toContainText('HTTP 500');
  });
});

test.describe('demo mode', () => {
  test('starts when config.json is missing (404)', async ({ page }) => {
    await serveConfig(page, { message: 'Not Found' }, 404);
    await page.goto('/');
    await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toContainText(DEMO_BANNER);
    await expect(page.getByRole('heading', { name: 'Sample jobs in the demo' })).toBeVisible();
  });

  test('starts when config.json says "demo": true', async ({ page }) => {
    await serveConfig(page, { demo: true });
    await page.goto('/');
    await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toContainText(DEMO_BANNER);
  });

  test('starts when no config.json is deployed (the host falls back to index.html)', async ({ page }) => {
    // No route: the preview server answers /config.json with its SPA fallback page.
    await page.goto('/');
    await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toContainText(DEMO_BANNER);
  });

  test('is not shown for a real account', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    await expect(page.getByText(DEMO_BANNER)).toHaveCount(0);
  });
});

test('guest access off: says there are no AWS credentials, and asks nothing of AmplifyBackend', async ({
  page,
  sim,
  requests,
}) => {
  await serveConfig(
    page,
    simulatedAccountConfig({
      Auth: {
        Cognito: {
          identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
          allowGuestAccess: false,
          identityPoolEndpoint: SIM_ORIGIN,
        },
      },
    }),
  );
  const job = await sim.createJob();
  await page.goto(job.path);

  const alert = page.getByRole('alert').filter({ hasText: 'No AWS credentials' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('allowGuestAccess is off');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(requests.getBackendJob()).toHaveLength(0);
  expect(await sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBe(0);
});
