import { expect, test } from './fixtures';

// Only a browser proves it: the static host's SPA fallback, WHATWG URL parsing of "%2E%2E" and real history.
test('an unknown path, or one a “..” (encoded %2E%2E) resolves into, says “Page not found”; its link goes home and Back returns', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const job = await sim.createJob();
  // WHATWG URL parsing treats %2E%2E as "..", so /apps/%2E%2E/environments/… becomes /environments/…
  await page.goto(`/apps/%2E%2E/environments/${job.envName}/jobs/${job.jobId}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/environments/${job.envName}/jobs/${job.jobId}`);
  await page.goto(`/apps/${job.appId}/environments/%2e%2E/jobs/${job.jobId}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(requests.getBackendJob()).toHaveLength(0);

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
