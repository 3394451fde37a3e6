import type { Page, Request } from '@playwright/test';
import { environmentListPath, expect, tableRows, test, type RequestLog, type Sim, type SimJob } from './fixtures';
import { APP_ORIGIN, SIM_ORIGIN } from './simConfig';

const LIST_PATH = /^\/backend\/[^/]+\/job\/[^/]+$/;

/** ListBackendJobs calls (POST /backend/{app}/job/{env}). */
function listCalls(requests: RequestLog): Request[] {
  return requests.toSim().filter((request) => request.method() === 'POST' && LIST_PATH.test(new URL(request.url()).pathname));
}

/** The job IDs in the table, top to bottom. */
async function listedIds(page: Page): Promise<string[]> {
  return tableRows(page).locator('td[data-label="Job ID"]').allInnerTexts();
}

const MINUTE = 60_000;

/** Three jobs of one environment, created in an order that is neither newest nor oldest first. */
async function threeJobs(sim: Sim) {
  const now = Date.now();
  const middle = await sim.createJob({
    operation: 'CreateBackendStorage',
    startedAt: now - 3 * MINUTE,
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'FAILED', atMs: 40_000 },
    ],
    error: `Resource handler returned message: ${'"Bucket policy is invalid" '.repeat(8)}END`,
  });
  const same = { appId: middle.appId, envName: middle.envName };
  const newest = await sim.createJob({
    ...same,
    operation: 'UpdateBackendAuth',
    startedAt: now - 1 * MINUTE,
    steps: [{ status: 'COMPLETED', atMs: 20_000 }],
  });
  const oldest = await sim.createJob({
    ...same,
    operation: 'UpdateBackendAPI',
    startedAt: now - 5 * MINUTE,
    steps: [{ status: 'COMPLETED', atMs: 0 }],
  });
  return { oldest, middle, newest };
}

test('lists the environment’s jobs newest first with status, operation, link, times and error excerpt', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const { oldest, middle, newest } = await threeJobs(sim);
  await page.goto(environmentListPath(middle));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jobs of environment ${middle.envName}`);
  await expect(tableRows(page)).toHaveCount(3);
  expect(await listedIds(page)).toEqual([newest.jobId, middle.jobId, oldest.jobId]);
  // The simulated AWS answered oldest first: the order is the page's own.
  const answer = (await (await listCalls(requests)[0]?.response())?.json()) as { jobs: { jobId: string }[] };
  expect(answer.jobs.map((job) => job.jobId)).toEqual([oldest.jobId, middle.jobId, newest.jobId]);
  await expect(page).toHaveTitle(`Jobs · ${middle.envName} · Amplify Job Watch`);

  const failed = tableRows(page).nth(1);
  await expect(failed.locator('td[data-label="Status"]')).toHaveText('FAILED');
  await expect(failed.locator('td[data-label="Operation"]')).toHaveText('CreateBackendStorage');
  await expect(failed.locator('td[data-label="Created"] time')).toHaveAttribute(
    'datetime',
    new Date(middle.startedAt).toISOString(),
  );
  await expect(failed.locator('td[data-label="Updated"] time')).toHaveAttribute(
    'datetime',
    new Date(middle.startedAt + 40_000).toISOString(),
  );
  await expect(failed.locator('td[data-label="Created"]')).toContainText('(3 min ago)');
  const error = failed.locator('td[data-label="Error"]');
  // The excerpt is followed by "Show all" for the rest of the error.
  const excerpt = error.locator('.job-table__error-text');
  await expect(excerpt).toHaveText(/^Resource handler returned message: "Bucket policy is invalid" .*…$/);
  expect((await excerpt.innerText()).length).toBe(161);
  await expect(error).not.toContainText('END');
  await expect(error.getByRole('button', { name: 'Show all' })).toBeVisible();

  await expect(tableRows(page).nth(0).locator('td[data-label="Status"]')).toHaveText('COMPLETED');
  await expect(tableRows(page).nth(0).locator('td[data-label="Operation"]')).toHaveText('UpdateBackendAuth');
  await expect(tableRows(page).nth(0).locator('td[data-label="Error"]')).toHaveText('');

  await tableRows(page).nth(0).getByRole('link', { name: newest.jobId, exact: true }).click();
  await expect(page).toHaveURL(`${APP_ORIGIN}${newest.path}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Job ${newest.jobId}`);
  await expect(page.getByRole('region', { name: 'Job status' })).toContainText('COMPLETED');
});

test('Status and Operation filters go into the request and the URL, and survive a reload', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const { oldest, middle } = await threeJobs(sim);
  await page.goto(environmentListPath(middle));
  await expect(tableRows(page)).toHaveCount(3);

  await page.getByLabel('Status').selectOption('FAILED');
  await expect(page).toHaveURL(`${APP_ORIGIN}${environmentListPath(middle, '?status=FAILED')}`);
  await expect(tableRows(page)).toHaveCount(1);
  expect(await listedIds(page)).toEqual([middle.jobId]);
  expect(listCalls(requests).at(-1)?.postDataJSON()).toEqual({ status: 'FAILED', maxResults: 25 });

  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Operation').selectOption('UpdateBackendAPI');
  await expect(page).toHaveURL(`${APP_ORIGIN}${environmentListPath(middle, '?operation=UpdateBackendAPI')}`);
  await expect(tableRows(page)).toHaveCount(1);
  expect(await listedIds(page)).toEqual([oldest.jobId]);
  expect(listCalls(requests).at(-1)?.postDataJSON()).toEqual({ operation: 'UpdateBackendAPI', maxResults: 25 });

  await page.getByLabel('Status').selectOption('COMPLETED');
  await expect(page).toHaveURL(`${APP_ORIGIN}${environmentListPath(middle, '?status=COMPLETED&operation=UpdateBackendAPI')}`);
  await expect(tableRows(page)).toHaveCount(1);
  expect(listCalls(requests).at(-1)?.postDataJSON()).toEqual({
    status: 'COMPLETED',
    operation: 'UpdateBackendAPI',
    maxResults: 25,
  });

  const callsBefore = listCalls(requests).length;
  await page.reload();
  await expect(tableRows(page)).toHaveCount(1);
  await expect(page.getByLabel('Status')).toHaveValue('COMPLETED');
  await expect(page.getByLabel('Operation')).toHaveValue('UpdateBackendAPI');
  expect(await listedIds(page)).toEqual([oldest.jobId]);
  expect(listCalls(requests).slice(callsBefore)[0]?.postDataJSON()).toEqual({
    status: 'COMPLETED',
    operation: 'UpdateBackendAPI',
    maxResults: 25,
  });

  await page.getByLabel('Status').selectOption('RUNNING');
  await expect(page.getByRole('status').filter({ hasText: 'No jobs match these filters.' })).toBeVisible();
});

/** 27 finished jobs of one environment, a minute apart, newest first: one more page than the first 25. */
async function twentySevenJobs(sim: Sim): Promise<SimJob[]> {
  const now = Date.now();
  const first = await sim.createJob({ startedAt: now - 100 * MINUTE, steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const rest = await Promise.all(
    Array.from({ length: 26 }, (_, i) =>
      sim.createJob({
        appId: first.appId,
        envName: first.envName,
        startedAt: now - (99 - i) * MINUTE,
        steps: [{ status: 'COMPLETED', atMs: 0 }],
      }),
    ),
  );
  return [first, ...rest].sort((a, b) => b.startedAt - a.startedAt);
}

test('more than 25 jobs: "Load more" fetches the next page with nextToken', async ({ simulatedAccount: page, sim, requests }) => {
  const jobs = await twentySevenJobs(sim);
  const first = jobs[26] as SimJob;
  const newestFirst = jobs.map((job) => job.jobId);
  await page.goto(environmentListPath(first));

  await expect(tableRows(page)).toHaveCount(25);
  expect(listCalls(requests)).toHaveLength(1);
  expect(listCalls(requests)[0]?.postDataJSON()).toEqual({ maxResults: 25 });
  const firstAnswer = (await (await listCalls(requests)[0]?.response())?.json()) as { nextToken?: string };
  expect(firstAnswer.nextToken).toEqual(expect.any(String));

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(tableRows(page)).toHaveCount(27);
  expect(listCalls(requests)).toHaveLength(2);
  expect(listCalls(requests)[1]?.postDataJSON()).toEqual({ maxResults: 25, nextToken: firstAnswer.nextToken });
  expect(await listedIds(page)).toEqual(newestFirst);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

test('"Load more" by keyboard keeps focus while loading, then hands it to the first job it brought', async ({
  simulatedAccount: page,
  sim,
}) => {
  const jobs = await twentySevenJobs(sim);
  const first = jobs[26] as SimJob;
  const oldestTwo = jobs.slice(25).reverse();
  await page.goto(environmentListPath(first));
  await expect(tableRows(page)).toHaveCount(25);

  // The second page is held back until the test lets it through.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.origin === SIM_ORIGIN && LIST_PATH.test(url.pathname),
    async (route) => {
      if (route.request().method() === 'POST' && (route.request().postData() ?? '').includes('nextToken')) await held;
      await route.continue();
    },
  );

  const loadMore = page.getByRole('button', { name: 'Load more' });
  await loadMore.focus();
  await page.keyboard.press('Enter');
  const loading = page.getByRole('button', { name: 'Loading…' });
  await expect(loading).toBeFocused();
  await expect(loading).toHaveAttribute('aria-busy', 'true');
  // A second press while loading asks nothing more.
  await page.keyboard.press('Enter');
  release();

  await expect(tableRows(page)).toHaveCount(27);
  await expect(page.getByRole('button', { name: /Load more|Loading…/ })).toHaveCount(0);
  // The last page is in and the button is gone: focus is on the first job that page brought, not on the body.
  await expect(
    tableRows(page)
      .nth(25)
      .getByRole('link', { name: oldestTwo[1]?.jobId ?? '', exact: true }),
  ).toBeFocused();
});

test('refreshes while a listed job runs, and stops once every listed job has finished', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const running = await sim.createJob();
  await sim.createJob({
    appId: running.appId,
    envName: running.envName,
    startedAt: Date.now() - MINUTE,
    steps: [{ status: 'COMPLETED', atMs: 0 }],
  });
  await page.goto(environmentListPath(running));
  await expect(tableRows(page)).toHaveCount(2);
  await expect(page.getByText('Refreshing every 1 s while a listed job runs.')).toBeVisible();
  await expect.poll(() => listCalls(requests).length).toBeGreaterThanOrEqual(3);

  await sim.replaceJob(running, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(tableRows(page).filter({ hasText: running.jobId }).locator('td[data-label="Status"]')).toHaveText('COMPLETED');
  await expect(page.getByText('No listed job is running; not refreshing.')).toBeVisible();
  // Proving an absence: no more requests once nothing runs.
  const settled = listCalls(requests).length;
  await page.waitForTimeout(2000);
  expect(listCalls(requests)).toHaveLength(settled);
});

test('an access error from ListBackendJobs is explained in words, and "Try again" loads the list', async ({
  simulatedAccount: page,
  sim,
  request,
}) => {
  const job = await sim.createJob();
  const message =
    'User: arn:aws:sts::123456789012:assumed-role/Cognito_Unauth/CognitoIdentityCredentials is not authorized to perform: amplifybackend:ListBackendJobs';
  const fault = await request.post(`${SIM_ORIGIN}/__sim/list-faults`, {
    data: {
      appId: job.appId,
      envName: job.envName,
      faults: [{ type: 'http', status: 403, errorType: 'AccessDeniedException', message }],
    },
  });
  expect(fault.ok()).toBeTruthy();
  await page.goto(environmentListPath(job));

  const alert = page.getByRole('alert').filter({ hasText: 'Access denied (HTTP 403)' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('amplifybackend:ListBackendJobs');
  await expect(alert).toContainText(message);
  await expect(page.getByRole('table')).toHaveCount(0);

  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(tableRows(page)).toHaveCount(1);
  await expect(alert).toHaveCount(0);
  expect(await listedIds(page)).toEqual([job.jobId]);
});
