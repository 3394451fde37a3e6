import type { Locator } from '@playwright/test';
import { expect, jobStatus, openJobForm as form, test } from './fixtures';
import { APP_ORIGIN } from './simConfig';

/** Pastes `text` into a field as a browser does: a cancelable paste event carrying clipboardData. */
async function paste(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('the home page form', () => {
  test('has labelled Region, App ID, Environment and Job ID fields; filled by hand it opens the job', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob({ region: 'eu-west-1' });
    await page.goto('/');
    const f = form(page);
    await expect(f.region).toHaveValue('us-east-1');
    await expect(f.open).toBeVisible();

    await f.region.selectOption('eu-west-1');
    await f.appId.fill(job.appId);
    await f.envName.fill(job.envName);
    await f.jobId.fill(job.jobId);
    await f.open.click();

    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });

  test('without a Job ID it opens the environment’s job list', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto('/');
    const f = form(page);
    await f.appId.fill(job.appId);
    await f.envName.fill(job.envName);
    await f.envName.press('Enter');

    await expect(page).toHaveURL(`${APP_ORIGIN}/apps/${job.appId}/environments/${job.envName}/jobs`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jobs of environment ${job.envName}`);
    await expect(page.getByRole('link', { name: job.jobId, exact: true })).toBeVisible();
  });

  test('pasting a job link fills every field', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob({ region: 'ap-northeast-1' });
    await page.goto('/');
    const f = form(page);
    await paste(f.appId, `  ${APP_ORIGIN}${job.path}\n`);

    await expect(f.region).toHaveValue('ap-northeast-1');
    await expect(f.appId).toHaveValue(job.appId);
    await expect(f.envName).toHaveValue(job.envName);
    await expect(f.jobId).toHaveValue(job.jobId);
    await expect(f.section.getByRole('status')).toHaveText('Filled in from what you pasted.');
    await expect(page).toHaveURL(`${APP_ORIGIN}/`);

    await f.open.click();
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });

  test('pasting the JSON the AWS CLI printed fills the fields', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto('/');
    const f = form(page);
    const printed = JSON.stringify(
      {
        AppId: job.appId,
        BackendEnvironmentName: job.envName,
        JobId: job.jobId,
        Operation: 'CreateBackendAuth',
        Status: 'IN_PROGRESS',
      },
      null,
      4,
    );
    await paste(f.jobId, printed);

    await expect(f.appId).toHaveValue(job.appId);
    await expect(f.envName).toHaveValue(job.envName);
    await expect(f.jobId).toHaveValue(job.jobId);
    await expect(f.region).toHaveValue('us-east-1');
    await f.open.click();
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
  });

  test('pasting other text is left to the field', async ({ simulatedAccount: page }) => {
    await page.goto('/');
    const f = form(page);
    await f.appId.fill('d2k9xq7v1ab3cd');
    await paste(f.envName, 'not a link');
    // The paste is not taken over: the form says nothing and keeps what was typed.
    await expect(f.section.getByRole('status')).toHaveText('');
    await expect(f.appId).toHaveValue('d2k9xq7v1ab3cd');
  });

  test('invalid input shows what is wrong and goes nowhere', async ({ simulatedAccount: page, requests }) => {
    await page.goto('/');
    const f = form(page);
    await f.envName.fill('..');
    await f.jobId.fill('x'.repeat(300));
    await f.open.click();

    // Each message is at its field (aria-describedby), and focus is on the first field that is wrong.
    await expect(f.appId).toHaveAccessibleDescription('App ID is empty.');
    await expect(f.envName).toHaveAccessibleDescription('Environment cannot be “..”.');
    await expect(f.jobId).toHaveAccessibleDescription('Job ID is 300 characters long; at most 256 are accepted.');
    await expect(f.appId).toBeFocused();
    await expect(page).toHaveURL(`${APP_ORIGIN}/`);
    expect(requests.toSim()).toEqual([]);

    // Fixing it clears the message and opens the job page.
    await f.appId.fill('d2k9xq7v1ab3cd');
    await f.envName.fill('staging');
    await f.jobId.fill('7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37');
    await f.open.click();
    await expect(page).toHaveURL(
      `${APP_ORIGIN}/apps/d2k9xq7v1ab3cd/environments/staging/jobs/7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37`,
    );
  });
});

test('recently watched jobs: newest first with their last status, until forgotten', async ({ simulatedAccount: page, sim }) => {
  const finished = await sim.createJob({ operation: 'UpdateBackendAPI', steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const running = await sim.createJob({ region: 'eu-west-1', operation: 'CreateBackendAuth' });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Recently watched in this browser' })).toHaveCount(0);

  await page.goto(finished.path);
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await page.goto(running.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await page.getByRole('banner').getByRole('link', { name: 'Amplify Job Watch' }).click();

  const recent = page.getByRole('region', { name: 'Recently watched in this browser' });
  const items = recent.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    new RegExp(`^RUNNING ${running.jobId} CreateBackendAuth · ${running.appId} / staging · eu-west-1 · seen `),
  );
  await expect(items.nth(1)).toContainText(
    new RegExp(`^COMPLETED ${finished.jobId} UpdateBackendAPI · ${finished.appId} / staging · us-east-1 · seen `),
  );
  await expect(items.nth(0).getByRole('link')).toHaveAttribute('href', running.path);

  await recent.getByRole('button', { name: 'Forget these jobs' }).click();
  await expect(recent).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Open a job' })).toBeVisible();
  await expect(recent).toHaveCount(0);
});
