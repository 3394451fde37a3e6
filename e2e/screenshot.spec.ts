import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, fact, jobStatus, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** The README's picture: a job running against the simulated account, as a person would see it. */
test('screenshot of a running job for the README', async ({ simulatedAccount: page, sim }, testInfo) => {
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

  // The README's copy is refreshed only on request (UPDATE_SCREENSHOT=1), so a test run leaves the tree clean.
  const file = process.env.UPDATE_SCREENSHOT
    ? path.resolve(testInfo.project.testDir, '..', 'docs', 'screenshot.png')
    : testInfo.outputPath('screenshot.png');
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
});
