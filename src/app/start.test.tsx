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
  const opened: Opened = { root, drawnBeforeApp: undefined, started: undefined, loadApp: vi.fn<() => Promise<AppModule>>() };
  const app: AppModule = {
    boot: (_container, started) => {
      opened.started = started;
      return Promise.resolve();
    },
  };
  opened.loadApp.mockImplementation(() => {
    opened.drawnBeforeApp = root.querySelector('[aria-label="Job status"] [data-tone]') !== null;
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

  it('a board link: every row’s request leaves before the app is asked for; the rows are the app’s to draw', async () => {
    const first = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { drawnBeforeApp, started } = await open(boardPath([jobRef(first.jobId), jobRef(second.jobId)]));

    expect(drawnBeforeApp).toBe(false);
    expect(started?.early.map((request) => request.ref.jobId)).toEqual([first.jobId, second.jobId]);
    await Promise.all(started?.early.map((request) => request.answer) ?? []);
    expect([getJobRequests(first.jobId), getJobRequests(second.jobId)]).toEqual([1, 1]);
  });

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
