import { expect, fact, jobStatus, test } from './fixtures';

test.describe('a job that is not there', () => {
  test('says it is not found in that region, and does not keep asking', async ({ simulatedAccount: page, sim }) => {
    const real = await sim.createJob();
    const missingJobId = `${real.jobId}-missing`;
    await page.goto(`/apps/${real.appId}/environments/${real.envName}/jobs/${missingJobId}`);

    const alert = page.getByRole('alert').filter({ hasText: 'Not found in us-east-1 (HTTP 404)' });
    await expect(alert).toBeVisible();
    // AWS found the app, so a wrong region is not plausible: the advice names the environment and the ID only.
    await expect(alert).toContainText(
      `AWS found the app but no job ${missingJobId} of app ${real.appId}, environment ${real.envName}.`,
    );
    await expect(alert).not.toContainText('?region=');
    await expect(alert).toContainText(`AWS said: Job ${missingJobId} not found for environment ${real.envName}.`);
    await expect(page.getByText('Automatic checks are stopped.')).toBeVisible();

    // Proving an absence: a 404 is not retried by itself.
    await page.waitForTimeout(2000);
    expect(await sim.count({ operation: 'GetBackendJob', jobId: missingJobId })).toBe(1);
  });

  test('a job in eu-west-1 opened without ?region is not found in us-east-1; with it, it shows', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob({ region: 'eu-west-1' });
    expect(job.path).toContain('?region=eu-west-1');
    const withoutRegion = job.path.replace('?region=eu-west-1', '');

    await page.goto(withoutRegion);
    await expect(page.getByRole('alert').filter({ hasText: 'Not found in us-east-1 (HTTP 404)' })).toBeVisible();

    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(fact(page, 'Region')).toContainText('eu-west-1');
    await expect(page.getByText(`App ${job.appId} · environment ${job.envName} · eu-west-1`)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('a job link that is not valid', () => {
  const tooLong = 'j'.repeat(300);
  const cases = [
    {
      name: 'a control character in the job ID',
      path: (appId: string) => `/apps/${appId}/environments/staging/jobs/job%01x`,
      message: 'Job ID contains control characters.',
    },
    {
      name: 'a 300-character job ID',
      path: (appId: string) => `/apps/${appId}/environments/staging/jobs/${tooLong}`,
      message: 'Job ID is 300 characters long; at most 256 are accepted.',
    },
    {
      name: 'an unknown region',
      path: (appId: string) => `/apps/${appId}/environments/staging/jobs/job-1?region=mars-east-1`,
      message: 'Region “mars-east-1” is not one where AmplifyBackend runs',
    },
  ];

  for (const { name, path, message } of cases) {
    test(`${name}: a clear message, and no request for the job`, async ({ simulatedAccount: page, sim, requests }) => {
      const job = await sim.createJob();
      await page.goto(path(job.appId));

      await expect(page.getByRole('heading', { name: 'This job link is not valid' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page).toHaveTitle('Invalid link · Amplify Job Watch');
      await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
      expect(requests.getBackendJob()).toHaveLength(0);
      expect(requests.toSim().filter((request) => new URL(request.url()).pathname.startsWith('/backend/'))).toHaveLength(0);
    });
  }

  test('“..” (encoded %2E%2E) is resolved away by the browser: “Page not found”, nothing sent', async ({
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
  });

  // Credentials are fetched early only for a link that will be watched; the invalid-link page promises nothing was sent.
  test('an invalid link sends nothing at all to AWS, not even to Cognito', async ({ simulatedAccount: page, sim, requests }) => {
    const job = await sim.createJob();
    await page.goto(`/apps/${job.appId}/environments/staging/jobs/job%01x`);
    await expect(page.getByText('Nothing was sent to AWS.')).toBeVisible();
    // Give an eager credentials request time to leave (it starts during boot).
    await page.waitForTimeout(1500);
    expect(
      requests.toSim().map((request) => `${request.method()} ${request.url()} ${request.headers()['x-amz-target'] ?? ''}`),
    ).toEqual([]);
  });
});
