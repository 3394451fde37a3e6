import type { Page } from '@playwright/test';
import {
  drawingOrder,
  expect,
  holdAppAndNoteDrawing,
  isGetBackendJob,
  serveConfig,
  simulatedAccountConfig,
  test,
  type SimJob,
} from './fixtures';

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

/** GetBackendJob requests a page sends for one job, counted from now. */
function countJobRequests(page: Page, jobId: string): { count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (isGetBackendJob(request, jobId)) counter.count += 1;
  });
  return counter;
}

// Only a browser proves it: the production build watches several jobs at once over signed HTTP, with throttling and a 404, and titles the tab.
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
    // The config's own region needs no ?region= on the job page's link.
    `/apps/${running.appId}/environments/staging/jobs/${running.jobId}`,
  );
  await expect(page).toHaveTitle('1 running, 1 failed, 1 not found · Amplify Job Watch');

  await sim.replaceJob(running, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect(page).toHaveTitle('3 done, 1 failed, 1 not found · Amplify Job Watch', { timeout: 30_000 });
});

// Only a browser proves it: the entry's plain DOM before React's chunk is even requested (Resource Timing against a
// MutationObserver, one clock), then React laying out the same rows in the same boxes.
test('a board link draws every row before React is fetched; the app then takes over in place, one request a row', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const jobs = [
    await sim.createJob({ operation: 'UpdateBackendAPI' }),
    await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: 'Schema validation failed' }),
    await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] }),
  ];
  const release = await holdAppAndNoteDrawing(page, 'li.board-row [data-tone]', jobs.length);
  await page.goto(boardPath(jobs));

  // Drawn while the app's own chunk is held back.
  const rows = page.getByRole('list', { name: 'Jobs on the board' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(row(page, jobs[0]!.jobId)).toContainText('RUNNING');
  await expect(row(page, jobs[1]!.jobId)).toContainText('Schema validation failed');
  await expect(row(page, jobs[2]!.jobId)).toContainText('COMPLETED');
  const boxes = async () => Promise.all((await rows.all()).map((item) => item.boundingBox()));
  const before = await boxes();
  const order = await drawingOrder(page);
  for (const at of order.react) expect(at).toBeGreaterThan(order.drawnAt);
  expect(order.jobs).toHaveLength(3);
  for (const at of order.jobs) expect(at).toBeLessThan(order.drawnAt);

  // Someone on the keyboard reaches a row's Remove before the app is here: the app's own Remove keeps focus.
  const remove = row(page, jobs[2]!.jobId).getByRole('button', { name: /^Remove / });
  await remove.focus();
  release();
  await expect(page.getByRole('button', { name: 'Copy link to this board' })).toBeVisible();
  await expect(remove).toBeFocused();
  // The estimate the running row reads arrives in the room held for it: nothing moves.
  await expect(row(page, jobs[0]!.jobId).locator('.estimate__summary')).toBeVisible();
  expect(await boxes()).toEqual(before);
  // The finished jobs are not asked again: the app took the entry's answers (the running one goes on being polled).
  for (const job of jobs.slice(1)) expect(requests.getBackendJob(job.jobId)).toHaveLength(1);
});

// Only a browser proves it: two real tabs elect one poller through the browser's cross-tab channel, and the other takes over when it closes.
test('two pages on one job send one stream of GetBackendJob requests; when the polling page closes the other takes over', async ({
  simulatedAccount: board,
  sim,
  context,
}) => {
  const job = await sim.createJob();
  const fromBoard = countJobRequests(board, job.jobId);
  await board.goto(boardPath([job]));
  await expect(row(board, job.jobId).getByText('RUNNING', { exact: true })).toBeVisible({ timeout: 30_000 });
  // The row shows before the app has loaded (and joined the job's election): the second page opens once
  // the board polls again (only the election's leader polls), as a person's second tab would.
  await expect.poll(() => fromBoard.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

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

// Only a browser proves it: the election between two real tabs hands polling over when the polling one pauses.
test('two job pages on one job: pausing the polling page hands the polling to the other', async ({
  simulatedAccount: first,
  sim,
  context,
}) => {
  const job = await sim.createJob();
  const fromFirst = countJobRequests(first, job.jobId);
  await first.goto(job.path);
  await expect(first.getByText('RUNNING', { exact: true }).first()).toBeVisible();
  // The status shows before the app has loaded (and joined the job's election): the second page opens
  // once the first one polls, as a person's second tab would.
  await expect(first.getByRole('button', { name: 'Pause auto-refresh' })).toBeVisible();

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
