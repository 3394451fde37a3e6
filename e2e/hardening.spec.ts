import { expect, fact, jobStatus, test } from './fixtures';
import { jobPagePath } from '../src/shared/domain/jobRoutes';

test.describe('faults from AWS or in between', () => {
  for (const status of [503, 504]) {
    test(`HTTP ${status} is service trouble, retried until it passes`, async ({ simulatedAccount: page, sim }) => {
      const job = await sim.createJob({
        faults: [{ type: 'http', status, errorType: 'ServiceUnavailableException', message: 'Service busy' }],
      });
      await page.goto(job.path);
      await expect(page.getByText(`The AmplifyBackend service is having trouble (HTTP ${status})`)).toBeVisible();
      await expect(page.getByText(/retrying in \d+ s/)).toBeVisible();
      await expect(jobStatus(page)).toContainText('RUNNING');
    });
  }

  test('a response that never finishes times out after 15 s and is retried', async ({ simulatedAccount: page, sim }) => {
    test.setTimeout(90_000);
    // Two hung answers in a row keep the notice up for a whole second attempt, so a busy machine cannot miss it.
    const job = await sim.createJob({ faults: [{ type: 'hang' }, { type: 'hang' }] });
    await page.goto(job.path);
    await expect(page.getByText('AWS did not answer in time')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('No answer within 15 seconds.')).toBeVisible();
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 40_000 });
  });

  test('a 200 with none of the job fields is reported, not shown as an empty job', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob({ faults: [{ type: 'body', status: 200, body: '{"unexpected":true}' }] });
    await page.goto(job.path);
    await expect(page.getByText('The answer could not be read as a job')).toBeVisible();
    await expect(page.getByText('The response had none of the fields of a backend job.')).toBeVisible();
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 10_000 });
  });
});

test.describe('hostile or odd input', () => {
  test('IDs with /, %, +, spaces and unicode travel as one segment each and reach exactly that job', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const odd = await sim.createJob({ appId: 'app/with%slash', envName: 'dev + test', jobId: 'jöb id/..%2F✓' });
    // A near neighbour that a mis-encoded request could reach instead.
    await sim.createJob({ appId: 'app', envName: 'with%slash', jobId: 'jöb id', steps: [{ status: 'FAILED', atMs: 0 }] });
    await page.goto(jobPagePath({ appId: odd.appId, envName: odd.envName, jobId: odd.jobId }));
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(fact(page, 'Job ID')).toContainText('jöb id/..%2F✓');
    await expect(fact(page, 'App ID')).toContainText('app/with%slash');
    expect(await sim.count({ operation: 'GetBackendJob', jobId: odd.jobId })).toBeGreaterThan(0);
  });

  test('a 200 KB error message stays readable: collapsed, complete on request, no horizontal overflow', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const long = `Stack failed: ${'x'.repeat(120)} ${'CREATE_FAILED AWS::Lambda::Function resource handler returned message. '.repeat(2900)}<b>end</b>`;
    expect(long.length).toBeGreaterThan(200_000);
    const job = await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: long });
    await page.goto(job.path);
    await expect(page.getByText('The job reported an error')).toBeVisible();
    const showAll = page.getByRole('button', { name: /Show all \(/ });
    await expect(showAll).toBeVisible();
    await showAll.click();
    await expect(page.getByRole('button', { name: 'Show less' })).toBeVisible();
    await expect(page.locator('.job-error')).toContainText('<b>end</b>');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a render error shows a recovery screen, never a white page', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    // A browser API that fails while the page draws the job's times.
    await page.addInitScript(() => {
      Date.prototype.toLocaleString = () => {
        throw new Error('Date formatting is unavailable');
      };
    });
    await page.goto(job.path);
    await expect(page.getByRole('heading', { name: 'Something broke on this page' })).toBeVisible();
    await expect(page.getByText('Date formatting is unavailable')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Amplify Job Watch' })).toBeVisible();
  });

  test('nothing in the URL changes where requests go', async ({ simulatedAccount: page, sim, requests }) => {
    const job = await sim.createJob();
    await page.goto(`${job.path}?endpoint=https://evil.example&amplifyBackendEndpoint=https://evil.example&identityPoolId=x`);
    await expect(jobStatus(page)).toContainText('RUNNING');
    const hosts = new Set(requests.offOrigin().map((request) => new URL(request.url()).host));
    expect([...hosts].filter((host) => host.includes('evil'))).toEqual([]);
  });
});

test('no credentials or tokens end up in the URL, the console or localStorage', async ({ simulatedAccount: page, sim }) => {
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await page.reload();
  await expect(jobStatus(page)).toContainText('RUNNING');
  const storage = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  for (const text of [page.url(), storage, ...logs]) {
    expect(text).not.toMatch(/ASIA[A-Z2-7]{16}/);
    expect(text.toLowerCase()).not.toContain('sessiontoken');
    expect(text.toLowerCase()).not.toContain('secretkey');
  }
});
