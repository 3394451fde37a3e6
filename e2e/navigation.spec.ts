import { expect, jobStatus, test } from './fixtures';

test('an unknown path says “Page not found” and its link goes home', async ({ simulatedAccount: page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Amplify Job Watch');

  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeVisible();
  await expect(page).toHaveTitle('Amplify Job Watch');

  // In-page navigation keeps history: Back returns to the page that was not found.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a job deep link survives a cold reload', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob({ region: 'eu-west-2' });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');

  await page.reload();
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(page).toHaveURL(job.path);
  await expect(page.getByText(`App ${job.appId} · environment ${job.envName} · eu-west-2`)).toBeVisible();
});

test('the header link leads home from a job page', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await page.getByRole('banner').getByRole('link', { name: 'Amplify Job Watch' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeVisible();
});
