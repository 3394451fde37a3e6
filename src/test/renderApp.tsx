import type { QueryClient } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { onTestFinished, vi } from 'vitest';
import { App } from '../app/App';
import { startDeepLinkRequests } from '../app/deepLinkRequests';
import { createQueryClient, createServices, type AppServices } from '../app/services';
import { configureAuth } from '../shared/aws/credentials';
import type { AppConfig } from '../shared/config/appConfig';
import { jobPagePath } from '../shared/domain/jobRoutes';
import { setElectionEnvironment } from '../shared/queries/jobPollElections';
import { DEMO_GUIDE } from '../simulated-aws/demoGuide';
import type { SimHostingJobSpec } from '../simulated-aws/hostingJobStore';
import type { SimJobSpec } from '../simulated-aws/jobStore';
import { resetAmplifyAuth } from './amplifyAuth';
import { FakeHub, FakeLocks } from './fakeElection';
import { sim } from './server';
import { testConfig, type TestConfigOptions } from './testConfig';

// The machine running the suite may be busy: give findBy*/waitFor room before calling a failure.
configure({ asyncUtilTimeout: 10_000 });

export * from './testConfig';
export { resetAmplifyAuth } from './amplifyAuth';

export interface RenderAppOptions extends TestConfigOptions {
  /** Path and query to open, e.g. `/apps/a/environments/e/jobs/j?region=eu-west-1`. */
  path?: string;
  /** Wrap in <StrictMode> as main.tsx does (default true). */
  strict?: boolean;
  /** Send the deep link's first requests before the first render, as boot does (default false). */
  bootRequests?: boolean;
  /** Cross-tab elections over simulated Web Locks and BroadcastChannel, as in a real browser (default: none, as in jsdom). */
  elections?: boolean;
  /** AmplifyBackend jobs to put into the simulated AWS before the app starts. */
  jobs?: SimJobSpec[];
  /** Amplify Hosting jobs to put into the simulated AWS before the app starts. */
  hostingJobs?: SimHostingJobSpec[];
}

export interface RenderedApp extends RenderResult {
  config: AppConfig;
  services: AppServices;
  queryClient: QueryClient;
  user: ReturnType<typeof userEvent.setup>;
}

/**
 * Boots the real app the way main.tsx does (real Amplify auth, real SigV4 client, React Query),
 * against the simulated AWS behind MSW. Each call gets a fresh QueryClient and a clean Amplify
 * session.
 */
export async function renderApp(options: RenderAppOptions = {}): Promise<RenderedApp> {
  for (const spec of options.jobs ?? []) sim.jobs.put(spec);
  for (const spec of options.hostingJobs ?? []) sim.hostingJobs.put(spec);
  return renderAppWithConfig(testConfig(options), options);
}

/** renderApp() for any config. The identity pool refuses guests when the config does. */
export async function renderAppWithConfig(
  config: AppConfig,
  options: {
    path?: string;
    strict?: boolean;
    /**
     * Keep what Amplify stored (tokens, the Hosted UI's state and PKCE verifier), as a page load in
     * the same tab would: for coming back from the Hosted UI. Default false: a clean session.
     */
    keepStorage?: boolean;
    bootRequests?: boolean;
    elections?: boolean;
  } = {},
): Promise<RenderedApp> {
  if (!options.keepStorage) await resetAmplifyAuth();
  // A config without guests means a pool without guests; a test may still refuse guests on its own.
  if (config.Auth.Cognito.allowGuestAccess !== true) sim.guestAccess = false;
  configureAuth(config);
  const services = createServices(config, config.demo ? { demoGuide: DEMO_GUIDE } : {});
  const queryClient = createQueryClient(services);
  window.history.replaceState(null, '', options.path ?? '/');
  // The app's navigate() scrolls to the top; jsdom has no layout and logs "Not implemented".
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  if (options.elections) {
    setElectionEnvironment({ locks: new FakeLocks(), openChannel: new FakeHub().open });
    onTestFinished(() => setElectionEnvironment(undefined));
  }
  if (options.bootRequests) await startDeepLinkRequests(window.location, config, services, queryClient);
  const app = <App services={services} queryClient={queryClient} />;
  const user = userEvent.setup();
  const result = render(options.strict === false ? app : <StrictMode>{app}</StrictMode>);
  // Unmounting (Testing Library's cleanup) already aborts in-flight job requests; clearing the
  // cache as well stops anything this test started from outliving it.
  onTestFinished(() => queryClient.clear());
  return { ...result, config, services, queryClient, user };
}

let jobCounter = 0;

/** A job ID unique to this test run, so request counts never mix jobs from different tests. */
export function uniqueJobId(): string {
  jobCounter += 1;
  const n = jobCounter.toString(16).padStart(12, '0');
  return `${crypto.randomUUID().slice(0, 24)}${n}`;
}

export const TEST_APP_ID = 'd1a2b3c4e5f6g7';
export const TEST_ENV = 'staging';

/** Puts a job into the simulated AWS (defaults: this app, env and region, RUNNING from now). */
export function addJob(spec: Partial<SimJobSpec> & Pick<SimJobSpec, 'steps'>): SimJobSpec & { path: string } {
  const full: SimJobSpec = {
    appId: TEST_APP_ID,
    envName: TEST_ENV,
    jobId: uniqueJobId(),
    operation: 'CreateBackendAuth',
    ...spec,
  };
  sim.jobs.put(full);
  return { ...full, path: jobPagePath({ appId: full.appId, envName: full.envName, jobId: full.jobId }) };
}

/** GetBackendJob requests the simulated AWS has answered for one job. */
export function getJobRequests(jobId: string): number {
  return sim.count({ operation: 'GetBackendJob', jobId });
}

/**
 * Moves a simulated job to `status` now (its next GetBackendJob answer says so), instead of
 * scripting the change at a fixed time that a slow machine might already have passed.
 */
export function setJobStatus(spec: SimJobSpec, status: string): void {
  const job = sim.jobs.get(spec.region ?? 'us-east-1', spec.appId, spec.envName, spec.jobId);
  if (!job) throw new Error(`No simulated job ${spec.jobId}`);
  job.steps.push({ status, atMs: Math.max(0, Date.now() - job.startedAt) });
}

export const TEST_BRANCH = 'main';
let hostingJobCounter = 0;

/**
 * Puts an Amplify Hosting job into the simulated AWS (defaults: this app and region, branch
 * `main`, a job ID unique to this test run, PROVISIONING from now with no steps).
 */
export function addHostingJob(spec: Partial<SimHostingJobSpec> = {}): SimHostingJobSpec {
  hostingJobCounter += 1;
  const full: SimHostingJobSpec = {
    appId: TEST_APP_ID,
    branchName: TEST_BRANCH,
    jobId: String(1000 + hostingJobCounter),
    steps: [],
    ...spec,
  };
  sim.hostingJobs.put(full);
  return full;
}

/** GetJob requests the simulated AWS has answered for one hosting job. */
export function getHostingJobRequests(jobId: string): number {
  return sim.count({ service: 'amplify', operation: 'GetJob', jobId });
}
