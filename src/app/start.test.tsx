import { signIn } from '@aws-amplify/auth';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi, type Mock } from 'vitest';
import { isAwsError } from '../shared/aws/awsError';
import { configureAuth } from '../shared/aws/credentials';
import { electionName, LOCK_PREFIX } from '../shared/browser/electionLocks';
import type { AppConfig } from '../shared/config/appConfig';
import { boardPath } from '../shared/domain/boardLink';
import type { JobRef } from '../shared/domain/jobRef';
import { hostingJobPagePath } from '../shared/domain/jobRoutes';
import { DEMO_PASSWORD } from '../simulated-aws/demoUsers';
import {
  addHostingJob,
  addJob,
  getHostingJobRequests,
  getJobRequests,
  resetAmplifyAuth,
  TEST_APP_ID,
  TEST_ENV,
  TEST_REGION,
  testConfig,
} from '../test/renderApp';
import { sim } from '../test/server';
import { userPoolConfig } from '../test/userPoolApp';
import { FIRST_ANSWER_CAP_MS, start, type AppModule, type StartEnvironment, type Started } from './start';

interface Opened {
  root: HTMLElement;
  /** Whether the job's status was on the page when the app was asked for. */
  drawnBeforeApp: boolean | undefined;
  /** The board rows with a status on the page when the app was asked for. */
  rowsBeforeApp: number | undefined;
  started: Started | undefined;
  loadApp: Mock<() => Promise<AppModule>>;
}

/** Opens `path` through the entry, with the app stubbed: what the page did before asking for React. */
async function open(
  path: string,
  {
    config = testConfig(),
    keepSession = false,
    ...environment
  }: Partial<StartEnvironment> & { config?: AppConfig; keepSession?: boolean } = {},
  loadApp?: () => Promise<AppModule>,
): Promise<Opened> {
  if (!keepSession) await resetAmplifyAuth();
  const root = document.body.appendChild(document.createElement('div'));
  onTestFinished(() => root.remove());
  const opened: Opened = {
    root,
    drawnBeforeApp: undefined,
    rowsBeforeApp: undefined,
    started: undefined,
    loadApp: vi.fn<() => Promise<AppModule>>(),
  };
  const app: AppModule = {
    boot: (_container, started) => {
      opened.started = started;
      return Promise.resolve();
    },
  };
  opened.loadApp.mockImplementation(() => {
    opened.drawnBeforeApp = root.querySelector('[aria-label="Job status"] [data-tone]') !== null;
    opened.rowsBeforeApp = root.querySelectorAll('li.board-row [data-tone]').length;
    return loadApp ? loadApp() : Promise.resolve(app);
  });
  const url = new URL(path, 'http://localhost');
  await start(root, opened.loadApp, {
    loadConfig: () => Promise.resolve({ kind: 'ready', config }),
    answerCapMs: FIRST_ANSWER_CAP_MS,
    location: { pathname: url.pathname, search: url.search },
    online: true,
    now: Date.now,
    ...environment,
  });
  return opened;
}

const jobRef = (jobId: string): JobRef => ({ region: TEST_REGION, appId: TEST_APP_ID, envName: TEST_ENV, jobId });

describe('a job link: the status first, the app after', () => {
  it('draws the status of its one GetBackendJob in the job page’s markup before the app is asked for, and hands the answer over', async () => {
    const job = addJob({ operation: 'UpdateBackendAPI', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { root, drawnBeforeApp, started, loadApp } = await open(job.path);

    expect(drawnBeforeApp).toBe(true);
    expect(loadApp).toHaveBeenCalledTimes(1);
    const page = within(root);
    expect(page.getByRole('heading', { level: 1 })).toHaveTextContent(`Job ${job.jobId}`);
    expect(page.getByRole('region', { name: 'Job status' })).toHaveTextContent(/RUNNING\s*Running for \d+ s/);
    expect(page.getByRole('link', { name: TEST_ENV })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs`,
    );
    expect(root.querySelector('[data-tone]')).toHaveAttribute('data-tone', 'running');
    expect(getJobRequests(job.jobId)).toBe(1);
    expect(started?.early).toHaveLength(1);
    expect(started?.early[0]?.answered?.job.status).toBe('RUNNING');
  });

  it('a hosting job link draws its build the same way, from one GetJob', async () => {
    const job = addHostingJob({ timeline: [{ status: 'SUCCEED', atMs: 0 }] });
    const path = hostingJobPagePath({ appId: job.appId, branchName: job.branchName, jobId: job.jobId });
    const { root, drawnBeforeApp } = await open(path);

    expect(drawnBeforeApp).toBe(true);
    expect(within(root).getByRole('heading', { level: 1 })).toHaveTextContent(`Hosting job ${job.jobId}`);
    expect(within(root).getByRole('region', { name: 'Job status' })).toHaveTextContent('SUCCEEDED');
    expect(getHostingJobRequests(job.jobId)).toBe(1);
  });

  it('draws what the network said as text, never as markup', async () => {
    const job = addJob({ steps: [{ status: '<img src=x onerror="window.hacked=1">', atMs: 0 }] });
    const { root } = await open(job.path);

    expect(within(root).getByRole('region', { name: 'Job status' })).toHaveTextContent('<img src=x');
    expect(root.querySelector('img')).toBeNull();
  });

  it('a job another tab of this browser polls: sends nothing and draws nothing; the app loads at once and listens to that tab', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const held = [{ name: LOCK_PREFIX + electionName('guest', jobRef(job.jobId)) }];
    const { drawnBeforeApp, started } = await open(job.path, {
      locks: { request: () => Promise.resolve(), query: () => Promise.resolve({ held }) },
    });

    expect(drawnBeforeApp).toBe(false);
    expect(started?.early).toEqual([]);
    expect(getJobRequests(job.jobId)).toBe(0);
  });

  it('a user whose session this browser keeps gets the same path: credentials from the stored tokens, the status drawn first', async () => {
    sim.guestAccess = false;
    const config = userPoolConfig({ authFlowType: 'USER_PASSWORD_AUTH' });
    await resetAmplifyAuth();
    configureAuth(config);
    await signIn({ username: 'demo', password: DEMO_PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { root, drawnBeforeApp } = await open(job.path, { config, keepSession: true });

    expect(drawnBeforeApp).toBe(true);
    expect(within(root).getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING');
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('nobody signed in and no guests: nothing drawn, the app loads at once for sign-in, and its query gets the refusal', async () => {
    sim.guestAccess = false;
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { drawnBeforeApp, started } = await open(job.path, { config: testConfig({ allowGuestAccess: false }) });

    expect(drawnBeforeApp).toBe(false);
    const refusal = await started?.early[0]?.answer.catch((error: unknown) => error);
    expect(isAwsError(refusal) && refusal.kind).toBe('no-credentials');
    expect(getJobRequests(job.jobId)).toBe(0);
  });

  it('an answer slower than the cap: the app loads anyway, and the request stays its query’s to wait for', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }], faults: [{ type: 'hang' }] });
    let opened: Opened | undefined;
    const opening = open(job.path).then((result) => (opened = result));
    // Time moves by the cap, a step at a time, until the page gives up waiting and asks for the app.
    for (let waited = 0; opened === undefined && waited <= 2 * FIRST_ANSWER_CAP_MS; waited += 250) {
      await vi.advanceTimersByTimeAsync(250);
    }
    const { drawnBeforeApp, started, loadApp } = await opening;

    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(drawnBeforeApp).toBe(false);
    expect(started?.early[0]?.answered).toBeUndefined();
  });
});

describe('a board link: every row first, the app after', () => {
  const hostingRef = (job: { appId: string; branchName: string; jobId: string }): JobRef => ({
    kind: 'hosting',
    region: TEST_REGION,
    ...job,
  });

  it('draws every row from its one request, in BoardRow’s markup, before the app is asked for, and hands the answers over', async () => {
    const running = addJob({ operation: 'UpdateBackendAPI', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const failed = addJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: 'Schema validation failed' });
    const build = addHostingJob({ timeline: [{ status: 'SUCCEED', atMs: 0 }] });
    const refs = [jobRef(running.jobId), jobRef(failed.jobId), hostingRef(build)];
    const opened = await open(boardPath(refs));

    const page = within(opened.root);
    expect(page.getByRole('heading', { level: 1 })).toHaveTextContent('Board');
    expect(page.getByText(/^3 jobs watched\./)).toBeInTheDocument();
    const rows = page.getByRole('list', { name: 'Jobs on the board' });
    const runningRow = within(rows).getByRole('listitem', { name: `Job ${running.jobId}` });
    expect(runningRow).toHaveTextContent(/RUNNING\s*Running for \d+ s/);
    expect(runningRow).toHaveTextContent('UpdateBackendAPI');
    // The estimate's room is held: it arrives with the app and moves nothing below it.
    expect(runningRow.querySelector('.estimate')).toHaveAttribute('aria-hidden', 'true');
    expect(within(runningRow).getByRole('link', { name: running.jobId })).toHaveAttribute('href', running.path);
    expect(within(runningRow).getByRole('link', { name: /^Open in the Amplify console ?\(app / })).toHaveAttribute(
      'href',
      `https://${TEST_REGION}.console.aws.amazon.com/amplify/apps/${TEST_APP_ID}/overview?region=${TEST_REGION}`,
    );
    const failedRow = within(rows).getByRole('listitem', { name: `Job ${failed.jobId}` });
    expect(failedRow).toHaveTextContent('FAILED');
    expect(failedRow).toHaveTextContent('The job reported an error: Schema validation failed');
    expect(failedRow.querySelector('.estimate')).toBeNull();
    const buildRow = within(rows).getByRole('listitem', { name: `Hosting build ${build.jobId} of branch ${build.branchName}` });
    expect(buildRow).toHaveTextContent('SUCCEEDED');
    expect(buildRow).toHaveTextContent(`Hosting build · branch ${build.branchName}`);
    // Every row was on the page when the app was asked for, each from one request.
    expect(opened.rowsBeforeApp).toBe(3);
    expect([getJobRequests(running.jobId), getJobRequests(failed.jobId), getHostingJobRequests(build.jobId)]).toEqual([1, 1, 1]);
    expect(opened.started?.early.map((request) => request.answered?.job.status)).toEqual(['RUNNING', 'FAILED', 'SUCCEED']);
  });

  it('a board link with nobody signed in and no guests: the app loads at once for the sign-in, not after the cap', async () => {
    sim.guestAccess = false;
    const first = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    // A cap no test could sit out: the app must be asked for because the requests ended, not because time ran out.
    const { started, loadApp } = await open(boardPath([jobRef(first.jobId), jobRef(second.jobId)]), {
      config: testConfig({ allowGuestAccess: false }),
      answerCapMs: 24 * 60 * 60 * 1000,
    });

    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(started?.early).toHaveLength(2);
    expect(sim.count({ operation: 'GetBackendJob' })).toBe(0);
  });

  it('draws what the network said as text in a row, never as markup', async () => {
    const job = addJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: '<img src=x onerror="window.hacked=1">' });
    const { root } = await open(boardPath([jobRef(job.jobId)]));

    expect(within(root).getByRole('listitem', { name: `Job ${job.jobId}` })).toHaveTextContent('<img src=x');
    expect(root.querySelector('img')).toBeNull();
  });

  it('Remove works before the app is here: the job leaves the link and the page, focus goes to the heading', async () => {
    const first = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const before = window.location.href;
    onTestFinished(() => window.history.replaceState(null, '', before));
    const { root } = await open(boardPath([jobRef(first.jobId), jobRef(second.jobId)]));
    const page = within(root);

    page.getByRole('button', { name: `Remove job ${first.jobId} from the board` }).click();

    expect(`${window.location.pathname}${window.location.search}`).toBe(boardPath([jobRef(second.jobId)]));
    expect(page.queryByRole('listitem', { name: `Job ${first.jobId}` })).toBeNull();
    expect(page.getByRole('listitem', { name: `Job ${second.jobId}` })).toBeInTheDocument();
    expect(page.getByText(/^1 job watched\./)).toBeInTheDocument();
    expect(page.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('a row another tab polls: its request is that tab’s; the others leave first, and the rows are the app’s to draw', async () => {
    const first = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const held = [{ name: LOCK_PREFIX + electionName('guest', jobRef(first.jobId)) }];
    const { root, started, loadApp } = await open(boardPath([jobRef(first.jobId), jobRef(second.jobId)]), {
      locks: { request: () => Promise.resolve(), query: () => Promise.resolve({ held }) },
    });

    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(root.querySelector('li.board-row')).toBeNull();
    expect(started?.early.map((request) => request.ref.jobId)).toEqual([second.jobId]);
    await started?.early[0]?.answer;
    expect([getJobRequests(first.jobId), getJobRequests(second.jobId)]).toEqual([0, 1]);
  });

  it('a link with an entry it cannot watch: the rows’ requests leave first, and the page (with its warning) is the app’s to draw', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { root, started } = await open(`${boardPath([jobRef(job.jobId)])}&job=not-a-job`);

    expect(root.querySelector('li.board-row')).toBeNull();
    expect(started?.early.map((request) => request.ref.jobId)).toEqual([job.jobId]);
    await started?.early[0]?.answer;
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('a row whose request fails: nothing drawn; the app loads at once and shows the row’s problem', async () => {
    const ok = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { root, started, loadApp } = await open(boardPath([jobRef(ok.jobId), jobRef('no-such-job')]));

    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(root.querySelector('li.board-row')).toBeNull();
    expect(started?.early).toHaveLength(2);
  });
});

describe('other links, and what fails', () => {
  it.each([
    ['an invalid job link', `/apps/ab%01cd/environments/${TEST_ENV}/jobs/j1`],
    ['the home page', '/'],
    ['an environment’s list', `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs`],
  ])('%s: no job request before the app', async (_, path) => {
    const { started, loadApp } = await open(path);
    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(started?.early).toEqual([]);
    expect(sim.count({ operation: 'GetBackendJob' })).toBe(0);
  });

  it('offline: no request (the app shows what it knew and waits for the network)', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { started } = await open(job.path, { online: false });
    expect(started?.early).toEqual([]);
    expect(getJobRequests(job.jobId)).toBe(0);
  });

  it('a config that is not valid: nothing is sent; the app loads at once to say what is wrong', async () => {
    const { started } = await open('/', {
      loadConfig: () => Promise.resolve({ kind: 'invalid', problems: [{ field: 'region', expected: 'an AWS region' }] }),
    });
    expect(started?.loaded.kind).toBe('invalid');
    expect(sim.count()).toBe(0);
  });

  it('the app’s own chunk does not load: a readable error with Reload, not a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await open(job.path, {}, () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/boot-A.js')),
    );

    expect(screen.getByRole('heading', { name: 'The dashboard could not start' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Part of the dashboard did not load');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });
});
