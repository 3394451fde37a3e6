import type { Dialog } from '@playwright/test';
import { expect, jobStatus, jobTitle, test } from './fixtures';

test.describe('a job that fails', () => {
  test('shows the job’s own error text once it reaches FAILED', async ({ simulatedAccount: page, sim }) => {
    const error =
      'Resource handler returned message: "Invalid request provided: AWS::Cognito::UserPool: Password policy is too weak" (HandlerErrorCode: InvalidRequest)';
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(page.getByRole('heading', { name: 'The job reported an error' })).toHaveCount(0);

    // From now on the job fails 1.5 s in (scripted only once the page shows it running, so a slow load cannot skip RUNNING).
    await sim.replaceJob(job, {
      startedAt: Date.now(),
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'FAILED', atMs: 1500 },
      ],
      error,
    });
    await expect(jobStatus(page)).toContainText('FAILED');
    const panel = page.getByRole('region', { name: 'The job reported an error' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(error, { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(jobTitle('FAILED', job.jobId));
    await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
  });

  test('shows markup in the error as text: no element, no script', async ({ simulatedAccount: page, sim }) => {
    const dialogs: Dialog[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog);
      void dialog.dismiss();
    });
    const error = 'Stack failed: <img src=x onerror=alert(1)> <b>bold?</b>';
    const job = await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error });
    await page.goto(job.path);

    const panel = page.getByRole('region', { name: 'The job reported an error' });
    await expect(panel.getByText(error, { exact: true })).toBeVisible();
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('main b')).toHaveCount(0);
    // Proving an absence: an injected onerror would have fired by now.
    await page.waitForTimeout(500);
    expect(dialogs).toHaveLength(0);
  });

  test('collapses a very long error and shows all of it on request', async ({ simulatedAccount: page, sim }) => {
    const error = `Deployment failed. ${'x'.repeat(2500 - 19 - 13)} END-OF-ERROR`;
    expect(error).toHaveLength(2500);
    const job = await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error });
    await page.goto(job.path);

    const panel = page.getByRole('region', { name: 'The job reported an error' });
    const showAll = panel.getByRole('button', { name: /Show all \(2.500 characters\)/ });
    await expect(showAll).toBeVisible();
    await expect(panel.getByText('END-OF-ERROR')).toHaveCount(0);
    await showAll.click();
    await expect(panel.getByText(error, { exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });
});

test.describe('trouble talking to AWS', () => {
  test('throttling: says it is retrying, then shows the job', async ({ simulatedAccount: page, sim }) => {
    const throttled = { type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' } as const;
    const job = await sim.createJob({ faults: [throttled, throttled] });
    await page.goto(job.path);

    const notice = page.getByRole('status').filter({ hasText: 'AWS is throttling requests (HTTP 429)' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/Couldn’t load the job at .+ — (retrying in \d+ s|retrying now)\./);
    await expect(notice).toContainText('AWS said: Too many requests');

    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    await expect(notice).toHaveCount(0);
    expect(await sim.count({ operation: 'GetBackendJob', jobId: job.jobId })).toBeGreaterThanOrEqual(3);
  });

  test('a 500 after a good load keeps the last job visible, then recovers', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING');

    const fault = { type: 'http', status: 500, errorType: 'InternalServiceException', message: 'Internal failure' } as const;
    await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }], faults: [fault, fault, fault] });

    const notice = page.getByRole('status').filter({ hasText: 'The AmplifyBackend service is having trouble (HTTP 500)' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/Couldn’t refresh at .+ — (retrying in \d+ s|retrying now)\./);
    await expect(jobStatus(page)).toContainText('RUNNING'); // the last good answer stays on screen

    await expect(jobStatus(page)).toContainText('COMPLETED', { timeout: 15_000 });
    await expect(notice).toHaveCount(0);
  });

  test('an access error after a good load stops the checks until "Try again"', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING');

    await sim.replaceJob(job, {
      steps: [{ status: 'COMPLETED', atMs: 0 }],
      faults: [
        {
          type: 'http',
          status: 403,
          errorType: 'AccessDeniedException',
          message: 'User is not authorized to perform: amplifybackend:GetBackendJob',
        },
      ],
    });

    const alert = page.getByRole('alert').filter({ hasText: 'Access denied (HTTP 403)' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/Couldn’t refresh at .+\. Below is the job as last seen; automatic checks are stopped/);
    await expect(alert).toContainText('amplifybackend:GetBackendJob');
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(page.getByText('Automatic checks are stopped.')).toBeVisible();

    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(jobStatus(page)).toContainText('COMPLETED');
    await expect(alert).toHaveCount(0);
  });

  test('an HTML 502 from a proxy is reported as HTTP 502 trouble, not as unreadable JSON', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob({
      faults: [
        { type: 'html', status: 502 },
        { type: 'html', status: 502 },
      ],
    });
    await page.goto(job.path);

    const notice = page.getByRole('status').filter({ hasText: 'The AmplifyBackend service is having trouble (HTTP 502)' });
    await expect(notice).toBeVisible();
    await expect(notice).not.toContainText(/JSON|could not be read/i);
    await expect(page.getByText('The answer could not be read as a job')).toHaveCount(0);

    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    await expect(notice).toHaveCount(0);
  });

  test('a 200 answer that is not a job is reported as unreadable, then recovers', async ({ simulatedAccount: page, sim }) => {
    const notAJob = { type: 'body', status: 200, body: '<html>Welcome</html>', contentType: 'text/html' } as const;
    const job = await sim.createJob({ faults: [notAJob, notAJob] });
    await page.goto(job.path);

    const notice = page.getByRole('status').filter({ hasText: 'The answer could not be read as a job' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The response was not JSON.');
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
  });

  test('a dropped connection says AWS can’t be reached, then recovers', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob({ faults: [{ type: 'network' }, { type: 'network' }, { type: 'network' }] });
    await page.goto(job.path);

    const notice = page.getByRole('status').filter({ hasText: 'Can’t reach AWS' });
    await expect(notice).toBeVisible();
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    await expect(notice).toHaveCount(0);
  });
});
