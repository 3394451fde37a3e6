import type { Page } from '@playwright/test';
import { expect, isGetBackendJob, serveConfig, simulatedAccountConfig, test, type Sim, type SimJob } from './fixtures';
import { SIM_ORIGIN } from './simConfig';

const MINUTE = 60_000;

// A busy machine makes the first answers slow; each test waits on several of them.
test.setTimeout(120_000);

/** `/watch?job=REGION/APP/ENV/JOB&…`, each segment percent-encoded. */
function boardPath(jobs: readonly Pick<SimJob, 'region' | 'appId' | 'envName' | 'jobId'>[]): string {
  const entries = jobs.map((job) => [job.region, job.appId, job.envName, job.jobId].map(encodeURIComponent).join('/'));
  return entries.length === 0 ? '/watch' : `/watch?${entries.map((entry) => `job=${entry}`).join('&')}`;
}

function row(page: Page, jobId: string) {
  return page.getByRole('listitem', { name: `Job ${jobId}`, exact: true });
}

/** Earlier COMPLETED jobs in the job's environment, `minutes` long each, finished hours ago. */
async function addHistory(sim: Sim, job: SimJob, operation: string, minutes: number[]): Promise<void> {
  for (const [index, length] of minutes.entries()) {
    await sim.createJob({
      appId: job.appId,
      envName: job.envName,
      operation,
      startedAt: Date.now() - (index + 2) * 60 * MINUTE,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: length * MINUTE },
      ],
    });
  }
}

/** ListBackendJobs requests a page sends for one app, counted from now. */
function countListRequests(page: Page, appId: string): { count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith(`/backend/${encodeURIComponent(appId)}/job/`))
      counter.count += 1;
  });
  return counter;
}

/** GetBackendJob requests a page sends for one job, counted from now. */
function countJobRequests(page: Page, jobId: string): { count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (isGetBackendJob(request, jobId)) counter.count += 1;
  });
  return counter;
}

test('a board of three jobs in two environments: one fails, one is throttled then completes, a missing one stays on its row', async ({
  simulatedAccount: page,
  sim,
}) => {
  const running = await sim.createJob();
  const failing = await sim.createJob({
    appId: running.appId,
    envName: 'prod',
    operation: 'UpdateBackendAPI',
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'FAILED', atMs: 1500 },
    ],
    error: 'Schema validation failed',
  });
  const throttled = await sim.createJob({
    appId: running.appId,
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: 2000 },
    ],
    faults: [{ type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' }],
  });
  const missing = { ...running, jobId: `${running.jobId}-missing` };
  await page.goto(boardPath([running, failing, throttled, missing]));

  await expect(row(page, running.jobId).getByText('RUNNING', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row(page, failing.jobId).getByText('FAILED', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row(page, failing.jobId)).toContainText('Schema validation failed');
  await expect(row(page, failing.jobId)).toContainText('prod');
  await expect(row(page, throttled.jobId).getByText('COMPLETED', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row(page, missing.jobId)).toContainText('(HTTP 404)');
  await expect(row(page, running.jobId)).not.toContainText('HTTP 404');
  await expect(row(page, running.jobId).getByRole('link', { name: running.jobId, exact: true })).toHaveAttribute(
    'href',
    `/apps/${running.appId}/environments/staging/jobs/${running.jobId}?region=us-east-1`,
  );
  await expect(page).toHaveTitle('1 running, 1 failed, 1 can’t be watched · Amplify Job Watch');

  await sim.replaceJob(running, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(page).toHaveTitle('All 4 done, 1 failed, 1 can’t be watched · Amplify Job Watch', { timeout: 30_000 });
});

test('Remove updates the address, which is the share link; Copy link copies it', async ({
  simulatedAccount: page,
  sim,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const a = await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const b = await sim.createJob({ jobId: `odd/id%${Date.now()}`, steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await page.goto(boardPath([a, b]));
  await expect(row(page, b.jobId).getByText('COMPLETED', { exact: true })).toBeVisible({ timeout: 30_000 });

  await row(page, a.jobId)
    .getByRole('button', { name: `Remove job ${a.jobId} from the board` })
    .click();
  await expect(row(page, a.jobId)).toHaveCount(0);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(boardPath([b]));
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeFocused();

  await page.getByRole('button', { name: 'Copy link to this board' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  // The link opens the same board elsewhere, the odd ID intact.
  const other = await context.newPage();
  await serveConfig(other, simulatedAccountConfig());
  await other.goto(copied);
  await expect(row(other, b.jobId).getByText('COMPLETED', { exact: true })).toBeVisible({ timeout: 30_000 });
});

test('the estimate from earlier jobs, and “Taking longer than usual”', async ({ simulatedAccount: page, sim }) => {
  const onTime = await sim.createJob({ startedAt: Date.now() - 30_000 });
  const late = await sim.createJob({ appId: onTime.appId, startedAt: Date.now() - 6 * MINUTE });
  await addHistory(sim, onTime, 'CreateBackendAuth', [2, 3, 3, 4, 5]);
  await addHistory(sim, onTime, 'DeleteBackend', [40, 40, 40]);
  const lists = countListRequests(page, onTime.appId);
  await page.goto(boardPath([onTime, late]));

  const estimate = row(page, onTime.jobId).getByText('Usually takes 3–4 min (5 earlier CreateBackendAuth jobs)');
  await expect(estimate).toBeVisible({ timeout: 30_000 });
  await expect(row(page, late.jobId)).toContainText('Usually takes 3–4 min');
  await expect(row(page, onTime.jobId).getByRole('progressbar')).toHaveAttribute('aria-valuetext', /^about \d min left$/);
  await expect(row(page, onTime.jobId)).toContainText('updateTime − createTime');
  await expect(row(page, late.jobId)).toContainText(/Taking longer than usual: 1 min \d\d s past the slowest of them/);
  // Both rows are of one environment: one read of its history serves both.
  expect(lists.count).toBe(1);
});

test('a denied ListBackendJobs: the jobs are still watched, the estimate says why, once, and the list is not retried', async ({
  simulatedAccount: page,
  sim,
  request,
}) => {
  const a = await sim.createJob();
  const b = await sim.createJob({ appId: a.appId });
  const fault = await request.post(`${SIM_ORIGIN}/__sim/list-faults`, {
    data: {
      appId: a.appId,
      envName: a.envName,
      faults: [
        {
          type: 'http',
          status: 403,
          errorType: 'AccessDeniedException',
          message: 'not authorized to perform: amplifybackend:ListBackendJobs',
        },
      ],
    },
  });
  expect(fault.ok()).toBeTruthy();
  const gets = countJobRequests(page, a.jobId);
  const lists = countListRequests(page, a.appId);
  await page.goto(boardPath([a, b]));

  for (const job of [a, b]) {
    await expect(row(page, job.jobId)).toContainText(
      'No estimate: listing this environment’s jobs (amplifybackend:ListBackendJobs) was denied.',
      {
        timeout: 30_000,
      },
    );
    await expect(row(page, job.jobId).getByText('RUNNING', { exact: true })).toBeVisible();
  }
  await expect.poll(() => gets.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect(page.getByText(/No estimate: listing/)).toHaveCount(2);
  // One list request for the environment, whatever number of rows and checks since.
  expect(lists.count).toBe(1);
});

test('two pages on one job send one stream of GetBackendJob requests; when the polling page closes the other takes over', async ({
  simulatedAccount: board,
  sim,
  context,
}) => {
  const job = await sim.createJob();
  const fromBoard = countJobRequests(board, job.jobId);
  await board.goto(boardPath([job]));
  await expect(row(board, job.jobId).getByText('RUNNING', { exact: true })).toBeVisible({ timeout: 30_000 });

  const jobPage = await context.newPage();
  await serveConfig(jobPage, simulatedAccountConfig());
  const fromJobPage = countJobRequests(jobPage, job.jobId);
  await jobPage.goto(job.path);
  await expect(jobPage.getByText('RUNNING', { exact: true }).first()).toBeVisible({ timeout: 30_000 });

  // The job page's first load took the board's answer: it has not asked AWS at all. From here on
  // the board keeps polling (1 s interval) while the job page only listens.
  expect(fromJobPage.count).toBe(0);
  const boardBefore = fromBoard.count;
  await expect.poll(() => fromBoard.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(boardBefore + 4);
  expect(fromJobPage.count).toBe(0);

  await board.close();
  await expect.poll(() => fromJobPage.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
});

test('two job pages on one job: pausing the polling page hands the polling to the other', async ({
  simulatedAccount: first,
  sim,
  context,
}) => {
  const job = await sim.createJob();
  const fromFirst = countJobRequests(first, job.jobId);
  await first.goto(job.path);
  await expect(first.getByText('RUNNING', { exact: true }).first()).toBeVisible();

  const second = await context.newPage();
  await serveConfig(second, simulatedAccountConfig());
  const fromSecond = countJobRequests(second, job.jobId);
  await second.goto(job.path);
  await expect(second.getByText('RUNNING', { exact: true }).first()).toBeVisible();
  const firstBefore = fromFirst.count;
  await expect.poll(() => fromFirst.count).toBeGreaterThanOrEqual(firstBefore + 2);
  expect(fromSecond.count).toBe(0);

  await first.getByRole('button', { name: 'Pause auto-refresh' }).click();
  await expect(first.getByText('Auto-refresh is paused.')).toBeVisible();
  await expect.poll(() => fromSecond.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  // Proving an absence: the paused page asks nothing while the other polls.
  const pausedAt = fromFirst.count;
  await expect.poll(() => fromSecond.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  expect(fromFirst.count).toBe(pausedAt);
});
