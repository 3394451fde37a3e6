import type { Page } from '@playwright/test';
import { expect, jobStatus, jobTitle, test } from './fixtures';
import { APP_ORIGIN } from './simConfig';

/** Waits until the app-shell worker controls the page (registered once the page is idle). */
async function shellWorkerInControl(page: Page): Promise<string> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''), { timeout: 30_000 })
    .toContain('/sw.js?build=');
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
}

/** Every URL in the page's Cache Storage. */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

// Only a browser proves it: the app-shell service worker and Cache Storage of the production build, with the network really off.
test('a job page seen once opens with the network off, showing the last known status as offline, then goes live when the network is back', async ({
  simulatedAccount: page,
  sim,
  context,
}) => {
  const job = await sim.createJob();
  const first = await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  const worker = await shellWorkerInControl(page);
  // Real deployments only: the demo's worker is another script.
  expect(worker).not.toContain('mockServiceWorker');

  // The cache holds the app shell of this origin only: no AWS or Cognito answer, nothing else.
  const cached = await cachedUrls(page);
  expect(cached).toContain(`${APP_ORIGIN}/index.html`);
  expect(cached.some((url) => url.startsWith(`${APP_ORIGIN}/assets/`))).toBe(true);
  for (const url of cached) {
    expect(url.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(new URL(url).pathname).toMatch(/^\/(index\.html|assets\/|icons\/|favicon\.svg|manifest\.webmanifest)/);
  }
  await expect(page.getByText(/^Last checked /)).toBeVisible();

  // No network at all: the page still opens, with the status it last had, plainly not live.
  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.status()).toBe(200);
  // The shell from the cache keeps the CSP it was served with.
  expect(offline?.headers()['content-security-policy']).toBe(first?.headers()['content-security-policy']);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(jobStatus(page)).toContainText(/as of \d{2}:\d{2}:\d{2}/);
  await expect(page.getByText(/^Offline — last checked \d{2}:\d{2}:\d{2}/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toBeVisible();
  await expect(page).toHaveTitle(`Offline · ${jobTitle('RUNNING', job.jobId)}`);

  // The network is back: checks start by themselves, and the page is live again.
  const checked = page.waitForResponse((response) => response.url().endsWith(`/${job.jobId}`) && response.status() === 200);
  await context.setOffline(false);
  await checked;
  await expect(page.getByText(/^Last checked \d{2}:\d{2}:\d{2}/)).toBeVisible();
  await expect(page.getByText(/^Offline — last checked/)).toHaveCount(0);
  await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
  await expect(jobStatus(page)).not.toContainText('as of');
});

// Only a browser proves it: the service worker serves the board's shell offline, and the browser's online event brings it back live.
test('the board seen once opens with the network off: each row as last seen, marked offline, live again when the network is back', async ({
  simulatedAccount: page,
  sim,
  context,
}) => {
  const running = await sim.createJob();
  const done = await sim.createJob({ appId: running.appId, steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const path = `/watch?job=${[running, done].map((job) => `${job.region}/${job.appId}/${job.envName}/${job.jobId}`).join('&job=')}`;
  await page.goto(path);
  const row = (jobId: string) => page.getByRole('listitem', { name: `Job ${jobId}` });
  await expect(row(running.jobId)).toContainText('RUNNING');
  await expect(row(done.jobId)).toContainText('COMPLETED');
  await shellWorkerInControl(page);

  await context.setOffline(true);
  await page.reload();
  for (const [job, status] of [
    [running, 'RUNNING'],
    [done, 'COMPLETED'],
  ] as const) {
    await expect(row(job.jobId)).toContainText(status);
    await expect(row(job.jobId)).toContainText(/Offline — last checked \d{2}:\d{2}:\d{2}/);
  }

  const checked = page.waitForResponse((response) => response.url().endsWith(`/${running.jobId}`) && response.status() === 200);
  await context.setOffline(false);
  await checked;
  await expect(row(running.jobId)).not.toContainText('Offline');
  await expect(row(running.jobId)).toContainText('RUNNING');
});
