import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
  type Request,
  type TestInfo,
} from '@playwright/test';
import { hostingJobPagePath } from '../src/shared/domain/jobRoutes';
import { simulatedAccountConfig as accountConfigFor } from '../src/simulated-aws/accountConfig';
import type { SimHostingJobSpec, SimHostingStepSpec } from '../src/simulated-aws/hostingJobStore';
import type { SimFault, SimJobSpec, SimJobStep } from '../src/simulated-aws/jobStore';
import { APP_ORIGIN, SIM_ORIGIN } from './simConfig';

export { expect };

export interface JobRequest {
  region?: string;
  operation?: string;
  steps?: SimJobStep[];
  error?: string;
  faults?: SimFault[];
  startedAt?: number;
  appId?: string;
  envName?: string;
  jobId?: string;
}

export interface SimJob {
  appId: string;
  envName: string;
  jobId: string;
  region: string;
  /** Start of the job, epoch ms (same clock as the simulated AWS: both run on this machine). */
  startedAt: number;
  /** The job page's path. */
  path: string;
}

/** GetBackendJob for `jobId`: GET /backend/{appId}/job/{envName}/{jobId} (the page's own address ends with the ID too). */
export function isGetBackendJob(request: Request, jobId: string): boolean {
  const { pathname } = new URL(request.url());
  return request.method() === 'GET' && pathname.startsWith('/backend/') && pathname.endsWith(`/${encodeURIComponent(jobId)}`);
}

/** An Amplify Hosting job (a branch's build and deploy) for the simulated AWS; IDs unique to the test unless given. */
export type HostingJobRequest = Partial<Omit<SimHostingJobSpec, 'steps'>> & { steps?: SimHostingStepSpec[] };

export interface SimHostingJob {
  appId: string;
  branchName: string;
  /** Digits only, as Amplify Hosting numbers a branch's jobs. */
  jobId: string;
  region: string;
  /** Start of the job, epoch ms. */
  startedAt: number;
  /** The hosting job page's path (the branch one percent-encoded segment). */
  path: string;
}

export interface Sim {
  /** Creates a job with IDs unique to this test. */
  createJob(request?: JobRequest): Promise<SimJob>;
  /**
   * Replaces an existing job's script (same IDs, same start unless given): e.g. scripts faults
   * for requests still to come, after a good first load.
   */
  replaceJob(job: SimJob, request: Omit<JobRequest, 'appId' | 'envName' | 'jobId' | 'region'>): Promise<SimJob>;
  /** Creates an Amplify Hosting job; one BUILD step running from its start unless steps are given. */
  createHostingJob(request?: HostingJobRequest): Promise<SimHostingJob>;
  /** Replaces a hosting job's script (same IDs, same start unless given): its state as of now. */
  replaceHostingJob(
    job: SimHostingJob,
    request: Omit<HostingJobRequest, 'appId' | 'branchName' | 'jobId' | 'region'>,
  ): Promise<SimHostingJob>;
  count(filter: { service?: string; operation?: string; jobId?: string }): Promise<number>;
  expireCredentials(): Promise<void>;
}

/** A config.json for a real deployment whose AWS is the simulated one on loopback, checking every second. */
export function simulatedAccountConfig(overrides: Record<string, unknown> = {}) {
  return accountConfigFor(SIM_ORIGIN, { pollIntervalSeconds: 1, ...overrides });
}

/** The home page's "Open a job" form, found by role and label as a person would. */
export function openJobForm(page: Page) {
  const section = page.getByRole('region', { name: 'Open a job' });
  return {
    section,
    region: section.getByLabel('Region', { exact: true }),
    appId: section.getByLabel('App ID', { exact: true }),
    envName: section.getByLabel('Environment', { exact: true }),
    jobId: section.getByLabel('Job ID', { exact: true }),
    open: section.getByRole('button', { name: 'Open' }),
  };
}

export async function serveConfig(page: Page, config: unknown, status = 200): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: typeof config === 'string' ? config : JSON.stringify(config),
    }),
  );
}

/** Every request a page sends, as the browser saw it (page.on('request')). */
export interface RequestLog {
  readonly all: Request[];
  /** Requests to the simulated AWS over HTTP (Cognito and AmplifyBackend). */
  toSim(): Request[];
  /** GetBackendJob calls (GET /backend/{app}/job/{env}/{job}), optionally for one job ID. */
  getBackendJob(jobId?: string): Request[];
  /** Requests to anywhere but the app's own origin. */
  offOrigin(): Request[];
}

const BACKEND_JOB_PATH = /^\/backend\/[^/]+\/job\/[^/]+\/([^/]+)$/;

export function recordRequests(page: Page): RequestLog {
  const all: Request[] = [];
  page.on('request', (request) => all.push(request));
  return {
    all,
    toSim: () => all.filter((request) => new URL(request.url()).origin === SIM_ORIGIN),
    getBackendJob: (jobId) =>
      all.filter((request) => {
        if (request.method() !== 'GET') return false;
        const match = BACKEND_JOB_PATH.exec(new URL(request.url()).pathname);
        return match !== null && (jobId === undefined || decodeURIComponent(match[1] ?? '') === jobId);
      }),
    offOrigin: () => all.filter((request) => new URL(request.url()).origin !== APP_ORIGIN),
  };
}

/**
 * For a page drawn before React: notes when `selector` first matches `count` elements, by the page's own
 * clock (the one Resource Timing uses), and holds the app's own chunk back until the returned release is
 * called, so that what shows meanwhile is the entry's alone. Call before the page loads.
 */
export async function holdAppAndNoteDrawing(page: Page, selector: string, count = 1): Promise<() => void> {
  await page.addInitScript(
    ([watched, wanted]) => {
      new MutationObserver((_, observer) => {
        if (document.querySelectorAll(watched).length < wanted) return;
        (window as unknown as { drawnAt: number }).drawnAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
    [selector, count] as const,
  );
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/boot-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** When the page drew (holdAppAndNoteDrawing), and when React's chunk and each AWS job request started, on one clock. */
export function drawingOrder(page: Page): Promise<{ drawnAt: number; react: number[]; jobs: number[] }> {
  return page.evaluate(() => {
    const started = (pattern: RegExp) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => pattern.test(new URL(entry.name).pathname))
        .map((entry) => entry.startTime);
    return {
      drawnAt: (window as unknown as { drawnAt: number }).drawnAt,
      react: started(/^\/assets\/react-/),
      jobs: started(/^\/backend\//),
    };
  });
}

/** The value shown for one fact of the job ("App ID", "Region", "Created"…), found by its term. */
export function fact(page: Page, term: string): Locator {
  return page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');
}

/** The job's status, as drawn in the "Job status" section. */
export function jobStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Job status' });
}

/** The environment's job list page: `/apps/{app}/environments/{env}/jobs{query}`. */
export function environmentListPath(env: { appId: string; envName: string }, query = ''): string {
  return `/apps/${env.appId}/environments/${env.envName}/jobs${query}`;
}

/** The body rows of the page's table. */
export function tableRows(page: Page): Locator {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

/**
 * How many lines the element's text is laid out on: its boxes' tops, where a button's box on the same
 * line may sit a few pixels off the text's, counted as one line unless half a line apart.
 */
export async function linesOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const half = parseFloat(getComputedStyle(node as Element).fontSize) / 2;
    const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top);
    tops.sort((a, b) => a - b);
    return tops.filter((top, index) => index === 0 || top - (tops[index - 1] ?? top) > half).length;
  });
}

/** The tab title for a job: `RUNNING · 7f3c9e2a… · Amplify Job Watch`. */
export function jobTitle(status: string, jobId: string): string {
  return `${status} · ${jobId.length > 9 ? `${jobId.slice(0, 8)}…` : jobId} · Amplify Job Watch`;
}

let counter = 0;

/**
 * The test-side handle on a simulated AWS: the shared one at SIM_ORIGIN, or another instance over
 * loopback (for tests whose control routes act on every user or credential of the instance).
 */
export function createSimHandle(request: APIRequestContext, testInfo: TestInfo, origin: string = SIM_ORIGIN): Sim {
  const sim: Sim = {
    async createJob(job = {}) {
      counter += 1;
      const unique = `${testInfo.workerIndex}-${Date.now().toString(36)}-${counter}`;
      const spec: SimJobSpec = {
        region: job.region ?? 'us-east-1',
        appId: job.appId ?? `app${unique.replace(/[^a-z0-9]/g, '')}`,
        envName: job.envName ?? 'staging',
        jobId: job.jobId ?? `job-${unique}`,
        operation: job.operation ?? 'CreateBackendAuth',
        steps: job.steps ?? [{ status: 'RUNNING', atMs: 0 }],
        error: job.error,
        faults: job.faults,
        startedAt: job.startedAt ?? Date.now(),
      };
      const response = await request.post(`${origin}/__sim/jobs`, { data: spec });
      expect(response.ok()).toBeTruthy();
      const region = spec.region ?? 'us-east-1';
      const path = `/apps/${encodeURIComponent(spec.appId)}/environments/${encodeURIComponent(spec.envName)}/jobs/${encodeURIComponent(spec.jobId)}${region === 'us-east-1' ? '' : `?region=${region}`}`;
      return { appId: spec.appId, envName: spec.envName, jobId: spec.jobId, region, startedAt: spec.startedAt as number, path };
    },
    async replaceJob(job, request) {
      return sim.createJob({
        startedAt: job.startedAt,
        ...request,
        appId: job.appId,
        envName: job.envName,
        jobId: job.jobId,
        region: job.region,
      });
    },
    async createHostingJob(job = {}) {
      counter += 1;
      const unique = `${testInfo.workerIndex}${Date.now().toString(36)}${counter}`.replace(/[^a-z0-9]/g, '');
      const spec: SimHostingJobSpec = {
        ...job,
        region: job.region ?? 'us-east-1',
        appId: job.appId ?? `d${unique}`,
        branchName: job.branchName ?? 'main',
        // Digits unique to this run, so GetJob counts by job ID do not mix tests.
        jobId: job.jobId ?? `${testInfo.workerIndex + 1}${Date.now() % 100_000_000}${counter}`,
        steps: job.steps ?? [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
        startedAt: job.startedAt ?? Date.now(),
      };
      const response = await request.post(`${origin}/__sim/hosting-jobs`, { data: spec });
      expect(response.ok()).toBeTruthy();
      const region = spec.region ?? 'us-east-1';
      const path = hostingJobPagePath({
        appId: spec.appId,
        branchName: spec.branchName,
        jobId: spec.jobId,
        ...(region === 'us-east-1' ? {} : { region }),
      });
      return {
        appId: spec.appId,
        branchName: spec.branchName,
        jobId: spec.jobId,
        region,
        startedAt: spec.startedAt as number,
        path,
      };
    },
    async replaceHostingJob(job, request) {
      return sim.createHostingJob({
        startedAt: job.startedAt,
        ...request,
        appId: job.appId,
        branchName: job.branchName,
        jobId: job.jobId,
        region: job.region,
      });
    },
    async count(filter) {
      const response = await request.get(`${origin}/__sim/count?${new URLSearchParams(filter)}`);
      return ((await response.json()) as { count: number }).count;
    },
    async expireCredentials() {
      await request.post(`${origin}/__sim/expire-credentials`);
    },
  };
  return sim;
}

export const test = base.extend<{ sim: Sim; simulatedAccount: Page; requests: RequestLog }>({
  sim: async ({ request }, use, testInfo) => {
    await use(createSimHandle(request, testInfo));
  },
  /** Records the page's requests from before the first navigation. */
  requests: async ({ page }, use) => {
    await use(recordRequests(page));
  },
  /** A page whose config.json points at the simulated AWS over HTTP (the production code path). */
  simulatedAccount: async ({ page }, use) => {
    await serveConfig(page, simulatedAccountConfig());
    await use(page);
  },
});

/**
 * A Copy button's status region, noting the first feedback it shows after this call in
 * `data-feedback`. The feedback stays 2 s of page time, which a busy machine can let pass before an
 * assertion looks at the region; the note stays.
 */
export async function copyFeedbackOf(button: Locator): Promise<Locator> {
  const status = button.locator('xpath=following-sibling::*[@role="status"]');
  await status.evaluate((element) => {
    element.removeAttribute('data-feedback');
    new MutationObserver((_records, observer) => {
      const text = element.textContent ?? '';
      if (text === '') return;
      element.setAttribute('data-feedback', text);
      observer.disconnect();
    }).observe(element, { childList: true, characterData: true, subtree: true });
  });
  return status;
}
