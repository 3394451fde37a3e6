import type { Page } from '@playwright/test';
import { expect, serveConfig, simulatedAccountConfig, test } from './fixtures';

/** The demo's service worker registrations of the page's origin. */
async function demoWorkers(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const registrations = await navigator.serviceWorker.getRegistrations();
    return registrations.filter((registration) => {
      const worker = registration.active ?? registration.waiting ?? registration.installing;
      return worker !== null && new URL(worker.scriptURL).pathname === '/mockServiceWorker.js';
    }).length;
  });
}

test('a real config unregisters the service worker a demo visit left behind', async ({ page }) => {
  await serveConfig(page, { demo: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sample jobs in the demo' })).toBeVisible();
  expect(await demoWorkers(page)).toBe(1);

  await page.unrouteAll();
  await serveConfig(page, simulatedAccountConfig());
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Amplify Job Watch', level: 1 })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toHaveCount(0);
  await expect.poll(() => demoWorkers(page)).toBe(0);
});

test('a chunk that fails to load while starting ends on a readable error with Reload, not a blank page', async ({ page }) => {
  await serveConfig(page, { demo: true });
  // The demo's chunk is loaded while starting, before anything renders.
  await page.route('**/assets/browser-*.js', (route) => route.abort('connectionreset'));
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'The dashboard could not start' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Reloading usually fixes it');

  // Once the chunk loads again, Reload recovers.
  await page.unroute('**/assets/browser-*.js');
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { name: 'Sample jobs in the demo' })).toBeVisible();
});

test('when the entry script itself fails to load, the page says so with a reload link', async ({ page }) => {
  await page.route('**/assets/index-*.js', (route) => route.abort('connectionreset'));
  await page.goto('/');
  await expect(page.getByText('Starting Amplify Job Watch…')).toBeVisible();
  const stuck = page.getByRole('alert').filter({ hasText: 'scripts did not load' });
  await expect(stuck).toBeHidden();

  // A CSS animation reveals the line after 8 s (the page clock does not drive CSS): wait for it.
  await expect(stuck).toBeVisible({ timeout: 30_000 });
  await page.unroute('**/assets/index-*.js');
  await stuck.getByRole('link', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { name: 'Amplify Job Watch', level: 1 })).toBeVisible();
});
