import type { Page } from '@playwright/test';
import { boardPath, expect, serveConfig, simulatedAccountConfig, test, type SimJob } from './fixtures';
import { SIM_ORIGIN } from './simConfig';

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

/** When the app first rendered (noted by the init script below), and when the page first asked `origin`. */
function firstRenderAndFirstRequest(page: Page, origin: string) {
  return page.evaluate((simOrigin) => {
    const rendered = (window as unknown as { __firstRender?: number }).__firstRender;
    const request = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.startsWith(simOrigin) && (entry as PerformanceResourceTiming).initiatorType === 'fetch');
    return { rendered, requested: request?.startTime };
  }, origin);
}

for (const [what, path] of [
  ['a job deep link', (job: SimJob) => job.path],
  ['a board', (job: SimJob) => boardPath([job])],
] as const) {
  test(`${what} asks Cognito before the app's first render, not after it`, async ({ simulatedAccount: page, sim }) => {
    await page.addInitScript(() => {
      // index.html's "Starting…" placeholder is in #root until React's first render replaces it.
      let placeholderSeen = false;
      const observer = new MutationObserver(() => {
        const placeholder = document.querySelector('#root .boot-fallback');
        placeholderSeen ||= placeholder !== null;
        if (placeholderSeen && !placeholder) {
          (window as unknown as { __firstRender?: number }).__firstRender = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const job = await sim.createJob();
    await page.goto(path(job));
    await expect(page.getByText('RUNNING', { exact: true }).first()).toBeVisible();
    const { rendered, requested } = await firstRenderAndFirstRequest(page, SIM_ORIGIN);
    expect(requested).toBeDefined();
    expect(rendered).toBeDefined();
    expect(requested as number).toBeLessThan(rendered as number);
  });
}
