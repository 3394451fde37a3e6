import type { Locator } from '@playwright/test';
import { drawingOrder, expect, fact, holdAppAndNoteDrawing, jobStatus, jobTitle, test } from './fixtures';

// Only a browser proves it: the production build opens a deep link cold, signs real requests over HTTP and polls until the job ends, in one document.
test('a deep link opened cold shows the running job, which turns COMPLETED in place', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const startedAt = Date.now() - 125_000;
  const job = await sim.createJob({ operation: 'UpdateBackendAPI', startedAt });
  await page.goto(job.path);

  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
  await expect(jobStatus(page)).toContainText(/Running for 2 min \d\d s/);
  await expect(fact(page, 'Operation')).toHaveText('UpdateBackendAPI (Update backend API)');
  await expect(fact(page, 'App ID')).toContainText(job.appId);
  await expect(fact(page, 'Region')).toContainText('us-east-1');
  // createTime and updateTime arrive as epoch-ms strings; both become <time> elements.
  await expect(fact(page, 'Created').locator('time')).toHaveAttribute('datetime', new Date(startedAt).toISOString());
  await expect(page.getByText('Checking every 1 s while the job runs.')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  // RUNNING at 0, COMPLETED at 3000 ms, counted from now: scripted once the page shows the job,
  // so a slow cold load cannot skip the RUNNING phase.
  await sim.replaceJob(job, {
    startedAt: Date.now(),
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: 3000 },
    ],
  });
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await expect(page).toHaveTitle(jobTitle('COMPLETED', job.jobId));
  await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
  await expect(jobStatus(page)).toContainText(/Took \d s/);
  // Same document: the status changed in place, after polling every second while it ran (that
  // polling stops at the end is JobPage.test.tsx's to prove, with fake timers).
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  expect(requests.getBackendJob(job.jobId).length).toBeGreaterThanOrEqual(3);
});

// Only a browser proves it: the order in which a real browser fetches the scripts, and where the status sits on screen before and after React takes it over.
test('a job link draws its status before React is fetched; the app then takes over in place, with no second request', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  const job = await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const release = await holdAppAndNoteDrawing(page, '[aria-label="Job status"] [data-tone]');
  await page.goto(job.path);

  // Drawn while the app's own chunk is held back: the entry alone got credentials, signed, asked and drew.
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
  const before = {
    status: await jobStatus(page).boundingBox(),
    heading: await page.getByRole('heading', { level: 1 }).boundingBox(),
  };
  const order = await drawingOrder(page);
  // React's chunk was asked for only after the status was drawn, which came after the job's answer.
  for (const at of order.react) expect(at).toBeGreaterThan(order.drawnAt);
  expect(order.jobs).toHaveLength(1);
  expect(order.jobs[0]).toBeLessThan(order.drawnAt);

  release();
  await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
  // The same place on screen, and the answer the entry fetched is the one the app shows.
  expect(await jobStatus(page).boundingBox()).toEqual(before.status);
  expect(await page.getByRole('heading', { level: 1 }).boundingBox()).toEqual(before.heading);
  expect(requests.getBackendJob(job.jobId)).toHaveLength(1);
});

// Only a browser proves it: the production build opens a hosting job's deep link cold (its branch one %2F segment), signs GetJob over HTTP and follows the build in one document.
test('a hosting job opened cold goes through BUILD, DEPLOY and VERIFY to SUCCEEDED in place, every step listed', async ({
  simulatedAccount: page,
  sim,
  requests,
}) => {
  // The page's timers run in real time until the test moves them on: each new state of the build is
  // asked for at once (page.clock.fastForward past the 1 s poll) instead of waiting for the next poll.
  await page.clock.install();
  // Whole seconds: the times travel as epoch seconds and come back as the same <time datetime>.
  const startedAt = Math.floor(Date.now() / 1000) * 1000 - 120_000;
  const job = await sim.createHostingJob({
    branchName: 'feature/login',
    startedAt,
    commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
    commitMessage: 'Add the login page',
    steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
  });
  expect(job.path).toContain('/branches/feature%2Flogin/jobs/');
  await page.goto(job.path);

  const steps = page.getByRole('region', { name: 'Steps' }).getByRole('listitem');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hosting job ${job.jobId}`);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect(page).toHaveTitle(jobTitle('RUNNING', job.jobId));
  await expect(steps).toHaveText([/^BUILD\s*RUNNING/]);
  await expect(fact(page, 'Branch')).toContainText('feature/login');
  await expect(fact(page, 'Started').locator('time')).toHaveAttribute('datetime', new Date(startedAt).toISOString());
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  // Each state is scripted once the page shows the one before (all of it in the past, so nothing
  // depends on how long a step takes to be asked for).
  const build = {
    stepName: 'BUILD',
    timeline: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'SUCCEED', atMs: 60_000 },
    ],
  };
  const deploy = {
    stepName: 'DEPLOY',
    timeline: [
      { status: 'RUNNING', atMs: 60_000 },
      { status: 'SUCCEED', atMs: 90_000 },
    ],
  };
  const verify = {
    stepName: 'VERIFY',
    timeline: [
      { status: 'RUNNING', atMs: 90_000 },
      { status: 'SUCCEED', atMs: 100_000 },
    ],
  };
  const running = (step: { stepName: string; timeline: { status: string; atMs: number }[] }) => ({
    ...step,
    timeline: step.timeline.slice(0, 1),
  });

  await sim.replaceHostingJob(job, { steps: [build, running(deploy)] });
  await page.clock.fastForward(1000);
  await expect(steps).toHaveText([/^BUILD\s*SUCCEEDED.*Took 1 min 00 s/, /^DEPLOY\s*RUNNING/]);
  await expect(jobStatus(page)).toContainText('RUNNING');

  await sim.replaceHostingJob(job, { steps: [build, deploy, running(verify)] });
  await page.clock.fastForward(1000);
  await expect(steps).toHaveText([/^BUILD\s*SUCCEEDED/, /^DEPLOY\s*SUCCEEDED.*Took 30 s/, /^VERIFY\s*RUNNING/]);

  await sim.replaceHostingJob(job, { steps: [build, deploy, verify] });
  await page.clock.fastForward(1000);
  await expect(jobStatus(page)).toContainText('SUCCEEDED');
  await expect(page).toHaveTitle(jobTitle('SUCCEEDED', job.jobId));
  await expect(steps).toHaveText([/^BUILD\s*SUCCEEDED/, /^DEPLOY\s*SUCCEEDED/, /^VERIFY\s*SUCCEEDED.*Took 10 s/]);
  await expect(fact(page, 'Ended').locator('time')).toHaveAttribute('datetime', new Date(startedAt + 100_000).toISOString());
  await expect(page.getByText('The job has finished; no more checks.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  // Signed GetJob calls to the simulated Amplify Hosting, the branch one encoded segment.
  const getJob = requests
    .toSim()
    .filter(
      (request) =>
        request.method() === 'GET' &&
        new URL(request.url()).pathname === `/apps/${job.appId}/branches/feature%2Flogin/jobs/${job.jobId}`,
    );
  expect(getJob.length).toBeGreaterThanOrEqual(4);
  for (const request of getJob) {
    expect((await request.allHeaders()).authorization).toMatch(/Credential=[^/]+\/\d{8}\/us-east-1\/amplify\/aws4_request/);
  }
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  // Only a browser proves it: where real text layout breaks the ID and puts the controls at 375 px.
  test('the job ID in the heading wraps only at hyphens; "Last checked" and "Refresh now" sit near the status', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const jobId = `deploy-${Date.now().toString(36)}-3f9a1c7e5b2d4f60-8e1b2c3d4e5f6a7b-9c0d1e2f3a4b5c6d-backend-update`;
    const job = await sim.createJob({ jobId });
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    // Measured once the app has taken over the first status drawn before it (the same markup, replaced).
    await expect(page.getByRole('button', { name: 'Refresh now' })).toBeVisible();

    // Each line of the heading's ID ends just after a hyphen (or at the ID's end).
    const lineEnds = await page.getByRole('heading', { level: 1 }).evaluate((heading) => {
      const text = heading.querySelector('.job__id');
      if (!text) return ['no .job__id'];
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      const chars: { char: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ char: value[i] ?? '', top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      return chars.filter((c, i) => i + 1 < chars.length && (chars[i + 1]?.top ?? 0) > c.top).map((c) => c.char);
    });
    expect(lineEnds.length).toBeGreaterThan(0);
    expect(lineEnds.every((char) => char === '-')).toBe(true);

    // boundingBox() neither waits nor retries, and "Last checked …" is redrawn with every check (once a
    // second here): asked again until an answer comes.
    const boxOf = async (locator: Locator) => {
      for (let tries = 0; tries < 50; tries += 1) {
        const box = await locator.boundingBox();
        if (box) return box;
      }
      throw new Error(`${locator.toString()} has no box`);
    };
    const status = await boxOf(jobStatus(page));
    const lastChecked = await boxOf(page.getByText(/^Last checked /));
    const refresh = await boxOf(page.getByRole('button', { name: 'Refresh now' }));
    for (const box of [lastChecked, refresh]) {
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) - ((status?.y ?? 0) + (status?.height ?? 0))).toBeLessThan(200);
    }
  });
});
