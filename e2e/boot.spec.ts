import type { Page } from '@playwright/test';
import { expect, serveConfig, simulatedAccountConfig, test } from './fixtures';

/** The active script of each of the page's service worker registrations. */
async function workerScripts(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await navigator.serviceWorker.getRegistrations()).flatMap((registration) => {
      const worker = registration.active ?? registration.waiting ?? registration.installing;
      return worker ? [new URL(worker.scriptURL).pathname] : [];
    }),
  );
}

// Only a browser proves it: real service worker registration and scope — the demo's worker owns it, and a real config takes it back.
test('the demo keeps the worker scope for its simulated AWS; a real config unregisters the worker the demo left behind', async ({
  page,
}) => {
  await serveConfig(page, { demo: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sample jobs in the demo' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''))
    .toContain('mockServiceWorker');
  // The app-shell worker stays out of the demo.
  expect(await workerScripts(page)).toEqual(['/mockServiceWorker.js']);

  await page.unrouteAll();
  await serveConfig(page, simulatedAccountConfig());
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Amplify Job Watch', level: 1 })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toHaveCount(0);
  await expect.poll(async () => (await workerScripts(page)).filter((script) => script === '/mockServiceWorker.js')).toEqual([]);
});

// Only a browser proves it: a hashed chunk of the production build failing to load in a real page.
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

// Only a browser proves it: the inline fallback of the built index.html when its entry script never arrives.
test('when the entry script itself fails to load, the page says so with a reload link', async ({ page }) => {
  await page.route('**/assets/index-*.js', (route) => route.abort('connectionreset'));
  // index.html reveals its line after 8 s with a CSS animation, which the page clock does not drive:
  // Chromium's animation clock runs 100× faster instead of the test waiting.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 });
  await page.goto('/');
  await expect(page.getByText('Starting Amplify Job Watch…')).toBeVisible();
  const stuck = page.getByRole('alert').filter({ hasText: 'scripts did not load' });
  await expect(stuck).toBeVisible();

  await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
  await page.unroute('**/assets/index-*.js');
  await stuck.getByRole('link', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { name: 'Amplify Job Watch', level: 1 })).toBeVisible();
});
