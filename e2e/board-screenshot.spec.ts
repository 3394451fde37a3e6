import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../src/simulated-aws/demoJobs';
import { expect, serveConfig, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });
// The demo's failing job fails after about 20 s; a busy machine adds more.
test.setTimeout(120_000);

/** The README's picture of the board: the demo's sample jobs, with estimates from the demo's history. */
test('screenshot of the board in the demo for the README', async ({ page }, testInfo) => {
  await serveConfig(page, { message: 'Not Found' }, 404);
  const entries = DEMO_JOB_LINKS.map((link) =>
    ['us-east-1', DEMO_APP_ID, DEMO_ENV, link.jobId].map(encodeURIComponent).join('/'),
  );
  await page.goto(`/watch?${entries.map((entry) => `job=${entry}`).join('&')}`);
  const rows = page.getByRole('listitem', { name: /^Job / });
  await expect(rows).toHaveCount(DEMO_JOB_LINKS.length, { timeout: 30_000 });
  await expect(page.getByText(/^Usually takes /).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('FAILED', { exact: true })).toBeVisible({ timeout: 30_000 });

  // Refreshed only on request (UPDATE_SCREENSHOT=1), so a test run leaves the tree clean.
  const file = process.env.UPDATE_SCREENSHOT
    ? path.resolve(testInfo.project.testDir, '..', 'docs', 'board.png')
    : testInfo.outputPath('board.png');
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', fullPage: true });
});
