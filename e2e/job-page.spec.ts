import { expect, fact, jobStatus, jobTitle, test } from './fixtures';

test('a deep link opened cold shows the running job within seconds', async ({ simulatedAccount: page, sim }) => {
  const startedAt = Date.now() - 125_000;
  const job = await sim.createJob({ operation: 'UpdateBackendAPI', startedAt });
  await page.goto(job.path);

  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 5000 });
  await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
  await expect(jobStatus(page)).toContainText(/Running for 2 min \d\d s/);

  await expect(fact(page, 'Operation')).toHaveText('UpdateBackendAPI (Update backend API)');
  await expect(fact(page, 'App ID')).toContainText(job.appId);
  await expect(fact(page, 'Environment')).toContainText(job.envName);
  await expect(fact(page, 'Job ID')).toContainText(job.jobId);
  await expect(fact(page, 'Region')).toContainText('us-east-1');
  for (const what of ['App ID', 'Environment', 'Job ID', 'Region']) {
    await expect(page.getByRole('button', { name: `Copy ${what}` })).toBeVisible();
  }

  // createTime and updateTime arrive as epoch-ms strings; both become <time> elements.
  const iso = new Date(startedAt).toISOString();
  await expect(fact(page, 'Created').locator('time')).toHaveAttribute('datetime', iso);
  await expect(fact(page, 'Updated').locator('time')).toHaveAttribute('datetime', iso);
  await expect(fact(page, 'Created')).toContainText('(2 min ago)');

  await expect(page.getByText('Checking every 1 s while the job runs.')).toBeVisible();
});

test('a running job turns COMPLETED without a reload, and checks stop there', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 5000 });
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });
  // RUNNING at 0, COMPLETED at 3000 ms, counted from now: scripted once the page shows the job,
  // so a slow cold load cannot skip the RUNNING phase.
  await sim.replaceJob(job, {
    startedAt: Date.now(),
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: 3000 },
    ],
  });

  await expect(jobStatus(page)).toContainText('COMPLETED', { timeout: 10_000 });
  await expect(page).toHaveTitle(jobTitle('COMPLETED', job.jobId));
  await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
  await expect(jobStatus(page)).toContainText(/Took \d s/);
  // Same document: the status changed in place.
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  const seenByBrowser = requests.getBackendJob(job.jobId).length;
  const seenBySim = await sim.count({ operation: 'GetBackendJob', jobId: job.jobId });
  expect(seenByBrowser).toBeGreaterThanOrEqual(3); // polled every second while it ran
  expect(seenBySim).toBe(seenByBrowser);

  // Proving an absence: nothing more is asked once the job has finished.
  await page.waitForTimeout(3500);
  expect(requests.getBackendJob(job.jobId)).toHaveLength(seenByBrowser);
  expect(await sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBe(seenBySim);
  await expect(jobStatus(page)).toContainText('COMPLETED');
});

test('a status the dashboard does not know is shown verbatim and still watched', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob({ steps: [{ status: 'IN_REVIEW', atMs: 0 }] });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('IN_REVIEW', { timeout: 5000 });
  await expect(page).toHaveTitle(jobTitle('IN_REVIEW', job.jobId));
  await expect(page.getByText('Checking every 1 s while the job runs.')).toBeVisible();
  await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(jobStatus(page)).toContainText('COMPLETED', { timeout: 10_000 });
});

test('keyboard: Tab reaches "Refresh now" and Enter checks the job again', async ({ simulatedAccount: page, sim, requests }) => {
  // A finished job is not polled, so every check after the first comes from the button.
  const job = await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('COMPLETED', { timeout: 5000 });
  await expect.poll(() => sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBe(1);

  const refresh = page.getByRole('button', { name: 'Refresh now' });
  for (let presses = 0; presses < 30; presses += 1) {
    if (await refresh.evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(refresh).toBeFocused();

  await page.keyboard.press('Enter');
  await expect.poll(() => sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBe(2);
  expect(requests.getBackendJob(job.jobId)).toHaveLength(2);
  // The button stays enabled (and focused) while the check runs; it is only marked busy.
  await expect(refresh).toBeFocused();
  await expect(refresh).toHaveAttribute('aria-busy', 'false');
  await expect(jobStatus(page)).toContainText('COMPLETED');
});

test('"Copy link" puts the page address on the clipboard and says so', async ({ simulatedAccount: page, sim, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const job = await sim.createJob({ region: 'eu-west-1' });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 5000 });

  await page.getByRole('button', { name: 'Copy link to this job' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('?region=eu-west-1');
});
