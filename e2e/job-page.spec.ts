import type { Locator } from '@playwright/test';
import { copyFeedbackOf, expect, fact, jobStatus, jobTitle, test } from './fixtures';

test('a deep link opened cold shows the running job within seconds', async ({ simulatedAccount: page, sim }) => {
  const startedAt = Date.now() - 125_000;
  const job = await sim.createJob({ operation: 'UpdateBackendAPI', startedAt });
  await page.goto(job.path);

  await expect(jobStatus(page)).toContainText('RUNNING');
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
  await expect(jobStatus(page)).toContainText('RUNNING');
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

  await expect(jobStatus(page)).toContainText('COMPLETED');
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
  await expect(jobStatus(page)).toContainText('IN_REVIEW');
  await expect(page).toHaveTitle(jobTitle('IN_REVIEW', job.jobId));
  await expect(page.getByText('Checking every 1 s while the job runs.')).toBeVisible();
  await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(jobStatus(page)).toContainText('COMPLETED');
});

test('keyboard: Tab reaches "Refresh now" and Enter checks the job again', async ({ simulatedAccount: page, sim, requests }) => {
  // A finished job is not polled, so every check after the first comes from the button.
  const job = await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('COMPLETED');
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
  await expect(jobStatus(page)).toContainText('RUNNING');

  const copyLink = page.getByRole('button', { name: 'Copy link to this job' });
  const feedback = await copyFeedbackOf(copyLink);
  await copyLink.click();
  await expect(feedback).toHaveAttribute('data-feedback', 'Copied');

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('?region=eu-west-1');
});

test.describe('only the controls that can do something', () => {
  test('a 404: one line says checks are stopped, and "Try again" is the only way on', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto(job.path.replace(job.jobId, `${job.jobId}-missing`));
    const alert = page.getByRole('alert').filter({ hasText: 'Not found in us-east-1 (HTTP 404)' });
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Automatic checks are stopped.')).toBeVisible();
    for (const name of ['Pause auto-refresh', 'Refresh now', 'Notify me when it finishes']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(page.getByLabel('Check every')).toHaveCount(0);
  });

  test('throttled before any status is known: only the retry countdown, no "Checking now…" or "Checking every"', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const throttled = { type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' } as const;
    const job = await sim.createJob({ faults: Array.from({ length: 4 }, () => throttled) });
    await page.goto(job.path);
    await expect(page.getByText(/retrying (in \d+ s|now)/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Checking now…')).toHaveCount(0);
    await expect(page.getByText(/Checking every/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause auto-refresh' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Refresh now' })).toHaveCount(0);
  });

  test('a finished job: no countdown, no "Notify me", and nothing on the page ticks every second', async ({
    simulatedAccount: page,
    sim,
  }) => {
    // Updated 10 s ago: a relative time that would tick every second if the page re-read the clock each second.
    const job = await sim.createJob({
      startedAt: Date.now() - 20_000,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 10_000 },
      ],
    });
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('COMPLETED', { timeout: 15_000 });
    await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
    await expect(page.getByText(/Next check in/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Notify me when it finishes' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause auto-refresh' })).toHaveCount(0);

    // Proving an absence: three seconds without a single change to the page's text.
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          const observer = new MutationObserver((records) => (count += records.length));
          observer.observe(document.querySelector('main') ?? document.body, {
            subtree: true,
            childList: true,
            characterData: true,
          });
          setTimeout(() => {
            observer.disconnect();
            resolve(count);
          }, 3000);
        }),
    );
    expect(changes).toBe(0);
  });
});

test('a job not found in one region offers a Region control that opens it in another', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob({ region: 'eu-west-2' });
  // The link without ?region=: the config's region (us-east-1), where the app does not exist.
  await page.goto(job.path.replace(/\?region=.*$/, ''));
  const alert = page.getByRole('alert').filter({ hasText: 'Not found in us-east-1 (HTTP 404)' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('another region');
  await expect(alert).not.toContainText('?region=');

  const region = page.getByRole('combobox', { name: 'Region' });
  await expect(region).toHaveValue('us-east-1');
  await region.selectOption('eu-west-2');
  await page.getByRole('button', { name: 'Open in this region' }).click();
  await expect(page).toHaveURL(/\?region=eu-west-2$/);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
  await expect(fact(page, 'Region')).toContainText('eu-west-2');
  // Focus stays on the page, not dropped to the body.
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
});

test('a job missing from an app that exists: the advice does not blame the region', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob();
  await page.goto(job.path.replace(job.jobId, `${job.jobId}-missing`));
  const alert = page.getByRole('alert').filter({ hasText: 'HTTP 404' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('Check the environment name and the job ID');
  await expect(alert).not.toContainText('another region');
  await expect(alert).not.toContainText('?region=');
});

test('when Pause goes away because the job ended, focus moves to the status, not the page body', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
  const pause = page.getByRole('button', { name: 'Pause auto-refresh' });
  await pause.focus();
  await expect(pause).toBeFocused();

  await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await expect(pause).toHaveCount(0);
  await expect(jobStatus(page)).toBeFocused();
});

test('the job’s error has a Copy button', async ({ simulatedAccount: page, sim, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const error = 'Resource handler returned message: "Invalid request provided" <CREATE_FAILED>';
  const job = await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error });
  await page.goto(job.path);
  const panel = page.getByRole('region', { name: 'The job reported an error' });
  const copyError = panel.getByRole('button', { name: 'Copy the job’s error' });
  const feedback = await copyFeedbackOf(copyError);
  await copyError.click({ timeout: 15_000 });
  await expect(feedback).toHaveAttribute('data-feedback', 'Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(error);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the job ID in the heading wraps only at hyphens; "Last checked" and "Refresh now" sit near the status', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const jobId = `deploy-${Date.now().toString(36)}-3f9a1c7e5b2d4f60-8e1b2c3d4e5f6a7b-9c0d1e2f3a4b5c6d-backend-update`;
    const job = await sim.createJob({ jobId });
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });

    // Each line of the heading's ID ends just after a hyphen (or at the ID's end).
    const lineEnds = await page.getByRole('heading', { level: 1 }).evaluate((heading) => {
      const text = heading.querySelector('.job__id');
      if (!text) return ['no .job__id'];
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      const chars: { char: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ char: value[i] ?? '', top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      return chars.filter((c, i) => i + 1 < chars.length && (chars[i + 1]?.top ?? 0) > c.top).map((c) => c.char);
    });
    expect(lineEnds.length).toBeGreaterThan(0);
    expect(lineEnds.every((char) => char === '-')).toBe(true);

    // boundingBox() neither waits nor retries, and "Last checked …" is redrawn with every check (once a
    // second here): asked again until an answer comes.
    const boxOf = async (locator: Locator) => {
      for (let tries = 0; tries < 50; tries += 1) {
        const box = await locator.boundingBox();
        if (box) return box;
      }
      throw new Error(`${locator.toString()} has no box`);
    };
    const status = await boxOf(jobStatus(page));
    const lastChecked = await boxOf(page.getByText(/^Last checked /));
    const refresh = await boxOf(page.getByRole('button', { name: 'Refresh now' }));
    for (const box of [lastChecked, refresh]) {
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) - ((status?.y ?? 0) + (status?.height ?? 0))).toBeLessThan(200);
    }
  });
});
