import type { Page, Request } from '@playwright/test';
import { expect, isGetBackendJob, jobStatus, jobTitle, test } from './fixtures';

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
  // Only a browser proves it: the tab's real document.title and <link rel="icon"> as the production build drives them over a live watch.
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
});

// Only a browser proves it: Chromium's Notification permission, a hidden tab's visibility events and window focus around a live watch.
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

  // The page's timers run in real time until the test moves them on (page.clock.fastForward).
  await page.clock.install();
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

  // Proving an absence: coming back to the tab, then the page's clock 10 s on (every timer due by then fires), does not notify again.
  await setHidden(page, false);
  await page.clock.fastForward(10_000);
  expect(await notifications()).toHaveLength(1);

  await page.evaluate(() => {
    const [notification] = (window as unknown as { __notifications: { onclick: (() => void) | null }[] }).__notifications;
    notification?.onclick?.();
  });
  expect(await page.evaluate(() => (window as unknown as { __focusCalls: number }).__focusCalls)).toBe(1);
  expect((await notifications())[0]?.closed).toBe(true);
});

test.describe('paused does not look live (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  // Only a browser proves it: the spinner's CSS animation really stops, and the paused state reads right at 375 px.
  test('the badge says "as of" the last check, the spinner and the elapsed time stop, the title says Paused; Resume checks at once', async ({
    simulatedAccount: page,
    sim,
  }) => {
    // The page's timers run in real time until the test moves them on (page.clock.fastForward, runFor).
    await page.clock.install();
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
    await page.clock.runFor(200);
    const elapsed = await jobStatus(page).textContent();
    // The page's clock 10 s on (every timer due by then fires): the elapsed time and the "as of" time have not moved, and nothing was asked.
    const pausedAt = times.length;
    await page.clock.fastForward(10_000);
    expect(await jobStatus(page).textContent()).toBe(elapsed);
    expect(times.length).toBe(pausedAt);

    const resumed = page.waitForRequest((r) => r.url().endsWith(`/${job.jobId}`));
    const before = times.length;
    await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
    await resumed;
    expect(times.length).toBeGreaterThan(before);
    await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
    await expect(jobStatus(page)).not.toContainText('as of');
  });
});
