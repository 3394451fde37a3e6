import type { Page, Request } from '@playwright/test';
import {
  copyFeedbackOf,
  expect,
  isGetBackendJob,
  jobStatus,
  jobTitle,
  serveConfig,
  simulatedAccountConfig,
  test,
} from './fixtures';
import { APP_ORIGIN } from './simConfig';

/** The favicon the tab shows: the SVG drawing for a data: URL, else the URL. */
async function favicon(page: Page): Promise<string> {
  const href = (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '';
  return href.startsWith('data:image/svg+xml,') ? decodeURIComponent(href.slice('data:image/svg+xml,'.length)) : href;
}

const ICON = {
  running: /^<svg[^>]*><circle [^>]*fill="none"[^>]*stroke-dasharray=/,
  completed: /^<svg[^>]*><circle [^>]*fill="#1a7f37"\/><path /,
  failed: /^<svg[^>]*><rect /,
  unreachable: /^<svg[^>]*><path d="M16 2L31 29H1z"/,
};

/**
 * Lets the test hide and show the tab: document.visibilityState/hidden follow `window.__hidden`,
 * and setHidden() fires visibilitychange as a browser does.
 */
async function controllableVisibility(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __hidden: boolean };
    w.__hidden = false;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (w.__hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => w.__hidden });
  });
}

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __hidden: boolean }).__hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** GetBackendJob requests for `jobId` sent and not yet answered. */
function jobRequestsInFlight(page: Page, jobId: string): { count: number } {
  const inFlight = { count: 0 };
  const isJob = (request: Request) => isGetBackendJob(request, jobId);
  page.on('request', (request) => {
    if (isJob(request)) inFlight.count += 1;
  });
  const answered = (request: Request) => {
    if (isJob(request)) inFlight.count -= 1;
  };
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
  return inFlight;
}

/** Epoch ms of every GetBackendJob request for `jobId` the page sends from now on. */
function requestTimes(page: Page, jobId: string): number[] {
  const times: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname.endsWith(`/${encodeURIComponent(jobId)}`))
      times.push(Date.now());
  });
  return times;
}

test.describe('the tab shows how the job is doing', () => {
  test('title and favicon follow running → completed, and go back to the defaults on leaving', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId), { timeout: 15_000 });
    await expect.poll(() => favicon(page)).toMatch(ICON.running);

    await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
    await expect(page).toHaveTitle(jobTitle('COMPLETED', job.jobId));
    await expect.poll(() => favicon(page)).toMatch(ICON.completed);

    await page.getByRole('banner').getByRole('link', { name: 'Amplify Job Watch' }).click();
    await expect(page).toHaveTitle('Amplify Job Watch');
    await expect.poll(() => favicon(page)).toBe('/favicon.svg');
  });

  test('title and favicon follow running → failed', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
    await sim.replaceJob(job, { steps: [{ status: 'FAILED', atMs: 0 }], error: 'Stack rolled back' });
    await expect(page).toHaveTitle(jobTitle('FAILED', job.jobId));
    await expect.poll(() => favicon(page)).toMatch(ICON.failed);
  });

  test('while AWS cannot be reached the title says so and the favicon is a warning triangle', async ({
    simulatedAccount: page,
    sim,
  }) => {
    // Up to 16 s of backoff before the recovery can show.
    test.setTimeout(120_000);
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));

    // AWS stays unreachable until the test says otherwise (every request fails), so however busy the
    // machine, the state is still there when the title and the favicon are read.
    await sim.replaceJob(job, { faults: Array.from({ length: 50 }, () => ({ type: 'network' as const })) });
    await expect(page).toHaveTitle(`Can’t reach AWS · ${jobTitle('RUNNING', job.jobId)}`);
    await expect.poll(() => favicon(page)).toMatch(ICON.unreachable);
    await expect(page).toHaveTitle(`Can’t reach AWS · ${jobTitle('RUNNING', job.jobId)}`);

    // Reachable again: the next retry (at most 16 s away by then) brings back the plain running state.
    await sim.replaceJob(job, {});
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId), { timeout: 40_000 });
    await expect.poll(() => favicon(page)).toMatch(ICON.running);
  });
});

test('"Notify me when it finishes": one notification for a hidden tab, and clicking it focuses the window', async ({
  simulatedAccount: page,
  sim,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await controllableVisibility(page);
  // Headless Chromium may show nothing: the page gets a Notification that records what it was
  // asked to show (and defers to the real permission), and window.focus is counted.
  await page.addInitScript(() => {
    const w = window as unknown as { __notifications: unknown[]; __focusCalls: number };
    const Real = window.Notification;
    w.__notifications = [];
    w.__focusCalls = 0;
    class RecordedNotification {
      static get permission() {
        return Real.permission;
      }
      static requestPermission() {
        return Real.requestPermission();
      }
      onclick: (() => void) | null = null;
      closed = false;
      constructor(
        readonly title: string,
        readonly options: NotificationOptions = {},
      ) {
        w.__notifications.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: RecordedNotification });
    const focus = window.focus.bind(window);
    window.focus = () => {
      w.__focusCalls += 1;
      focus();
    };
  });
  const notifications = () =>
    page.evaluate(() =>
      (
        window as unknown as { __notifications: { title: string; options: NotificationOptions; closed: boolean }[] }
      ).__notifications.map(({ title, options, closed }) => ({ title, body: options.body, tag: options.tag, closed })),
    );

  const job = await sim.createJob({ operation: 'UpdateBackendAPI' });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  await expect(page.getByRole('button', { name: 'Notifying when jobs finish' })).toHaveAttribute('aria-pressed', 'true');

  await setHidden(page, true);
  await sim.replaceJob(job, { operation: 'UpdateBackendAPI', steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await expect.poll(notifications).toHaveLength(1);
  const [shown] = await notifications();
  expect(shown?.title).toBe('COMPLETED: UpdateBackendAPI');
  expect(shown?.body).toBe(`Job ${job.jobId} of app ${job.appId}, environment ${job.envName}`);
  await expect(page).toHaveTitle(jobTitle('COMPLETED', job.jobId));

  // Proving an absence: coming back to the tab does not notify again.
  await setHidden(page, false);
  await page.waitForTimeout(1000);
  expect(await notifications()).toHaveLength(1);

  await page.evaluate(() => {
    const [notification] = (window as unknown as { __notifications: { onclick: (() => void) | null }[] }).__notifications;
    notification?.onclick?.();
  });
  expect(await page.evaluate(() => (window as unknown as { __focusCalls: number }).__focusCalls)).toBe(1);
  expect((await notifications())[0]?.closed).toBe(true);
});

test('a hidden tab checks about 4× less often and checks at once when shown again', async ({ page, sim }) => {
  // Two seconds between checks: eight while hidden, and a check on coming back that cannot be the timer's.
  await serveConfig(page, simulatedAccountConfig({ pollIntervalSeconds: 2 }));
  await controllableVisibility(page);
  const job = await sim.createJob();
  // The page's own clock: when (on it) each GetBackendJob for the job was sent.
  await page.clock.install();
  await page.addInitScript((jobId) => {
    const w = window as unknown as { __checks: number[]; __answered: number };
    w.__checks = [];
    w.__answered = 0;
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith(`/${jobId}`)) return send(input, init);
      w.__checks.push(Date.now());
      // Counted once the whole answer is in (or the request failed).
      return send(input, init).then(
        (response) => {
          void response
            .clone()
            .text()
            .finally(() => (w.__answered += 1));
          return response;
        },
        (error: unknown) => {
          w.__answered += 1;
          throw error;
        },
      );
    };
  }, job.jobId);
  const checks = () => page.evaluate(() => (window as unknown as { __checks: number[] }).__checks);
  const pageNow = () => page.evaluate(() => Date.now());
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');

  // From here the page's clock stands still unless moved, 100 ms at a time: every time below is the page's.
  // Five seconds ahead: a busy machine may take a while between reading the page's time and pausing it.
  await page.clock.pauseAt((await pageNow()) + 5000);
  const runUntilChecks = async (count: number, limitMs: number): Promise<number[]> => {
    for (let ran = 0; (await checks()).length < count; ran += 100) {
      if (ran > limitMs) throw new Error(`fewer than ${count} checks after ${limitMs} ms of the page's clock`);
      await page.clock.runFor(100);
    }
    return checks();
  };

  // Visible: every 2 s, timed between two checks made after the clock stood still (before that, a busy
  // machine's late timers would count).
  const beforePause = (await checks()).length;
  const times = await runUntilChecks(beforePause + 2, 10_000);
  const visibleGap = (times[beforePause + 1] as number) - (times[beforePause] as number);
  expect(visibleGap).toBeGreaterThan(1400);
  expect(visibleGap).toBeLessThan(5000);

  // Hidden right after a check, so no visible-rate check is due while the page takes it in.
  const checked = (await runUntilChecks(times.length + 1, 5000)).length;
  await setHidden(page, true);
  const hiddenAt = await pageNow();
  // React Query tells the page about changes on a zero-delay timer: the clock moves in small steps (at most
  // 3 s, well short of the 8 s a hidden tab waits) until the hidden tab's countdown is drawn.
  const hiddenCountdown = page.getByText(/^Next check in \d s \(slower while this tab is hidden\)\.$/);
  for (let ran = 0; ran < 3000 && !(await hiddenCountdown.isVisible()); ran += 100) await page.clock.runFor(100);
  await expect(hiddenCountdown).toBeVisible();
  const hiddenChecks = await runUntilChecks(checked + 1, 15_000);
  // 4 × 2 s: the first check after hiding comes 8 s later.
  const hiddenGap = (hiddenChecks.at(-1) as number) - hiddenAt;
  expect(hiddenGap).toBeGreaterThan(6500);
  expect(hiddenGap).toBeLessThan(12_000);

  // That check has its answer first: a check still waiting for its answer when the tab is shown would be
  // joined by the check on showing, not sent again.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __answered: number }).__answered))
    .toBe(hiddenChecks.length);
  // Shown again just after that check: the next one comes at once, the clock standing still, so not the 2 s timer's.
  const shownAt = await pageNow();
  await setHidden(page, false);
  await expect.poll(async () => (await checks()).length).toBe(hiddenChecks.length + 1);
  expect(((await checks()).at(-1) as number) - shownAt).toBeLessThan(1900);
  // The countdown is the visible tab's again, without the hidden tab's note, once the page's clock moves on.
  const countdown = page.getByText(/^Next check in \d+ s\.$/);
  for (let ran = 0; ran < 3000 && !(await countdown.isVisible()); ran += 250) await page.clock.runFor(250);
  await expect(countdown).toBeVisible();
});

test('offline: a notice, then a check as soon as the connection is back', async ({ page, sim, context }) => {
  // Five seconds between checks, so the check on reconnecting cannot be the timer's.
  await serveConfig(page, simulatedAccountConfig({ pollIntervalSeconds: 5 }));
  const job = await sim.createJob();
  const times = requestTimes(page, job.jobId);
  await page.clock.install();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'You are offline. Checks resume as soon as the connection is back.' });
  await expect(notice).toBeVisible();
  await expect(jobStatus(page)).toContainText('RUNNING');
  const sentWhileOffline = times.length;

  // The page's clock stands still from here: a check that comes now is the reconnect's, not the 5 s timer's.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  const reconnected = page.waitForRequest((r) => r.url().endsWith(`/${job.jobId}`));
  await context.setOffline(false);
  await reconnected;
  expect(times.length).toBe(sentWhileOffline + 1);
  // React Query tells the page about the answer on a zero-delay timer: step the clock in small steps,
  // far short of the 5 s interval, until the notice is gone.
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      return notice.count();
    })
    .toBe(0);
  expect(times.length).toBe(sentWhileOffline + 1);
  await expect(jobStatus(page)).toContainText('RUNNING');
});

test('pause and resume auto-refresh, a countdown, and the interval select', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob();
  const times = requestTimes(page, job.jobId);
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(page.getByText(/^Next check in 1 s\.$/)).toBeVisible();

  await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
  await expect(page.getByRole('button', { name: 'Resume auto-refresh' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Auto-refresh is paused.')).toBeVisible();
  // Proving an absence: nothing is asked while paused.
  const paused = times.length;
  await page.waitForTimeout(2000);
  expect(times.length).toBe(paused);

  const resumed = page.waitForRequest((r) => r.url().endsWith(`/${job.jobId}`));
  await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
  await resumed;
  await expect(page.getByRole('button', { name: 'Pause auto-refresh' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => times.length).toBeGreaterThanOrEqual(paused + 2);

  const select = page.getByLabel('Check every');
  await expect(select).toHaveValue('1');
  await select.selectOption({ label: '5 s' });
  await expect(page.getByText('Checking every 5 s while the job runs.')).toBeVisible();
  await expect(page.getByText(/^Next check in [45] s\.$/)).toBeVisible();
  const slower = times.length;
  await page.waitForTimeout(3000);
  expect(times.length - slower).toBeLessThanOrEqual(1);
});

test('the observed timeline lists RUNNING then COMPLETED with times, and survives a reload', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await sim.replaceJob(job, {
    startedAt: Date.now(),
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: 1500 },
    ],
  });
  await expect(jobStatus(page)).toContainText('COMPLETED');

  const timeline = page.getByRole('region', { name: 'Statuses seen by this browser' });
  const entries = timeline.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(/^RUNNING first seen .+ · lasted \d+ s$/);
  await expect(entries.nth(1)).toContainText(/^COMPLETED first seen .+$/);
  const seen = async () => Promise.all([0, 1].map(async (i) => entries.nth(i).locator('time').getAttribute('datetime')));
  const [running, completed] = await seen();
  expect(Date.parse(running ?? '')).toBeLessThan(Date.parse(completed ?? ''));
  expect(Date.parse(completed ?? '') - Date.parse(running ?? '')).toBeLessThan(30_000);

  await page.reload();
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('RUNNING');
  await expect(entries.nth(1)).toContainText('COMPLETED');
  expect(await seen()).toEqual([running, completed]);
});

test('"Copy as AWS CLI" copies the get-backend-job command; the raw JSON is the last response', async ({
  simulatedAccount: page,
  sim,
  context,
  requests,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const job = await sim.createJob({
    region: 'eu-west-1',
    steps: [{ status: 'FAILED', atMs: 0 }],
    error: 'Quota "exceeded" <here>',
  });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('FAILED');

  const section = page.getByRole('region', { name: 'AWS CLI and raw response' });
  const command = `aws amplifybackend get-backend-job --app-id=${job.appId} --backend-environment-name=${job.envName} --job-id=${job.jobId} --region=eu-west-1`;
  await section.getByText('AWS CLI command').click();
  await expect(section.locator('pre').first()).toHaveText(command);
  const copyCommand = section.getByRole('button', { name: 'Copy as AWS CLI command' });
  const feedback = await copyFeedbackOf(copyCommand);
  await copyCommand.click();
  await expect(feedback).toHaveAttribute('data-feedback', 'Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);

  const last = await requests.getBackendJob(job.jobId).at(-1)?.response();
  const answer: unknown = await last?.json();
  await section.getByText('Raw JSON of the last response').click();
  const raw = section.locator('pre.raw-json');
  await expect(raw).toBeVisible();
  expect(JSON.parse((await raw.textContent()) ?? '')).toEqual(answer);
  expect(answer).toMatchObject({ jobId: job.jobId, status: 'FAILED', error: 'Quota "exceeded" <here>' });
});

test('the job page links to its environment’s job list', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob({ region: 'eu-west-1' });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');

  await page.getByRole('link', { name: job.envName, exact: true }).click();
  await expect(page).toHaveURL(`${APP_ORIGIN}/apps/${job.appId}/environments/${job.envName}/jobs?region=eu-west-1`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jobs of environment ${job.envName}`);
  await expect(page.getByRole('link', { name: job.jobId, exact: true })).toBeVisible();
});

test.describe('paused does not look live (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the badge says "as of" the last check, the spinner and the elapsed time stop, the title says Paused; Resume checks at once', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob({ startedAt: Date.now() - 30_000 });
    const times = requestTimes(page, job.jobId);
    const inFlight = jobRequestsInFlight(page, job.jobId);
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });

    await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
    await expect(page).toHaveTitle(`Paused · ${jobTitle('RUNNING', job.jobId)}`);
    await expect(jobStatus(page)).toContainText(/RUNNING as of \d\d:\d\d:\d\d/);
    const spinning = await jobStatus(page)
      .locator('.status-badge__icon')
      .evaluate((icon) => getComputedStyle(icon).animationName);
    expect(spinning).toBe('none');
    // A check sent just before the pause may still answer (and move "as of"): let it land and be drawn
    // (React Query passes answers on in a timer), then prove an absence: the elapsed time stands still.
    await expect.poll(() => inFlight.count).toBe(0);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    const elapsed = await jobStatus(page).textContent();
    await page.waitForTimeout(2500);
    expect(await jobStatus(page).textContent()).toBe(elapsed);

    const resumed = page.waitForRequest((r) => r.url().endsWith(`/${job.jobId}`));
    const before = times.length;
    await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
    await resumed;
    expect(times.length).toBeGreaterThan(before);
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
    await expect(jobStatus(page)).not.toContainText('as of');
  });
});
