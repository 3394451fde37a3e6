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

// Only a browser proves it: the production build lists an environment over signed HTTP (ListBackendJobs, a POST) and its links open live pages.
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

// Only a browser proves it: the production build opens a branch's list cold (the branch one %2F segment), lists it over signed HTTP (ListJobs, a GET) and its links open live pages.
test('lists a branch’s hosting jobs newest first with status, type, commit and times; a job’s link opens its live page', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const succeeded = await sim.createHostingJob({
    branchName: 'feature/login',
    jobId: '1',
    startedAt: now - 5 * MINUTE,
    commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
    commitMessage: 'Add the login page',
    steps: [
      {
        stepName: 'BUILD',
        timeline: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'SUCCEED', atMs: 90_000 },
        ],
      },
    ],
  });
  const same = { appId: succeeded.appId, branchName: succeeded.branchName };
  await sim.createHostingJob({
    ...same,
    jobId: '2',
    startedAt: now - 3 * MINUTE,
    steps: [
      {
        stepName: 'BUILD',
        timeline: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'FAILED', atMs: 40_000 },
        ],
        statusReason: 'npm ci exited with code 1',
      },
    ],
  });
  const running = await sim.createHostingJob({ ...same, jobId: '3', jobType: 'MANUAL', startedAt: now - 1 * MINUTE });
  await page.goto(`/apps/${succeeded.appId}/branches/feature%2Flogin/jobs`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jobs of branch feature/login of app ${succeeded.appId}`);
  await expect(page).toHaveTitle('Jobs · feature/login · Amplify Job Watch');
  await expect(tableRows(page)).toHaveCount(3);
  expect(await listedIds(page)).toEqual(['3', '2', '1']);
  const cell = (row: number, column: string) => tableRows(page).nth(row).locator(`td[data-label="${column}"]`);
  await expect(cell(0, 'Status')).toHaveText('RUNNING');
  await expect(cell(0, 'Type')).toHaveText('MANUAL');
  await expect(cell(0, 'Ended')).toHaveText('not yet');
  await expect(cell(1, 'Status')).toHaveText('FAILED');
  await expect(cell(1, 'Duration')).toHaveText('40 s');
  await expect(cell(2, 'Status')).toHaveText('SUCCEEDED');
  await expect(cell(2, 'Commit')).toContainText('3f2a9c1');
  await expect(cell(2, 'Commit')).toContainText('Add the login page');
  await expect(cell(2, 'Started').locator('time')).toHaveAttribute('datetime', new Date(succeeded.startedAt).toISOString());
  await expect(cell(2, 'Ended').locator('time')).toHaveAttribute(
    'datetime',
    new Date(succeeded.startedAt + 90_000).toISOString(),
  );
  // ListJobs, a signed GET of the branch (one encoded segment) at the simulated Amplify Hosting.
  const list = requests
    .toSim()
    .filter(
      (request) =>
        request.method() === 'GET' &&
        new URL(request.url()).pathname === `/apps/${succeeded.appId}/branches/feature%2Flogin/jobs`,
    );
  expect(list.length).toBeGreaterThanOrEqual(1);
  expect((await list[0]?.allHeaders())?.authorization).toMatch(/\/us-east-1\/amplify\/aws4_request/);

  await tableRows(page).nth(0).getByRole('link', { name: '3', exact: true }).click();
  await expect(page).toHaveURL(`${APP_ORIGIN}${running.path}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hosting job 3');
  await expect(page.getByRole('region', { name: 'Job status' })).toContainText('RUNNING');
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

// Only a browser proves it: real keyboard focus through a slow network answer — kept on the button, then handed to the new rows.
test('"Load more" by keyboard keeps focus while loading, then hands it to the first job it brought', async ({
  simulatedAccount: page,
  sim,
}) => {
  const jobs = await twentySevenJobs(sim);
  const first = jobs[26] as SimJob;
  await page.goto(environmentListPath(first));
  await expect(tableRows(page)).toHaveCount(25);
  const firstPage = new Set(await listedIds(page));

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
  // The last page is in and the button is gone: focus is on the first job that page brought
  // (wherever the newest-first order put it), not on the body.
  const ids = await listedIds(page);
  const brought = ids.find((id) => !firstPage.has(id)) ?? '';
  expect(brought).not.toBe('');
  await expect(tableRows(page).getByRole('link', { name: brought, exact: true })).toBeFocused();
});
