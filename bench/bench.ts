/**
 * `npm run bench`: how fast and how frugal the job page is, against two references, measured in
 * headless Chromium against the simulated AWS over loopback HTTP (real sockets, real CORS
 * preflights, real SigV4 checks; no in-page mocks). A benchmark, not a test: it never fails on a
 * number, it reports. Everything it needs is built on the spot into dist-bench/ (gitignored) and the
 * results go to bench-results/bench.json. bench/README.md says what each row means and how it is
 * taken; this file only runs the measurements (load.ts, profile.ts, detection.ts, economy.ts,
 * requestsPerPoll.ts) in order and hands them to the report (report.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { simulatedAccountConfig } from '../src/simulated-aws/accountConfig';
import { launchChromium } from '../tools/chromium';
import { startSimulator } from '../tools/simulator';
import { serveStatic, type StaticSite } from '../tools/staticServer';
import { BOARD_SIZE, boardRounds } from './board';
import { buildApp, ROOT } from './build';
import { detectionSamples } from './detection';
import { requestEconomy, type EconomyResult } from './economy';
import { notesFor, progress, waterfallText } from './notes';
import { CONDITIONS } from './page';
import { profiledLoad, type ProfiledLoad } from './profile';
import {
  buildRows,
  markdownTable,
  milestoneTable,
  tasksSection,
  VARIANTS,
  type Summaries,
  type Targets,
  type Variant,
} from './report';
import { requestsPerPoll, SIGNING_HOST, startProxySite, type RouteCount } from './requestsPerPoll';
import { rounds } from './rounds';
import { kb, ms } from './stats';
import { summarise } from './summary';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DETECTION_SAMPLES = Number(process.env.BENCH_DETECTION_SAMPLES ?? 5);
const TRACED_LOADS = Number(process.env.BENCH_TRACED_LOADS ?? 3);
const POLLS = Number(process.env.BENCH_POLLS ?? 6);
const BOARD_RUNS = Number(process.env.BENCH_BOARD_RUNS ?? 5);
const POLL_INTERVAL_SECONDS = 5;

const TARGETS: Targets = {
  // JS evaluated before the status: with the status drawn first, only the entry's.
  firstLoadJsGzip: 40 * 1024,
  timeToStatusVsFloor: 1.15,
  warmTimeToStatusVsFloor: 1.05,
  longTasksBeforeStatusMs: 150,
  cognitoGapTaskMs: 50,
  boardVsOneJob: 1.3,
  requestsAfterEnd: 0,
  maxInFlight: 1,
  detectionMs: POLL_INTERVAL_SECONDS * 1000 + 500,
  pollIntervalSeconds: POLL_INTERVAL_SECONDS,
};

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
    // Preflight answers without Access-Control-Max-Age, as AmplifyBackend was seen to answer them.
    const bench = await startSimulator({ corsMaxAgeSeconds: null });
    closers.push(() => bench.close());
    progress(`simulated AWS on ${bench.origin}`);

    progress('building the app (vite build)…');
    await buildApp('app', join(distRoot, 'app'), bench.origin);
    progress('building the SDK variant (vite build, @aws-sdk/client-amplifybackend)…');
    await buildApp('sdk', join(distRoot, 'sdk'), bench.origin);

    const config = simulatedAccountConfig(bench.origin, { pollIntervalSeconds: POLL_INTERVAL_SECONDS });
    const dirs: Record<Variant, string> = {
      floor: resolve(import.meta.dirname, 'floor'),
      app: join(distRoot, 'app'),
      sdk: join(distRoot, 'sdk'),
    };
    const sites = {} as Record<Variant, StaticSite>;
    for (const variant of VARIANTS) {
      sites[variant] = await serveStatic({ dir: dirs[variant], config });
      closers.push(() => sites[variant].close());
      progress(`${variant} served on ${sites[variant].origin}`);
    }
    const proxy = await startProxySite(bench, dirs.app, (edgeOrigin) =>
      simulatedAccountConfig(bench.origin, {
        pollIntervalSeconds: POLL_INTERVAL_SECONDS,
        amplifyBackendEndpoint: `${edgeOrigin}/amplifybackend`,
        signingHost: SIGNING_HOST,
      }),
    );
    closers.push(() => proxy.close());
    progress(`app behind the emulated CloudFront proxy on ${proxy.edge.origin}`);

    browser = await launchChromium();
    progress(`Chromium ${browser.version()}`);

    const runs = await rounds(browser, bench, sites, RUNS, progress);
    const summaries = Object.fromEntries(
      (['cold', 'warm'] as const).map((visit) => [
        visit,
        Object.fromEntries(VARIANTS.map((variant) => [variant, summarise(runs[visit][variant])])),
      ]),
    ) as Summaries;

    progress(`${TRACED_LOADS} traced cold loads of the app (what runs in the long tasks)…`);
    const traced: ProfiledLoad[] = [];
    for (let i = 0; i < TRACED_LOADS; i += 1) traced.push(await profiledLoad(browser, bench, sites.app, dirs.app, i));
    const tracedOk = traced.filter((t) => t.run.ok && !t.error).sort((a, b) => a.run.timeToStatusMs - b.run.timeToStatusMs);
    const profiled = tracedOk[Math.floor((tracedOk.length - 1) / 2)] ?? traced[0];

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

    progress(`requests per poll, direct and through the proxy side by side: ${POLLS} polls in real time…`);
    const perPoll: { direct: RouteCount; proxy: RouteCount } = await requestsPerPoll(
      browser,
      bench,
      sites.app,
      proxy,
      POLLS,
      POLL_INTERVAL_SECONDS * 1000,
    );

    progress(`a board of ${BOARD_SIZE} jobs beside one job, cold: ${BOARD_RUNS} rounds…`);
    const board = BOARD_RUNS > 0 ? await boardRounds(browser, bench, sites.app, BOARD_RUNS, progress) : undefined;

    const maxInFlight = Math.max(
      ...summaries.cold.app.runs.map((r) => r.maxBackendInFlight),
      ...summaries.warm.app.runs.map((r) => r.maxBackendInFlight),
      detection.maxBackendInFlight,
      economy?.maxBackendInFlight.browser ?? 0,
      economy?.maxBackendInFlight.server ?? 0,
    );
    const rows = buildRows({ summaries, economy, detection, perPoll, board, maxInFlight }, TARGETS);
    const loadAtEnd = loadavg()[0] ?? 0;
    const notes = notesFor(summaries, { economyError, economy, loadAtStart, loadAtEnd, perPoll });

    const appMedian = summaries.cold.app.medianRun;
    const conditions = `${CONDITIONS.cpuSlowdown}× CPU slowdown, ${CONDITIONS.latencyMs} ms latency, ${CONDITIONS.downloadBitsPerSecond / 1e6} Mbit/s each way`;
    const out = [
      '',
      `## Amplify Job Watch benchmark (${new Date().toISOString()})`,
      '',
      `Chromium ${browser.version()}, Node ${process.version}, ${cpus().length} cores; ${conditions}; ${RUNS} interleaved rounds (a cold and a warm visit of each page); poll interval ${POLL_INTERVAL_SECONDS} s.`,
      '',
      markdownTable(rows),
      '',
      ...tasksSection(profiled, traced.length),
      '',
      'Where the time goes, cold visit (each milestone is a median over the runs; in brackets, the step from the one above):',
      '',
      milestoneTable(summaries.cold),
      '',
      'The same, warm visit:',
      '',
      milestoneTable(summaries.warm),
      '',
      `App, the median cold load (${appMedian ? ms(appMedian.timeToStatusMs) : 'n/a'}): requests and main-thread long tasks before the status (start → end since navigation start, gzip body)`,
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
      conditions: {
        ...CONDITIONS,
        rounds: RUNS,
        warmUpRounds: 1,
        pollIntervalSeconds: POLL_INTERVAL_SECONDS,
        corsMaxAge: 'absent',
      },
      targets: TARGETS,
      table: rows,
      variants: Object.fromEntries(
        (['cold', 'warm'] as const).map((visit) => [
          visit,
          Object.fromEntries(
            VARIANTS.map((variant) => {
              const { medianRun, ...summary } = summaries[visit][variant];
              return [variant, { ...summary, medianRunRound: medianRun?.round, medianWaterfall: medianRun?.waterfall }];
            }),
          ),
        ]),
      ),
      traced,
      detection,
      economy: economy ?? { error: economyError },
      requestsPerPoll: perPoll,
      board,
      maxBackendInFlight: maxInFlight,
      notes,
    };
    writeFileSync(join(resultsDir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    progress('done; wrote bench-results/bench.json');
  } finally {
    await browser?.close().catch(() => undefined);
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
