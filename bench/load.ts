import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { createRunningJob } from './jobs';
import { analyseLoad, type LoadAnalysis } from './loadAnalysis';
import { openPage, sleep, type PageTimings, type StatusChange } from './page';

/**
 * One timed page load of a job deep link under CPU and network throttling: cold (a new context:
 * empty HTTP cache and storage) or warm (the context an earlier cold visit left: assets cached,
 * the guest identity ID stored, so only GetCredentialsForIdentity is left to ask Cognito).
 */

export type Visit = 'cold' | 'warm';

export interface LoadRun extends LoadAnalysis {
  variant: string;
  visit: Visit;
  round: number;
  ok: boolean;
  error?: string;
  /** Navigation start → status element in the DOM (ms). */
  timeToStatusMs: number;
  status: string;
  backendRequestsBeforeStatus: number;
  cognitoRequestsBeforeStatus: number;
  maxBackendInFlight: number;
  /** Real time the load ended (the status and what was already requested in): to space a warm visit. */
  endedAt: number;
}

export interface VisitHooks {
  /** Before the navigation (e.g. to start a trace). */
  beforeNavigation?(page: Page): Promise<void>;
  /** Once the status showed and the load settled, with what the page recorded. */
  afterStatus?(page: Page, shown: StatusChange, timings: PageTimings): Promise<void>;
}

function emptyRun(variant: string, visit: Visit, round: number): LoadRun {
  return {
    variant,
    visit,
    round,
    ok: false,
    timeToStatusMs: Number.NaN,
    status: '',
    firstLoadJsGzip: 0,
    firstLoadCssGzip: 0,
    firstLoadFiles: [],
    inFlightAtStatus: [],
    htmlGzip: 0,
    transferredBeforeStatus: 0,
    sizeMismatches: [],
    waterfall: [],
    backendRequestsBeforeStatus: 0,
    cognitoRequestsBeforeStatus: 0,
    maxBackendInFlight: 0,
    milestones: {
      assetsLoaded: Number.NaN,
      firstCognitoStart: Number.NaN,
      credentialsAnswered: Number.NaN,
      jobRequestStart: Number.NaN,
      jobAnswered: Number.NaN,
      statusShown: Number.NaN,
    },
    longTasksBeforeStatus: [],
    longTaskMsBeforeStatus: 0,
    cognitoGaps: [],
    endedAt: Date.now(),
  };
}

/**
 * Loads a new RUNNING job's deep link in `target` (a browser: a new context; a context: a warm
 * visit) and measures it. Never throws: a failed load is a run with `ok: false`.
 */
export async function visitJob(
  target: Browser | BrowserContext,
  bench: Simulator,
  site: StaticSite,
  variant: string,
  visit: Visit,
  round: number,
  hooks: VisitHooks = {},
): Promise<LoadRun> {
  const job = createRunningJob(bench);
  const opened = await openPage(target, { simOrigin: bench.origin, throttle: true });
  let run = emptyRun(variant, visit, round);
  try {
    await hooks.beforeNavigation?.(opened.page);
    await opened.page.goto(site.origin + job.path, { waitUntil: 'commit' });
    const shown = await opened.waitForStatus(() => true, 30_000);
    const backendRequestsBeforeStatus = opened.traffic.started.filter((r) => r.kind === 'amplifybackend').length;
    const cognitoRequestsBeforeStatus = opened.traffic.started.filter((r) => r.kind === 'cognito').length;
    // Let what was already requested finish, so it shows in Resource Timing as "in flight at status".
    await opened.page.waitForLoadState('load', { timeout: 15_000 }).catch(() => undefined);
    await sleep(200);
    const timings = await opened.readTimings();
    await hooks.afterStatus?.(opened.page, shown, timings);
    run = {
      ...run,
      ...analyseLoad(timings, shown, site, bench.origin),
      ok: true,
      timeToStatusMs: shown.at,
      status: shown.text,
      backendRequestsBeforeStatus,
      cognitoRequestsBeforeStatus,
      maxBackendInFlight: opened.traffic.maxBackendInFlight,
    };
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    const text = await opened.page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '');
    if (text) run.error += ` — page says: ${text.slice(0, 300).replace(/\s+/g, ' ')}`;
  } finally {
    await opened.close();
    run.endedAt = Date.now();
  }
  return run;
}
