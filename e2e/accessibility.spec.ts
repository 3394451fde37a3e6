import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { copyFeedbackOf, expect, serveConfig, simulatedAccountConfig, test } from './fixtures';
import { signInConfig } from './signInFixtures';

/** A hosting job's step with an https log link (shown as a link the page never follows). */
const HOSTING_STEP = (stepName: string) => ({
  stepName,
  logUrl: `https://aws-amplify-prod-us-east-1-artifacts.s3.amazonaws.com/${stepName}.log?X-Amz-Signature=abc`,
});

/**
 * The rules whose outcome depends on the colour scheme: the dark scheme changes colours and nothing
 * else, so its run checks these; the light run checks every rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe-core over the whole page; serious and critical findings fail, with their targets in the message. */
async function expectNoSeriousViolations(page: Page) {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (dark ? axe.withRules(COLOUR_RULES) : axe).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} color scheme`, () => {
    test.use({ colorScheme });

    // Only a browser proves it: axe over computed styles — contrast in this colour scheme, real visibility — of the job page in each state.
    test('the job page: running, completed, and its shortcut list', async ({ simulatedAccount: page, sim }) => {
      // Three pages, each read whole by axe.
      test.slow();
      const running = await sim.createJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
      await page.goto(running.path);
      await expect(page.getByText('RUNNING', { exact: true }).first()).toBeVisible();
      await expectNoSeriousViolations(page);

      const completed = await sim.createJob({
        startedAt: Date.now() - 60_000,
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'COMPLETED', atMs: 30_000 },
        ],
      });
      await page.goto(completed.path);
      await expect(page.getByRole('region', { name: 'Job status' })).toContainText('COMPLETED');
      await expectNoSeriousViolations(page);
      // A finished job: nothing polls or ticks while axe reads the shortcut list.
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    // Only a browser proves it: axe over computed styles in this colour scheme, on the job page's error states and a hosting job's steps.
    test('the job page: failed, not found and retrying; a hosting job running and one failed in BUILD', async ({
      simulatedAccount: page,
      sim,
    }) => {
      // Five pages, each read whole by axe.
      test.slow();
      const failed = await sim.createJob({
        startedAt: Date.now() - 60_000,
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'FAILED', atMs: 30_000 },
        ],
        error: 'Resource handler returned message: "Invalid request provided"',
      });
      await page.goto(failed.path);
      await expect(page.getByText('The job reported an error')).toBeVisible();
      await expectNoSeriousViolations(page);

      const missing = await sim.createJob();
      await page.goto(missing.path.replace(missing.jobId, `${missing.jobId}-missing`));
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expectNoSeriousViolations(page);

      const throttled = await sim.createJob({
        faults: Array.from({ length: 5 }, () => ({ type: 'http' as const, status: 429, errorType: 'TooManyRequestsException' })),
      });
      await page.goto(throttled.path);
      await expect(page.getByText(/retrying in \d+ s/)).toBeVisible();
      await expectNoSeriousViolations(page);

      // A hosting job: a finished step and a running one, each with its log link.
      const build = await sim.createHostingJob({
        startedAt: Date.now() - 90_000,
        commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
        commitMessage: 'Add the login page',
        steps: [
          {
            ...HOSTING_STEP('BUILD'),
            timeline: [
              { status: 'RUNNING', atMs: 0 },
              { status: 'SUCCEED', atMs: 60_000 },
            ],
          },
          { ...HOSTING_STEP('DEPLOY'), timeline: [{ status: 'RUNNING', atMs: 60_000 }] },
        ],
      });
      await page.goto(build.path);
      await expect(page.getByRole('region', { name: 'Steps' }).getByRole('listitem')).toHaveCount(2);
      await expect(page.getByRole('region', { name: 'Job status' })).toContainText('RUNNING');
      await expectNoSeriousViolations(page);

      const failedBuild = await sim.createHostingJob({
        startedAt: Date.now() - 60_000,
        steps: [
          {
            ...HOSTING_STEP('BUILD'),
            timeline: [
              { status: 'RUNNING', atMs: 0 },
              { status: 'FAILED', atMs: 30_000 },
            ],
            statusReason: 'npm ci exited with code 1: ERESOLVE could not resolve the dependency tree',
          },
        ],
      });
      await page.goto(failedBuild.path);
      await expect(page.getByRole('region', { name: 'Step BUILD failed' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    // Only a browser proves it: axe over computed styles in this colour scheme, on the pages around the job page (a branch's list among them).
    test('home, environment list, branch list, invalid link and not found', async ({ page, sim }) => {
      // Five pages, each read whole by axe.
      test.slow();
      await serveConfig(page, simulatedAccountConfig());
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Open' })).toBeVisible();
      await expectNoSeriousViolations(page);

      const job = await sim.createJob();
      await sim.createJob({ appId: job.appId, steps: [{ status: 'FAILED', atMs: 0 }], error: 'Stack rollback' });
      await page.goto(`/apps/${job.appId}/environments/${job.envName}/jobs`);
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousViolations(page);

      // A branch's builds: one failed in BUILD, one running.
      const build = await sim.createHostingJob({
        branchName: 'feature/login',
        commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
        commitMessage: 'Add the login page',
      });
      await sim.createHostingJob({
        appId: build.appId,
        branchName: build.branchName,
        startedAt: Date.now() - 60_000,
        steps: [{ stepName: 'BUILD', timeline: [{ status: 'FAILED', atMs: 0 }], statusReason: 'npm ci exited with code 1' }],
      });
      await page.goto(`/apps/${build.appId}/branches/feature%2Flogin/jobs`);
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
      await expectNoSeriousViolations(page);

      await page.goto('/apps/app/environments/staging/jobs/job%01x');
      await expect(page.getByRole('heading', { name: 'This job link is not valid' })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    // Only a browser proves it: axe over computed styles in this colour scheme, on the pages a deployment shows before any job.
    test('invalid config, sign-in dialog and demo banner', async ({ page, sim }) => {
      // Three pages, each read whole by axe.
      test.slow();
      const job = await sim.createJob();
      await page.unrouteAll();
      await serveConfig(page, { region: 'mars-1', Auth: {} });
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'config.json needs fixing' })).toBeVisible();
      await expectNoSeriousViolations(page);

      await page.unrouteAll();
      await serveConfig(page, signInConfig());
      await page.goto(job.path);
      await expect(page.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
      await expectNoSeriousViolations(page);

      await page.unrouteAll();
      await serveConfig(page, { message: 'Not Found' }, 404);
      await page.goto('/');
      await page.getByRole('note', { name: 'Demo mode' }).getByRole('button', { name: 'More' }).click();
      await expect(page.getByRole('note', { name: 'Demo mode' }).getByRole('button', { name: 'Less' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}

// Only a browser proves it: real Tab order and Enter through the production build, from the home form to a live job and the clipboard.
test('the main flow works with the keyboard alone: home form → job page → refresh → copy link → shortcut list', async ({
  simulatedAccount: page,
  sim,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const job = await sim.createJob();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open' })).toBeVisible();
  await page.getByLabel('Region').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type(job.appId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(job.envName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(job.jobId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.jobId}$`));
  await expect(page.getByText('RUNNING', { exact: true }).first()).toBeVisible();

  const refresh = page.getByRole('button', { name: 'Refresh now' });
  for (let i = 0; i < 40 && !(await refresh.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(refresh).toBeFocused();
  const before = await sim.count({ operation: 'GetBackendJob', jobId: job.jobId });
  await page.keyboard.press('Enter');
  await expect.poll(() => sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBeGreaterThan(before);

  await page.keyboard.press('Tab');
  const copyLink = page.getByRole('button', { name: 'Copy link to this job' });
  await expect(copyLink).toBeFocused();
  const feedback = await copyFeedbackOf(copyLink);
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveAttribute('data-feedback', 'Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

  // "?" lists the shortcuts in a modal dialog: Tab goes round it (by way of the browser's own controls), Escape gives focus back.
  await page.keyboard.press('?');
  const close = page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(close).toHaveCount(0);
  await expect(copyLink).toBeFocused();
});
