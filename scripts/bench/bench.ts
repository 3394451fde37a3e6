/**
 * `npm run bench`: how fast and how frugal the job page is, against two references, measured in
 * headless Chromium against the simulated AWS over loopback HTTP (real sockets, real CORS
 * preflights, real SigV4 checks; no in-page mocks). A benchmark, not a test: it never fails on a
 * number, it reports. Everything it needs is built on the spot into dist-bench/ (gitignored) and the
 * results go to bench-results/bench.json.
 *
 * The three pages (all served the same way, see staticServer.ts: gzip at zlib's default level like
 * a static host, SPA fallback, /config.json from memory pointing Cognito Identity and AmplifyBackend
 * at the simulation, `/assets/*` cached a year, html/json no-cache):
 * - app:   `vite build` of this repository (Vite's JS API, the repo's vite.config.ts) with
 *          CSP_CONNECT_EXTRA = the simulation's origin.
 * - SDK:   the same app, built with a resolver plugin that swaps src/shared/aws/amplifyBackend.ts for
 *          sdk/amplifyBackend.ts: the client is `@aws-sdk/client-amplifybackend`
 *          (GetBackendJobCommand, endpoint = the simulation), its credentials the app's own Amplify
 *          credential source (sdk/signedFetch.ts only exposes it). The app's signer stays in the
 *          bundle (services.ts still builds it) but shares @smithy/signature-v4 with the SDK.
 * - floor: floor/index.html + floor/floor.js, no framework: config → GetId →
 *          GetCredentialsForIdentity → one GetBackendJob signed with WebCrypto → the status. The
 *          physical limit for this job on this link.
 *
 * What is measured, and how:
 * 1. First-load bytes: the gzip bodies (Resource Timing `encodedBodySize`, checked against the
 *    served gzip size) of the JS and CSS files whose response ended before the status appeared.
 *    Files requested before it but still arriving are listed in the JSON, not counted.
 * 2. Time to status: navigation start → the status element in the DOM. An init script's
 *    MutationObserver records performance.now() (0 = navigation start) when
 *    `[aria-label="Job status"] [data-tone]` has text: the job page's badge, and the floor's copy of
 *    that marker. Reported through a Playwright binding, so nothing polls inside the page.
 *    Each load: a new browser context (cold HTTP cache, empty storage), CDP
 *    Emulation.setCPUThrottlingRate 4 and Network.emulateNetworkConditions 80 ms latency,
 *    10 Mbit/s each way (Chromium delays each request's response by the latency; CORS preflights
 *    are not always delayed, alike for all three pages).
 *    One warm-up round is thrown away; then BENCH_RUNS rounds (default 15, at least 7 for a
 *    result worth quoting), each round loading floor, app and SDK once in an order that rotates
 *    every round, so machine noise hits all three alike. Medians with min–max. Alongside: the
 *    main thread's long tasks before the status (PerformanceObserver 'longtask') and the median
 *    moment of each milestone (assets in, first Cognito call, credentials, GetBackendJob, status)
 *    from Resource Timing, to show where the time goes.
 * 3. Request economy (app only): a simulated 15-minute watch on Playwright's fake clock. The page
 *    loads in real time; then its clock is paused on a whole second and moved on in 1 s steps
 *    with runFor (every timer due in a step fires at its own time), and the simulation's clock is
 *    frozen at the same instant and moved with it: signatures, credential expiry, the job's
 *    timeline, the Date header and the request log all live on the page's simulated time, and a
 *    request takes no simulated time. Between steps the bench waits until nothing to the
 *    simulation is in flight and nothing has started for 50 ms. Phases: 5 min visible, 5 min
 *    hidden (document.visibilityState/hidden overridden by an init script, plus a
 *    visibilitychange event), visible again, the job turns COMPLETED 30 s later, then 5 min after
 *    the page showed it (with a hide/show and focus/online events on the way: a finished job must
 *    not be asked again). Counts come from the simulation's own request log: requests per
 *    simulated minute per phase (and the median gap between polls), Cognito Identity calls over
 *    the watch, and the most AmplifyBackend requests in flight at once, seen both by the browser
 *    (Playwright request events) and by the server. No throttling here: it counts, it does not time.
 * 4. Detection latency (app only, real time, throttled like 2.): a RUNNING job is turned
 *    COMPLETED (a re-put of the job with a COMPLETED step at a chosen epoch time; the job store
 *    keeps steps relative to the job's start) 50 ms + k/n of an interval after a poll was
 *    answered, k = 0…n-1 (k = 0 is the worst case, just missing a poll); latency = that moment →
 *    COMPLETED in the page's DOM (page's Date.now(), same machine clock). BENCH_DETECTION_SAMPLES,
 *    default 5.
 * The served config uses the app's default poll interval, 5 s.
 *
 * Output: a markdown table on stdout (progress goes to stderr), raw runs and summaries in
 * bench-results/bench.json. About 3–5 minutes on 2 cores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { CONDITIONS, launchChromium } from './browser';
import { buildApp, ROOT } from './build';
import {
  detectionSamples,
  loadOnce,
  MILESTONE_LABELS,
  requestEconomy,
  type DetectionSample,
  type EconomyResult,
  type LoadRun,
  type Milestones,
} from './measure';
import { kb, markdownTable, ms, ratio, spread, spreadMs, type Row, type Spread } from './report';
import { simulatedAccountConfig as accountConfigFor } from '../../src/simulated-aws/accountConfig';
import { freePort, startBenchSim, type BenchSim } from './sim';
import { serveStatic, type StaticSite } from './staticServer';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DETECTION_SAMPLES = Number(process.env.BENCH_DETECTION_SAMPLES ?? 5);
const POLL_INTERVAL_SECONDS = 5;
const VARIANTS = ['floor', 'app', 'sdk'] as const;
type Variant = (typeof VARIANTS)[number];

const TARGETS = {
  firstLoadJsGzip: 100 * 1024,
  timeToStatusVsFloor: 1.3,
  requestsAfterEnd: 0,
  maxInFlight: 1,
  detectionMs: POLL_INTERVAL_SECONDS * 1000 + 500,
};

const began = Date.now();
function progress(message: string): void {
  const seconds = Math.round((Date.now() - began) / 1000);
  process.stderr.write(
    `[bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] ${message}\n`,
  );
}

/** A config.json for a deployment whose AWS is the simulation. */
function simulatedAccountConfig(simOrigin: string) {
  return accountConfigFor(simOrigin, { pollIntervalSeconds: POLL_INTERVAL_SECONDS });
}

interface VariantSummary {
  runs: LoadRun[];
  failures: number;
  timeToStatus: Spread;
  firstLoadJsGzip: Spread;
  firstLoadCssGzip: Spread;
  htmlGzip: Spread;
  cognitoRequestsBeforeStatus: Spread;
  backendRequestsBeforeStatus: Spread;
  longTaskMs: Spread;
  /** Median of each milestone on the way to the status, over the successful runs. */
  milestones: Record<keyof Milestones, Spread>;
  /** The run whose time to status is the median (its files and waterfall). */
  medianRun: LoadRun | undefined;
}

function summarise(runs: LoadRun[]): VariantSummary {
  const ok = runs.filter((r) => r.ok);
  const timeToStatus = spread(ok.map((r) => r.timeToStatusMs));
  const byTime = [...ok].sort((a, b) => a.timeToStatusMs - b.timeToStatusMs);
  return {
    runs,
    failures: runs.length - ok.length,
    timeToStatus,
    firstLoadJsGzip: spread(ok.map((r) => r.firstLoadJsGzip)),
    firstLoadCssGzip: spread(ok.map((r) => r.firstLoadCssGzip)),
    htmlGzip: spread(ok.map((r) => r.htmlGzip)),
    cognitoRequestsBeforeStatus: spread(ok.map((r) => r.cognitoRequestsBeforeStatus)),
    backendRequestsBeforeStatus: spread(ok.map((r) => r.backendRequestsBeforeStatus)),
    longTaskMs: spread(ok.map((r) => r.longTaskMsBeforeStatus)),
    milestones: Object.fromEntries(
      (Object.keys(MILESTONE_LABELS) as (keyof Milestones)[]).map((key) => [key, spread(ok.map((r) => r.milestones[key]))]),
    ) as Record<keyof Milestones, Spread>,
    medianRun: byTime[Math.floor((byTime.length - 1) / 2)],
  };
}

function bytesCell(s: Spread): string {
  if (!s.n) return 'n/a';
  return s.min === s.max ? kb(s.median) : `${kb(s.median)} (${kb(s.min)}–${kb(s.max)})`;
}

function verdict(ok: boolean | undefined): Row['verdict'] {
  return ok === undefined ? '' : ok ? 'meets' : 'MISSES';
}

function buildRows(
  summaries: Record<Variant, VariantSummary>,
  economy: EconomyResult | undefined,
  detection: { samples: DetectionSample[]; maxBackendInFlight: number } | undefined,
  maxInFlight: number,
): Row[] {
  const { floor, app, sdk } = summaries;
  const none = { floor: '—', sdk: '—', vsFloor: '', vsSdk: '' };
  // The steady rate from the median gap between polls; the raw count depends on where a phase's edges fall.
  const rate = (p: EconomyResult['phases'][number] | undefined) =>
    !p
      ? 'n/a'
      : p.medianPollGapMs === null
        ? `${p.perMinute.toFixed(1)} (${p.allRequests} requests in ${p.minutes.toFixed(1)} min)`
        : `${(60_000 / p.medianPollGapMs).toFixed(1)} (one every ${(p.medianPollGapMs / 1000).toFixed(1)} s; ${p.allRequests} requests in ${p.minutes.toFixed(1)} min)`;
  const rows: Row[] = [];
  const bytesRow = (metric: string, pick: (s: VariantSummary) => Spread, target = '', ok?: boolean): Row => ({
    metric,
    floor: bytesCell(pick(floor)),
    app: bytesCell(pick(app)),
    sdk: bytesCell(pick(sdk)),
    vsFloor: ratio(pick(app).median, pick(floor).median),
    vsSdk: ratio(pick(app).median, pick(sdk).median),
    target,
    verdict: verdict(ok),
  });
  const jsCss = (s: VariantSummary): Spread =>
    spread(s.runs.filter((r) => r.ok).map((r) => r.firstLoadJsGzip + r.firstLoadCssGzip));
  rows.push(
    bytesRow(
      'first-load JS, gzip',
      (s) => s.firstLoadJsGzip,
      '≤ 100 KB',
      app.firstLoadJsGzip.n ? app.firstLoadJsGzip.median <= TARGETS.firstLoadJsGzip : undefined,
    ),
  );
  rows.push(bytesRow('first-load CSS, gzip', (s) => s.firstLoadCssGzip));
  rows.push(bytesRow('first-load JS + CSS, gzip', jsCss));
  rows.push({
    metric: `time to status, median (min–max) of ${app.timeToStatus.n}`,
    floor: spreadMs(floor.timeToStatus),
    app: spreadMs(app.timeToStatus),
    sdk: spreadMs(sdk.timeToStatus),
    vsFloor: ratio(app.timeToStatus.median, floor.timeToStatus.median),
    vsSdk: ratio(app.timeToStatus.median, sdk.timeToStatus.median),
    target: '≤ 1.3× floor',
    verdict: verdict(
      app.timeToStatus.n && floor.timeToStatus.n
        ? app.timeToStatus.median <= TARGETS.timeToStatusVsFloor * floor.timeToStatus.median
        : undefined,
    ),
  });
  rows.push({
    metric: 'main-thread long tasks before status, median',
    floor: ms(floor.longTaskMs.median),
    app: ms(app.longTaskMs.median),
    sdk: ms(sdk.longTaskMs.median),
    vsFloor: '',
    vsSdk: ratio(app.longTaskMs.median, sdk.longTaskMs.median),
    target: '',
    verdict: '',
  });
  rows.push({
    metric: 'Cognito + AmplifyBackend requests before status',
    floor: `${floor.cognitoRequestsBeforeStatus.median} + ${floor.backendRequestsBeforeStatus.median}`,
    app: `${app.cognitoRequestsBeforeStatus.median} + ${app.backendRequestsBeforeStatus.median}`,
    sdk: `${sdk.cognitoRequestsBeforeStatus.median} + ${sdk.backendRequestsBeforeStatus.median}`,
    vsFloor: '',
    vsSdk: '',
    target: '',
    verdict: '',
  });
  if (economy) {
    const [visible, hidden, , ended] = economy.phases;
    rows.push({
      metric: 'requests/min while running, visible tab',
      ...none,
      app: rate(visible),
      target: `${60 / POLL_INTERVAL_SECONDS} (one per ${POLL_INTERVAL_SECONDS} s)`,
      verdict: '',
    });
    rows.push({
      metric: 'requests/min while running, hidden tab',
      ...none,
      app: rate(hidden),
      target: `${60 / (POLL_INTERVAL_SECONDS * 4)} (interval × 4)`,
      verdict: '',
    });
    rows.push({
      metric: 'requests/min after the job ended',
      ...none,
      app: ended ? `${ended.perMinute.toFixed(1)} (${ended.allRequests} requests in ${ended.minutes.toFixed(1)} min)` : 'n/a',
      target: '0',
      verdict: verdict(ended ? ended.allRequests === TARGETS.requestsAfterEnd : undefined),
    });
    rows.push({
      metric: `Cognito credential calls over the whole watch (${economy.simulatedMinutes.toFixed(1)} sim. min)`,
      ...none,
      app: `${economy.credentialCalls.total} (GetId ${economy.credentialCalls.getId}, GetCredentialsForIdentity ${economy.credentialCalls.getCredentialsForIdentity})`,
      target: '2 (one guest sign-in)',
      verdict: '',
    });
  }
  rows.push({
    metric: 'max AmplifyBackend requests in flight (loads, detection, watch)',
    ...none,
    app: String(maxInFlight),
    target: '≤ 1',
    verdict: verdict(maxInFlight <= TARGETS.maxInFlight),
  });
  if (detection) {
    const latencies = spread(detection.samples.filter((s) => s.ok).map((s) => s.latencyMs));
    const worst = detection.samples[0];
    const gaps = spread(detection.samples.filter((s) => s.ok).map((s) => s.pollGapMs));
    const toScreen = spread(detection.samples.filter((s) => s.ok).map((s) => s.answerToScreenMs));
    rows.push({
      metric: `detection latency, median (min–max) of ${latencies.n}`,
      ...none,
      app:
        `${spreadMs(latencies)}; just missed a poll: ${worst?.ok ? ms(worst.latencyMs) : 'n/a'} ` +
        `(polls ${ms(gaps.median)} apart, answer → screen ${ms(toScreen.median)}, medians)`,
      target: `≤ ${TARGETS.detectionMs / 1000} s (interval + 0.5 s)`,
      verdict: verdict(latencies.n ? latencies.max <= TARGETS.detectionMs : undefined),
    });
  }
  return rows;
}

/** Where the time goes: the median moment of each milestone, and the step from the one before. */
function milestoneTable(summaries: Record<Variant, VariantSummary>): string {
  const keys = Object.keys(MILESTONE_LABELS) as (keyof Milestones)[];
  const lines = ['| milestone (ms since navigation start, median) | floor | app | SDK |', '| --- | --- | --- | --- |'];
  keys.forEach((key, i) => {
    const previous = i > 0 ? keys[i - 1] : undefined;
    const cell = (variant: Variant) => {
      const at = summaries[variant].milestones[key].median;
      if (!Number.isFinite(at)) return 'n/a';
      const before = previous ? summaries[variant].milestones[previous].median : Number.NaN;
      return Number.isFinite(before) ? `${Math.round(at)} (+${Math.round(at - before)})` : `${Math.round(at)}`;
    };
    lines.push(`| ${MILESTONE_LABELS[key]} | ${cell('floor')} | ${cell('app')} | ${cell('sdk')} |`);
  });
  return lines.join('\n');
}

function waterfallText(run: LoadRun | undefined): string {
  if (!run) return '(no successful run)';
  return run.waterfall
    .map(
      (row) =>
        `${String(row.startMs).padStart(6)} → ${String(row.endMs).padStart(6)} ms  ${row.gzipBytes ? kb(row.gzipBytes).padStart(9) : ''.padStart(9)}  ${row.what}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  if (RUNS < 7) progress(`BENCH_RUNS=${RUNS}: fewer than 7 rounds, medians are only indicative`);
  const distRoot = join(ROOT, 'dist-bench');
  const resultsDir = join(ROOT, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });

  const loadAtStart = loadavg()[0] ?? 0;
  const closers: (() => Promise<void>)[] = [];
  let browser: Browser | undefined;
  try {
    const bench: BenchSim = await startBenchSim();
    closers.push(() => bench.close());
    progress(`simulated AWS on ${bench.origin}`);

    progress('building the app (vite build)…');
    await buildApp('app', join(distRoot, 'app'), bench.origin);
    progress('building the SDK variant (vite build, @aws-sdk/client-amplifybackend)…');
    await buildApp('sdk', join(distRoot, 'sdk'), bench.origin);

    const config = simulatedAccountConfig(bench.origin);
    const dirs: Record<Variant, string> = {
      floor: resolve(import.meta.dirname, 'floor'),
      app: join(distRoot, 'app'),
      sdk: join(distRoot, 'sdk'),
    };
    const sites = {} as Record<Variant, StaticSite>;
    for (const variant of VARIANTS) {
      sites[variant] = await serveStatic({ dir: dirs[variant], port: await freePort(), config });
      closers.push(() => sites[variant].close());
      progress(`${variant} served on ${sites[variant].origin}`);
    }

    browser = await launchChromium();
    progress(`Chromium ${browser.version()}`);

    const runs: Record<Variant, LoadRun[]> = { floor: [], app: [], sdk: [] };
    for (let round = 0; round <= RUNS; round += 1) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length] as Variant);
      const line: string[] = [];
      for (const variant of order) {
        const run = await loadOnce(browser, bench, sites[variant], variant, round);
        if (round > 0) runs[variant].push(run);
        line.push(`${variant} ${run.ok ? ms(run.timeToStatusMs) : `failed (${run.error})`}`);
      }
      progress(`${round === 0 ? 'warm-up round' : `round ${round}/${RUNS}`}: ${line.join(', ')}`);
    }
    const summaries = {
      floor: summarise(runs.floor),
      app: summarise(runs.app),
      sdk: summarise(runs.sdk),
    } as Record<Variant, VariantSummary>;

    progress(`detection latency: ${DETECTION_SAMPLES} samples in real time…`);
    const detection = await detectionSamples(
      browser,
      bench,
      sites.app,
      POLL_INTERVAL_SECONDS * 1000,
      DETECTION_SAMPLES,
      progress,
    );

    progress('request economy: a simulated 15-minute watch on a fake clock…');
    let economy: EconomyResult | undefined;
    let economyError: string | undefined;
    try {
      economy = await requestEconomy(browser, bench, sites.app, progress);
      progress(`request economy done in ${Math.round(economy.realSeconds)} s real time`);
    } catch (error) {
      economyError = error instanceof Error ? error.message : String(error);
      progress(`request economy failed: ${economyError}`);
    }

    const maxInFlight = Math.max(
      ...summaries.app.runs.map((r) => r.maxBackendInFlight),
      detection.maxBackendInFlight,
      economy?.maxBackendInFlight.browser ?? 0,
      economy?.maxBackendInFlight.server ?? 0,
    );
    const rows = buildRows(summaries, economy, detection, maxInFlight);
    const table = markdownTable(rows);

    const appMedian = summaries.app.medianRun;
    const notes: string[] = [];
    for (const variant of VARIANTS) {
      const s = summaries[variant];
      if (s.failures)
        notes.push(`${variant}: ${s.failures} of ${s.runs.length} loads failed: ${s.runs.find((r) => !r.ok)?.error}`);
      const mismatches = [...new Set(s.runs.flatMap((r) => r.sizeMismatches))];
      if (mismatches.length)
        notes.push(`${variant}: Resource Timing sizes differ from the served gzip: ${mismatches.join('; ')}`);
      const late = [...new Set(s.runs.flatMap((r) => r.inFlightAtStatus))];
      if (late.length) notes.push(`${variant}: requested before the status but still arriving (not counted): ${late.join(', ')}`);
    }
    if (economyError) notes.push(`request economy failed: ${economyError}`);
    const loadAtEnd = loadavg()[0] ?? 0;
    if (Math.max(loadAtStart, loadAtEnd) > cpus().length) {
      notes.push(
        `the machine was busy with other work (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end, on ${cpus().length} cores): absolute times are inflated and noisier; the interleaved ratios suffer less`,
      );
    }
    if (economy?.non200) notes.push(`request economy: ${economy.non200} answers were not 200`);

    const conditions = `${CONDITIONS.cpuSlowdown}× CPU slowdown, ${CONDITIONS.latencyMs} ms latency, ${CONDITIONS.downloadBitsPerSecond / 1e6} Mbit/s each way, cold cache`;
    const out = [
      '',
      `## Amplify Job Watch benchmark (${new Date().toISOString()})`,
      '',
      `Chromium ${browser.version()}, Node ${process.version}, ${cpus().length} cores; ${conditions}; ${RUNS} interleaved rounds; poll interval ${POLL_INTERVAL_SECONDS} s.`,
      '',
      table,
      '',
      'Where the time goes (each milestone is a median over the runs; in brackets, the step from the one above):',
      '',
      milestoneTable(summaries),
      '',
      `App, the median load (${appMedian ? ms(appMedian.timeToStatusMs) : 'n/a'}): requests and main-thread long tasks before the status (start → end since navigation start, gzip body)`,
      '```',
      waterfallText(appMedian),
      '```',
      '',
      `JS and CSS the app loads before the status: ${(appMedian?.firstLoadFiles ?? []).map((f) => `${f.path} ${kb(f.gzipBytes)}`).join(', ')}`,
      ...(notes.length ? ['', 'Notes:', ...notes.map((n) => `- ${n}`)] : []),
      '',
      `Raw runs and summaries: ${join('bench-results', 'bench.json')}`,
      '',
    ].join('\n');
    process.stdout.write(out);

    const json = {
      date: new Date().toISOString(),
      environment: {
        chromium: browser.version(),
        node: process.version,
        cores: cpus().length,
        loadAverage1m: { start: loadAtStart, end: loadAtEnd },
      },
      conditions: { ...CONDITIONS, coldCache: true, rounds: RUNS, warmUpRounds: 1, pollIntervalSeconds: POLL_INTERVAL_SECONDS },
      targets: TARGETS,
      table: rows,
      variants: Object.fromEntries(
        VARIANTS.map((variant) => {
          const { medianRun, ...summary } = summaries[variant];
          return [
            variant,
            {
              ...summary,
              medianRunRound: medianRun?.round,
              medianWaterfall: medianRun?.waterfall,
              medianFirstLoadFiles: medianRun?.firstLoadFiles,
            },
          ];
        }),
      ),
      detection,
      economy: economy ?? { error: economyError },
      maxBackendInFlight: maxInFlight,
      notes,
    };
    writeFileSync(join(resultsDir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    progress(`done in ${Math.round((Date.now() - began) / 1000)} s; wrote bench-results/bench.json`);
  } finally {
    await browser?.close().catch(() => undefined);
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
