import type { Page } from '@playwright/test';
import { expect, jobStatus, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

// Only a browser proves it: real layout on a 360 px phone screen (narrower than the 375 px the design is checked at).
test('on a 360 px phone screen no page scrolls sideways, and each board row stacks its status above its details', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob({
    jobId: `job-${Date.now()}-with-a-rather-long-identifier-that-does-not-break-naturally-0123456789abcdef`,
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'FAILED', atMs: 0 },
    ],
    error: `CREATE_FAILED ${'AWS::CloudFormation::Stack/'.repeat(12)} Resource handler returned message: "Invalid request"`,
  });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('FAILED');
  // The whole page, error and all: the app has taken over the first status drawn before it.
  await expect(page.getByText('The job reported an error')).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto(`/apps/${job.appId}/environments/${job.envName}/jobs`);
  await expect(page.getByRole('link', { name: job.jobId, exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The board: each row stacks its status above its details.
  const jobs = [
    await sim.createJob({ jobId: `board-${Date.now()}-a-long-identifier-0123456789abcdef0123456789abcdef` }),
    await sim.createJob({ operation: 'UpdateBackendAPI' }),
  ];
  const entries = jobs.map((job) => [job.region, job.appId, job.envName, job.jobId].map(encodeURIComponent).join('/'));
  await page.goto(`/watch?${entries.map((entry) => `job=${entry}`).join('&')}`);
  // The app's own board, not the rows drawn before it: measured while the app replaced them, a row had no box.
  await expect(page.getByRole('button', { name: 'Copy link to this board' })).toBeVisible();
  for (const job of jobs) {
    const row = page.getByRole('listitem', { name: `Job ${job.jobId}`, exact: true });
    await expect(row.getByText('RUNNING', { exact: true })).toBeVisible({ timeout: 15_000 });
    const status = await row.locator('.board-row__status').boundingBox();
    const details = await row.locator('.board-row__main').boundingBox();
    expect(status).not.toBeNull();
    expect(details).not.toBeNull();
    // Stacked: the details start below the status, not beside it.
    expect(details!.y).toBeGreaterThanOrEqual(status!.y + status!.height - 1);
  }
  await expectNoHorizontalScroll(page);
});
