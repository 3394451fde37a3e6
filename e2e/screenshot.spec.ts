import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../src/simulated-aws/demoJobs';
import { expect, fact, jobStatus, serveConfig, simulatedAccountConfig, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** The README's copy is refreshed only on request (UPDATE_SCREENSHOT=1), so a test run leaves the tree clean. */
async function picture(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const file = process.env.UPDATE_SCREENSHOT
    ? path.resolve(testInfo.project.testDir, '..', 'docs', name)
    : testInfo.outputPath(name);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', fullPage });
}

// Only a browser proves it: the job page of the production build laid out at 1280 px, as the README shows it.
test('the README’s pictures at 1280 px: a running job (and, on request, the demo’s board)', async ({ page, sim }, testInfo) => {
  await serveConfig(page, simulatedAccountConfig());
  const unique = Date.now().toString(16).slice(-12).padStart(12, '0');
  const job = await sim.createJob({
    appId: `d2k9xq7v${unique.slice(-6)}`,
    envName: 'staging',
    jobId: `7f3c9e2a-5b1d-4c8e-9a6f-${unique}`,
    operation: 'CreateBackendAuth',
    startedAt: Date.now() - 95_000,
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: 10 * 60_000 },
    ],
  });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(jobStatus(page)).toContainText(/Running for 1 min \d\d s/);
  await expect(fact(page, 'Updated').locator('time')).toBeVisible();
  await expect(page.getByText(/^Last checked /)).toBeVisible();
  // Nothing of the page runs past the viewport's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await picture(page, testInfo, 'screenshot.png');

  // The board's picture waits for the demo's failing job (about 20 s of the demo's own clock): taken
  // only when the README's pictures are refreshed.
  if (!process.env.UPDATE_SCREENSHOT) return;
  test.setTimeout(120_000);
  await page.unrouteAll();
  await serveConfig(page, { message: 'Not Found' }, 404);
  await page.setViewportSize({ width: 1280, height: 900 });
  const entries = DEMO_JOB_LINKS.map((link) =>
    ['us-east-1', DEMO_APP_ID, DEMO_ENV, link.jobId].map(encodeURIComponent).join('/'),
  );
  await page.goto(`/watch?${entries.map((entry) => `job=${entry}`).join('&')}`);
  await expect(page.getByRole('listitem', { name: /^Job / })).toHaveCount(DEMO_JOB_LINKS.length, { timeout: 30_000 });
  await expect(page.getByText(/^Usually takes /).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('FAILED', { exact: true })).toBeVisible({ timeout: 30_000 });
  await picture(page, testInfo, 'board.png', true);
});
