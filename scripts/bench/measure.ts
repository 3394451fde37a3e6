import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { openPage, sleep, type ResourceEntry } from './browser';
import type { BenchSim } from './sim';
import type { StaticSite } from './staticServer';

export const REGION = 'us-east-1';
export const APP_ID = 'd2k9xq7v1ab3cd';
export const ENV_NAME = 'staging';

export interface BenchJob {
  jobId: string;
  startedAt: number;
  path: string;
}

/** A RUNNING job with a fresh ID, so every page load and phase reads its own job and its own request log. */
export function createRunningJob(bench: BenchSim): BenchJob {
  const jobId = randomUUID();
  const startedAt = bench.sim.now();
  bench.putJob({
    region: REGION,
    appId: APP_ID,
    envName: ENV_NAME,
    jobId,
    operation: 'UpdateBackendAuth',
    steps: [{ status: 'RUNNING', atMs: 0 }],
    startedAt,
  });
  return { jobId, startedAt, path: `/apps/${APP_ID}/environments/${ENV_NAME}/jobs/${jobId}` };
}

/** The same job, COMPLETED from epoch time `at` on (the job store keeps steps relative to the job's start). */
export function completeJobAt(bench: BenchSim, job: BenchJob, at: number): void {
  bench.putJob({
    region: REGION,
    appId: APP_ID,
    envName: ENV_NAME,
    jobId: job.jobId,
    operation: 'UpdateBackendAuth',
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: at - job.startedAt },
    ],
    startedAt: job.startedAt,
  });
}

export interface WaterfallRow {
  what: string;
  startMs: number;
  endMs: number;
  gzipBytes: number;
}

export interface LoadRun {
  variant: string;
  round: number;
  ok: boolean;
  error?: string;
  /** Navigation start → status element in the DOM (ms). */
  timeToStatusMs: number;
  status: string;
  /** JS/CSS whose response ended before the status appeared: gzip body bytes (Resource Timing encodedBodySize). */
  firstLoadJsGzip: number;
  firstLoadCssGzip: number;
  firstLoadFiles: { path: string; gzipBytes: number; endMs: number }[];
  /** JS/CSS requested before the status appeared but still arriving then (not counted above). */
  inFlightAtStatus: string[];
  htmlGzip: number;
  /** Resource Timing's body size differs from the served gzip size (should never happen). */
  sizeMismatches: string[];
  waterfall: WaterfallRow[];
  backendRequestsBeforeStatus: number;
  cognitoRequestsBeforeStatus: number;
  maxBackendInFlight: number;
  /** Milestones on the way to the status (ms since navigation start; NaN when not seen). */
  milestones: Milestones;
  /** Main-thread long tasks (≥ 50 ms) before the status: their time, clipped at the status. */
  longTaskMsBeforeStatus: number;
}

export interface Milestones {
  /** The last JS/CSS file counted in first-load bytes has arrived. */
  assetsLoaded: number;
  /** The first request to Cognito Identity starts. */
  firstCognitoStart: number;
  /** The last Cognito Identity answer before the job request: credentials in hand. */
  credentialsAnswered: number;
  /** GetBackendJob starts, and is answered. */
  jobRequestStart: number;
  jobAnswered: number;
  statusShown: number;
}

export const MILESTONE_LABELS: Record<keyof Milestones, string> = {
  assetsLoaded: 'first-load JS/CSS all arrived',
  firstCognitoStart: 'first Cognito Identity request sent',
  credentialsAnswered: 'credentials answered (last Cognito response)',
  jobRequestStart: 'GetBackendJob sent',
  jobAnswered: 'GetBackendJob answered',
  statusShown: 'status in the DOM',
};

function describeResource(entry: ResourceEntry, siteOrigin: string, simOrigin: string): string {
  const url = new URL(entry.name);
  if (url.origin === siteOrigin) return url.pathname;
  if (entry.name.startsWith(simOrigin)) {
    if (url.pathname.startsWith('/backend/')) return 'sim: GetBackendJob (incl. CORS preflight)';
    return 'sim: Cognito Identity POST (incl. CORS preflight)';
  }
  return entry.name;
}

/** One cold page load of a deep link under CPU and network throttling. */
export async function loadOnce(
  browser: Browser,
  bench: BenchSim,
  site: StaticSite,
  variant: string,
  round: number,
): Promise<LoadRun> {
  const job = createRunningJob(bench);
  const opened = await openPage(browser, { simOrigin: bench.origin, throttle: true });
  const run: LoadRun = {
    variant,
    round,
    ok: false,
    timeToStatusMs: Number.NaN,
    status: '',
    firstLoadJsGzip: 0,
    firstLoadCssGzip: 0,
    firstLoadFiles: [],
    inFlightAtStatus: [],
    htmlGzip: 0,
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
    longTaskMsBeforeStatus: 0,
  };
  try {
    await opened.page.goto(site.origin + job.path, { waitUntil: 'commit' });
    const shown = await opened.waitForStatus(() => true, 30_000);
    run.timeToStatusMs = shown.at;
    run.status = shown.text;
    run.backendRequestsBeforeStatus = opened.traffic.started.filter((r) => r.kind === 'amplifybackend').length;
    run.cognitoRequestsBeforeStatus = opened.traffic.started.filter((r) => r.kind === 'cognito').length;
    // Let what was already requested finish, so it shows in Resource Timing as "in flight at status".
    await opened.page.waitForLoadState('load', { timeout: 15_000 }).catch(() => undefined);
    await sleep(200);
    const timings = await opened.readTimings();
    run.htmlGzip = timings.navigation?.encodedBodySize ?? 0;
    for (const entry of timings.resources) {
      const url = new URL(entry.name);
      if (url.origin !== site.origin || !/\.(js|css)$/.test(url.pathname)) continue;
      if (entry.responseEnd <= shown.at) {
        const served = site.gzipSize(url.pathname);
        if (served !== undefined && served !== entry.encodedBodySize) {
          run.sizeMismatches.push(`${url.pathname}: browser ${entry.encodedBodySize} B, served ${served} B`);
        }
        run.firstLoadFiles.push({ path: url.pathname, gzipBytes: entry.encodedBodySize, endMs: Math.round(entry.responseEnd) });
        if (url.pathname.endsWith('.css')) run.firstLoadCssGzip += entry.encodedBodySize;
        else run.firstLoadJsGzip += entry.encodedBodySize;
      } else if (entry.startTime < shown.at) {
        run.inFlightAtStatus.push(url.pathname);
      }
    }
    const rows: WaterfallRow[] = [];
    if (timings.navigation) {
      rows.push({
        what: 'document',
        startMs: 0,
        endMs: Math.round(timings.navigation.responseEnd),
        gzipBytes: timings.navigation.encodedBodySize,
      });
    }
    for (const entry of timings.resources) {
      if (entry.startTime > shown.at) continue;
      rows.push({
        what: describeResource(entry, site.origin, bench.origin),
        startMs: Math.round(entry.startTime),
        endMs: Math.round(entry.responseEnd),
        gzipBytes: entry.encodedBodySize,
      });
    }
    for (const task of timings.longTasks) {
      if (task.start >= shown.at) continue;
      rows.push({
        what: 'main thread busy (long task)',
        startMs: Math.round(task.start),
        endMs: Math.round(task.start + task.duration),
        gzipBytes: 0,
      });
    }
    rows.push({
      what: `status "${shown.text}" in the DOM`,
      startMs: Math.round(shown.at),
      endMs: Math.round(shown.at),
      gzipBytes: 0,
    });
    run.waterfall = rows.sort((a, b) => a.startMs - b.startMs);
    const sim = timings.resources.filter((e) => e.name.startsWith(bench.origin) && e.startTime <= shown.at);
    const cognito = sim.filter((e) => !new URL(e.name).pathname.startsWith('/backend/'));
    const jobRequest = sim.find((e) => new URL(e.name).pathname.startsWith('/backend/'));
    const before = (e: ResourceEntry) => !jobRequest || e.startTime < jobRequest.startTime;
    run.milestones = {
      assetsLoaded: Math.max(...run.firstLoadFiles.map((f) => f.endMs)),
      firstCognitoStart: cognito[0]?.startTime ?? Number.NaN,
      credentialsAnswered: Math.max(...cognito.filter(before).map((e) => e.responseEnd)),
      jobRequestStart: jobRequest?.startTime ?? Number.NaN,
      jobAnswered: jobRequest?.responseEnd ?? Number.NaN,
      statusShown: shown.at,
    };
    run.longTaskMsBeforeStatus = timings.longTasks
      .filter((task) => task.start < shown.at)
      .reduce((sum, task) => sum + Math.min(task.duration, shown.at - task.start), 0);
    run.maxBackendInFlight = opened.traffic.maxBackendInFlight;
    run.ok = true;
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    const text = await opened.page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '');
    if (text) run.error += ` — page says: ${text.slice(0, 300).replace(/\s+/g, ' ')}`;
  } finally {
    await opened.close();
  }
  return run;
}

export interface DetectionSample {
  /** When, after the poll that last saw RUNNING was answered, the job turned COMPLETED (ms). */
  flipAfterPollMs: number;
  /** Job turned COMPLETED (simulation's clock) → COMPLETED in the page's DOM (page's clock; same machine clock). */
  latencyMs: number;
  /** Server time between the poll before the change and the poll that saw COMPLETED: the real poll period. */
  pollGapMs: number;
  /** The poll that saw COMPLETED was answered (server) → COMPLETED in the DOM. */
  answerToScreenMs: number;
  ok: boolean;
  error?: string;
}

/**
 * Detection latency in real time. For sample k of n the job turns COMPLETED 50 ms + k/n of an
 * interval after a poll was answered: k = 0 is the worst case (the change just missed a poll).
 */
export async function detectionSamples(
  browser: Browser,
  bench: BenchSim,
  site: StaticSite,
  intervalMs: number,
  samples: number,
  progress: (message: string) => void,
): Promise<{ samples: DetectionSample[]; maxBackendInFlight: number }> {
  const results: DetectionSample[] = [];
  let maxBackendInFlight = 0;
  for (let k = 0; k < samples; k += 1) {
    const job = createRunningJob(bench);
    const opened = await openPage(browser, { simOrigin: bench.origin, throttle: true });
    const flipAfterPollMs = 50 + Math.round((k * intervalMs) / samples);
    try {
      await opened.page.goto(site.origin + job.path, { waitUntil: 'commit' });
      await opened.waitForStatus((c) => c.tone === 'running', 30_000);
      const answered = () => bench.records((r) => r.service === 'amplifybackend' && r.jobId === job.jobId && r.status === 200);
      const before = answered().length;
      const deadline = Date.now() + intervalMs * 3;
      while (answered().length === before && Date.now() < deadline) await sleep(5);
      const poll = answered().at(-1);
      if (!poll || answered().length === before) throw new Error('no poll after the first status');
      const flipAt = poll.at + flipAfterPollMs;
      completeJobAt(bench, job, flipAt);
      const shown = await opened.waitForStatus((c) => c.tone === 'completed', intervalMs * 3 + 10_000);
      const seen = answered().find((r) => r.at >= flipAt);
      const sample: DetectionSample = {
        flipAfterPollMs,
        latencyMs: shown.wall - flipAt,
        pollGapMs: seen ? seen.at - poll.at : Number.NaN,
        answerToScreenMs: seen ? shown.wall - seen.at : Number.NaN,
        ok: true,
      };
      results.push(sample);
      progress(
        `detection ${k + 1}/${samples}: COMPLETED ${flipAfterPollMs} ms after a poll, shown ${sample.latencyMs} ms later ` +
          `(polls ${sample.pollGapMs} ms apart; answer → screen ${sample.answerToScreenMs} ms)`,
      );
    } catch (error) {
      results.push({
        flipAfterPollMs,
        latencyMs: Number.NaN,
        pollGapMs: Number.NaN,
        answerToScreenMs: Number.NaN,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
      progress(`detection ${k + 1}/${samples} failed: ${results.at(-1)?.error}`);
    } finally {
      maxBackendInFlight = Math.max(maxBackendInFlight, opened.traffic.maxBackendInFlight);
      await opened.close();
    }
  }
  return { samples: results, maxBackendInFlight };
}

export interface EconomyPhase {
  name: string;
  /** Simulated minutes the phase lasted. */
  minutes: number;
  getBackendJob: number;
  /** Every request to the simulated AWS (Cognito included). */
  allRequests: number;
  /** allRequests per simulated minute. */
  perMinute: number;
  /** Median time between consecutive GetBackendJob calls in the phase (null: fewer than two). */
  medianPollGapMs: number | null;
}

export interface EconomyResult {
  stepMs: number;
  simulatedMinutes: number;
  phases: EconomyPhase[];
  /** Cognito Identity calls over the whole watch (GetId, GetCredentialsForIdentity). */
  credentialCalls: { getId: number; getCredentialsForIdentity: number; total: number };
  /** Answers other than 200 during the watch (there should be none). */
  non200: number;
  maxBackendInFlight: { browser: number; server: number };
  /** Simulated time from the job turning COMPLETED to the page showing it (coarse: 1 s steps, hidden→visible just before). */
  completedShownAfterMs: number;
  browserRequestCount: number;
  realSeconds: number;
}

/**
 * A simulated 15-minute watch of one job on Playwright's fake clock: 5 min visible, 5 min hidden
 * (the job keeps RUNNING), visible again, the job turns COMPLETED 30 s later, then 5 min after the
 * page showed it, with a hide/show and focus/online events in between.
 * The page loads in real time; then its clock is paused on a whole second and moved on in 1 s
 * steps with runFor (every timer due in the step fires at its own time). The simulation's clock is
 * frozen at the same instant and moved with it, so both agree on every timestamp and requests take
 * no simulated time: a poll interval restarted when an answer arrives restarts on a step boundary,
 * and a 5 s interval is exactly five steps. (With the clock left running between steps, answers
 * arrive after the step's end and each poll drifts up to a step late: the visible rate then reads
 * ~11.5/min, an artefact of stepping.) Between steps the bench waits until no request to the
 * simulation is in flight and none has started for 50 ms.
 */
export async function requestEconomy(
  browser: Browser,
  bench: BenchSim,
  site: StaticSite,
  progress: (message: string) => void,
): Promise<EconomyResult> {
  const stepMs = 1_000;
  const began = Date.now();
  const job = createRunningJob(bench);
  const opened = await openPage(browser, { simOrigin: bench.origin, throttle: false, overrideVisibility: true, fakeClock: true });
  const { page, traffic } = opened;
  const settle = async () => {
    for (;;) {
      await sleep(15);
      if (traffic.inFlight === 0 && Date.now() - traffic.lastActivity >= 50) return;
    }
  };
  const advance = async (steps: number, during?: (step: number) => Promise<void>) => {
    for (let step = 0; step < steps; step += 1) {
      bench.clock.frozenAt = (bench.clock.frozenAt ?? Date.now()) + stepMs;
      await page.clock.runFor(stepMs);
      await settle();
      if (during) await during(step + 1);
    }
  };
  const phase = (name: string, from: number, to: number): EconomyPhase => {
    const inWindow = bench.records((r) => r.at >= from && r.at < to);
    const polls = inWindow.filter(
      (r) => r.service === 'amplifybackend' && r.operation === 'GetBackendJob' && r.jobId === job.jobId,
    );
    const gaps = polls
      .slice(1)
      .map((r, i) => r.at - (polls[i] as { at: number }).at)
      .sort((a, b) => a - b);
    const minutes = (to - from) / 60_000;
    return {
      name,
      minutes,
      getBackendJob: polls.length,
      allRequests: inWindow.length,
      perMinute: inWindow.length / minutes,
      medianPollGapMs: gaps.length ? (gaps[Math.floor(gaps.length / 2)] as number) : null,
    };
  };

  bench.resetMaxInFlight();
  const watchStart = bench.sim.now();
  try {
    await page.goto(site.origin + job.path, { waitUntil: 'commit' });
    await opened.waitForStatus((c) => c.tone === 'running', 30_000);
    await settle();
    const pausedAt = Math.ceil(((await page.evaluate('Date.now()')) as number) / 1000) * 1000 + 1000;
    await page.clock.pauseAt(pausedAt);
    bench.clock.frozenAt = pausedAt;
    await settle();

    const visibleFrom = bench.sim.now();
    await advance(300, async (step) => {
      if (step % 60 === 0) progress(`economy: visible, ${step / 60} of 5 simulated minutes`);
    });
    const hiddenFrom = bench.sim.now();
    await opened.setHidden(true);
    await settle();
    await advance(300, async (step) => {
      if (step % 60 === 0) progress(`economy: hidden, ${step / 60} of 5 simulated minutes`);
    });
    const hiddenTo = bench.sim.now();
    await opened.setHidden(false);
    await settle();

    const completedAt = bench.sim.now() + 30_000;
    completeJobAt(bench, job, completedAt);
    let shownAt = Number.NaN;
    for (let step = 0; step < 180 && Number.isNaN(shownAt); step += 1) {
      await advance(1);
      if (opened.changes.some((c) => c.tone === 'completed')) shownAt = bench.sim.now();
    }
    if (Number.isNaN(shownAt)) throw new Error('the page never showed COMPLETED');
    progress('economy: job COMPLETED and shown; 5 more simulated minutes');

    const endedFrom = bench.sim.now();
    await advance(300, async (step) => {
      if (step === 120) await opened.setHidden(true);
      if (step === 150) await opened.setHidden(false);
      if (step === 180)
        await page.evaluate(`window.dispatchEvent(new Event('focus')); window.dispatchEvent(new Event('online'))`);
    });
    const endedTo = bench.sim.now();

    const watch = bench.records((r) => r.at >= watchStart && r.at < endedTo);
    const cognito = watch.filter((r) => r.service === 'cognito-identity');
    const getId = cognito.filter((r) => r.operation === 'GetId').length;
    const getCredentialsForIdentity = cognito.filter((r) => r.operation === 'GetCredentialsForIdentity').length;
    return {
      stepMs,
      simulatedMinutes: (endedTo - watchStart) / 60_000,
      phases: [
        phase('running, visible', visibleFrom, hiddenFrom),
        phase('running, hidden', hiddenFrom, hiddenTo),
        phase('visible again until COMPLETED was shown', hiddenTo, endedFrom),
        phase('after COMPLETED was shown', endedFrom, endedTo),
      ],
      credentialCalls: { getId, getCredentialsForIdentity, total: cognito.length },
      non200: watch.filter((r) => r.status !== 200).length,
      maxBackendInFlight: { browser: traffic.maxBackendInFlight, server: bench.maxBackendInFlight },
      completedShownAfterMs: shownAt - completedAt,
      browserRequestCount: traffic.started.length,
      realSeconds: (Date.now() - began) / 1000,
    };
  } finally {
    await opened.close();
    bench.clock.frozenAt = null;
  }
}
