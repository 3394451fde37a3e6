import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { boardPath } from '../src/shared/domain/boardLink';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../src/simulated-aws/demoJobs';
import { DEMO_PASSWORD } from '../src/simulated-aws/demoUsers';

/**
 * What a newcomer does first: `npm start`, then a sample link. These run against Vite's dev server
 * (StrictMode's double effects, unbundled modules, the demo's service worker), which only a real
 * browser on that server shows; everything else runs against the production build.
 */

const statusOf = (page: Page) => page.getByRole('region', { name: 'Job status' });
const NO_ERROR = /went wrong|aborted/i;

/** The home page's first sample link whose name matches (a backend job unless told). */
async function firstSampleLink(page: Page, name: RegExp = /CreateBackendAuth/): Promise<string> {
  await page.goto('/');
  const samples = page.getByRole('region', { name: 'Sample jobs in the demo' });
  const link = samples.getByRole('link', { name }).first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no sample link ${name} on the home page`);
  return href;
}

/** A fresh tab (nothing stored, no service worker yet) on `href`. */
async function freshTab(browser: Browser, href: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(href);
  return { context, page };
}

// Only the dev server's StrictMode in a fresh tab showed "signal is aborted" on a pasted link.
test('a sample job link, and a sample hosting build link, pasted into a fresh tab show their job', async ({ browser }) => {
  const home = await browser.newContext();
  const homePage = await home.newPage();
  const href = await firstSampleLink(homePage);
  const buildHref = await firstSampleLink(homePage, /^main, build 12:/);
  await home.close();
  expect(buildHref).toBe('/apps/d2k9xq7v1ab3cd/branches/main/jobs/12');

  // The hosting build, started by this first request: provisioning, then its steps.
  const build = await freshTab(browser, buildHref);
  await expect(build.page.getByRole('heading', { level: 1 })).toHaveText('Hosting job 12');
  await expect(statusOf(build.page)).toContainText(/PROVISIONING|RUNNING/);
  await expect(build.page.getByRole('region', { name: 'Steps' })).toBeVisible();
  await expect(build.page.getByText(NO_ERROR)).toHaveCount(0);
  await build.context.close();

  const { context: fresh, page } = await freshTab(browser, href);
  await expect(statusOf(page)).toContainText('RUNNING');
  await expect(page.getByText(NO_ERROR)).toHaveCount(0);
  await page.reload();
  await expect(statusOf(page)).toContainText('RUNNING');
  await expect(page.getByText(NO_ERROR)).toHaveCount(0);
  await fresh.close();
});

// Only a real browser runs the cross-tab election (Web Locks) that boot's first requests and StrictMode's second mount share.
test('a board of samples opened in a fresh tab shows every row', async ({ page }) => {
  const running = DEMO_JOB_LINKS.filter((sample) => /runs/.test(sample.label));
  await page.goto(boardPath(running.map(({ jobId }) => ({ region: 'us-east-1', appId: DEMO_APP_ID, envName: DEMO_ENV, jobId }))));
  for (const { jobId } of running) {
    await expect(page.getByRole('listitem', { name: `Job ${jobId}` })).toContainText(/RUNNING|COMPLETED|FAILED/);
  }
  await expect(page.getByText(NO_ERROR)).toHaveCount(0);
});

// Only a real browser signs in against the demo's user pool through the service worker and keeps the election's lock across it.
test('signing in and out on a watched job page leaves the job on screen', async ({ page }) => {
  await page.goto(await firstSampleLink(page));
  await expect(statusOf(page)).toContainText('RUNNING');
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Username').fill('demo');
  await dialog.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await dialog.getByLabel('Password', { exact: true }).press('Enter');
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  await expect(signOut).toBeVisible();
  await signOut.click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(statusOf(page)).toContainText(/RUNNING|COMPLETED/);
  await expect(page.getByText(NO_ERROR)).toHaveCount(0);
});
