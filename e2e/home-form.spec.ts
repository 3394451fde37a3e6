import type { Locator, Page } from '@playwright/test';
import { expect, jobStatus, openJobForm as form, test } from './fixtures';
import { APP_ORIGIN } from './simConfig';

// Where these findings were made: a phone held upright.
test.use({ viewport: { width: 375, height: 800 } });

/** Pastes `text` into a field as a browser does: a cancelable paste event, then the text lands unless cancelled. */
async function paste(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (element.dispatchEvent(event)) document.execCommand('insertText', false, value);
  }, text);
}

/** The field is marked invalid and its message, linked by aria-describedby, sits right under it on screen. */
async function expectMessageAtField(page: Page, field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const text = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
  await expect(text).toBeInViewport();
  const fieldBox = await field.boundingBox();
  const textBox = await text.boundingBox();
  expect(fieldBox && textBox).toBeTruthy();
  if (!fieldBox || !textBox) return;
  expect(textBox.y).toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height - 1);
  expect(textBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(24);
}

test('Open with empty fields: each is marked at the field, its message right under it, focus on the first', async ({
  simulatedAccount: page,
  requests,
}) => {
  await page.goto('/');
  const f = form(page);
  await f.open.click();

  await expect(f.appId).toBeFocused();
  await expectMessageAtField(page, f.appId, 'App ID is empty.');
  await expectMessageAtField(page, f.envName, 'Environment is empty.');
  await expect(f.jobId).not.toHaveAttribute('aria-invalid', 'true');
  await expect(f.region).not.toHaveAttribute('aria-invalid', 'true');
  // The field itself shows it too (not only its message): a thicker border in another color than a valid field's.
  const border = (field: typeof f.envName) =>
    field.evaluate((node) => [getComputedStyle(node).borderTopColor, getComputedStyle(node).borderTopWidth].join(' '));
  expect(await border(f.envName)).not.toBe(await border(f.jobId));
  expect(requests.toSim()).toEqual([]);

  // Fixing the first moves focus on to the next still wrong; the fixed one is no longer marked.
  await f.appId.fill('d2k9xq7v1ab3cd');
  await f.open.click();
  await expect(f.envName).toBeFocused();
  await expect(f.appId).not.toHaveAttribute('aria-invalid', 'true');
  await expectMessageAtField(page, f.envName, 'Environment is empty.');
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
});

test('a space inside an ID is caught at the field', async ({ simulatedAccount: page, requests }) => {
  await page.goto('/');
  const f = form(page);
  await f.appId.fill('d2k9xq7v1ab3cd');
  await f.envName.fill('staging');
  await f.jobId.fill('7f3c9e2a 5b1d-4c8e');
  await f.open.click();

  await expect(f.jobId).toBeFocused();
  await expectMessageAtField(page, f.jobId, /^Job ID has a space in it/);
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
  expect(requests.toSim()).toEqual([]);
});

test('JSON cut off part way is named as such, at the field it went into', async ({ simulatedAccount: page, requests }) => {
  await page.goto('/');
  const f = form(page);
  await paste(f.appId, '{\n    "AppId": "d2k9xq7v1ab3cd",\n    "BackendEnvironmentName": "stag');
  await expectMessageAtField(page, f.appId, /looks like the JSON the AWS CLI printed, cut off/);

  await f.open.click();
  await expect(f.appId).toBeFocused();
  await expectMessageAtField(page, f.appId, /part of the JSON the AWS CLI printed/);
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
  expect(requests.toSim()).toEqual([]);
});

for (const [form_, address] of [
  ['current', 'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/branches/main/deployments'],
  ['older', 'https://console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/YmFja2VuZA/staging'],
] as const) {
  test(`an Amplify console address (${form_} form) in App ID gives the app ID and region`, async ({ simulatedAccount: page }) => {
    await page.goto('/');
    const f = form(page);
    await paste(f.appId, address);
    await expect(f.appId).toHaveValue('d2k9xq7v1ab3cd');
    await expect(f.region).toHaveValue('eu-west-1');
    await expect(f.section.getByRole('status')).toHaveText('Took the app ID and region from the Amplify console address.');
    await expect(f.appId).not.toHaveAttribute('aria-invalid', 'true');
  });
}

test('a console address typed into App ID is read on Open, not sent as an ID', async ({ simulatedAccount: page }) => {
  await page.goto('/');
  const f = form(page);
  await f.appId.fill('https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview');
  await f.open.click();
  await expect(f.appId).toHaveValue('d2k9xq7v1ab3cd');
  await expect(f.region).toHaveValue('eu-west-1');
  await expect(f.envName).toBeFocused();
  await expectMessageAtField(page, f.envName, 'Environment is empty.');
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
});

test('an unknown region from a pasted link is named at the Region field; Open waits, and Back keeps what was typed', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const job = await sim.createJob({ region: 'eu-west-1' });
  await page.goto('/');
  const f = form(page);
  await paste(f.appId, `${APP_ORIGIN}/apps/${job.appId}/environments/${job.envName}/jobs/${job.jobId}?region=eu-west-9`);

  await expect(f.appId).toHaveValue(job.appId);
  await expect(f.envName).toHaveValue(job.envName);
  await expect(f.jobId).toHaveValue(job.jobId);
  // The list shows the region that was pasted, not silently its first entry.
  await expect(f.region).toHaveValue('eu-west-9');
  await expectMessageAtField(page, f.region, /“eu-west-9”.*not a region where AmplifyBackend runs/);

  await f.open.click();
  await expect(f.region).toBeFocused();
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
  expect(requests.toSim()).toEqual([]);

  await f.region.selectOption('eu-west-1');
  await expect(f.region).not.toHaveAttribute('aria-invalid', 'true');
  await f.open.click();
  await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 30_000 });

  await page.goBack();
  await expect(f.appId).toHaveValue(job.appId);
  await expect(f.envName).toHaveValue(job.envName);
  await expect(f.jobId).toHaveValue(job.jobId);
  await expect(f.region).toHaveValue('eu-west-1');
});

test('Back from a job opened by hand returns to the form as it was filled in', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob();
  await page.goto('/');
  const f = form(page);
  await f.appId.fill(job.appId);
  await f.envName.fill(job.envName);
  await f.open.click();
  await expect(page).toHaveURL(`${APP_ORIGIN}/apps/${job.appId}/environments/${job.envName}/jobs`);
  await expect(page.getByRole('link', { name: job.jobId, exact: true })).toBeVisible({ timeout: 30_000 });

  await page.goBack();
  await expect(f.appId).toHaveValue(job.appId);
  await expect(f.envName).toHaveValue(job.envName);
  await expect(f.jobId).toHaveValue('');
  await expect(f.region).toHaveValue('us-east-1');
});
