/**
 * The benchmark's report: the measurements in, the markdown table and its sections out. Slightly over
 * this repository's ~300 lines: one row builder per measurement, each a few lines, read best together.
 */
import { BOARD_SIZE, type BoardResult } from './board';
import type { DetectionSample } from './detection';
import type { EconomyResult } from './economy';
import type { Visit } from './load';
import { MILESTONE_LABELS, type Milestones } from './loadAnalysis';
import type { ProfiledLoad, TaskProfile } from './profile';
import type { RouteCount } from './requestsPerPoll';
import { kb, ms, ratio, spread, spreadMs, type Spread } from './stats';
import type { VariantSummary } from './summary';

export const VARIANTS = ['floor', 'app', 'sdk'] as const;
export type Variant = (typeof VARIANTS)[number];
export type Summaries = Record<Visit, Record<Variant, VariantSummary>>;

export interface Targets {
  firstLoadJsGzip: number;
  timeToStatusVsFloor: number;
  warmTimeToStatusVsFloor: number;
  longTasksBeforeStatusMs: number;
  cognitoGapTaskMs: number;
  boardVsOneJob: number;
  requestsAfterEnd: number;
  maxInFlight: number;
  detectionMs: number;
  pollIntervalSeconds: number;
}

export type Verdict = 'meets' | 'MISSES' | '';

export interface Row {
  metric: string;
  floor: string;
  app: string;
  sdk: string;
  vsFloor: string;
  vsSdk: string;
  target: string;
  verdict: Verdict;
}

export interface Measured {
  summaries: Summaries;
  economy: EconomyResult | undefined;
  detection: { samples: DetectionSample[]; maxBackendInFlight: number } | undefined;
  perPoll: { direct: RouteCount; proxy: RouteCount } | undefined;
  board: BoardResult | undefined;
  maxInFlight: number;
}

export function markdownTable(rows: Row[]): string {
  const header = ['metric', 'floor', 'app', 'SDK', 'app ÷ floor', 'app ÷ SDK', 'target', ''];
  const lines = [header, header.map(() => '---')];
  for (const r of rows) lines.push([r.metric, r.floor, r.app, r.sdk, r.vsFloor, r.vsSdk, r.target, r.verdict]);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function bytesCell(s: Spread): string {
  if (!s.n) return 'n/a';
  return s.min === s.max ? kb(s.median) : `${kb(s.median)} (${kb(s.min)}–${kb(s.max)})`;
}

const verdict = (ok: boolean | undefined): Verdict => (ok === undefined ? '' : ok ? 'meets' : 'MISSES');
const none = { floor: '—', sdk: '—', vsFloor: '', vsSdk: '' };

/** A row with a cell per variant, compared to the floor and the SDK by median. */
function variantRow(
  all: Record<Variant, VariantSummary>,
  metric: string,
  pick: (s: VariantSummary) => Spread,
  cell: (s: Spread) => string,
  target = '',
  ok?: boolean,
  compareToFloor = true,
): Row {
  const { floor, app, sdk } = all;
  return {
    metric,
    floor: cell(pick(floor)),
    app: cell(pick(app)),
    sdk: cell(pick(sdk)),
    vsFloor: compareToFloor ? ratio(pick(app).median, pick(floor).median) : '',
    vsSdk: ratio(pick(app).median, pick(sdk).median),
    target,
    verdict: verdict(ok),
  };
}

function perPollCell(count: RouteCount | undefined): string {
  if (!count) return 'n/a';
  if (!count.ok) return `failed (${count.error})`;
  return `${count.perPoll.toFixed(1)} (${count.gets} GetBackendJob + ${count.preflights} preflights over ${count.polls} polls)`;
}

export function buildRows(measured: Measured, targets: Targets): Row[] {
  const { summaries, economy, detection, perPoll, board, maxInFlight } = measured;
  const { cold, warm } = summaries;
  const interval = targets.pollIntervalSeconds;
  const medianMs = (s: Spread) => ms(s.median);
  const rows: Row[] = [];
  const jsOk = cold.app.firstLoadJsGzip.n ? cold.app.firstLoadJsGzip.median <= targets.firstLoadJsGzip : undefined;
  rows.push(
    variantRow(cold, 'JS before the status, gzip', (s) => s.firstLoadJsGzip, bytesCell, `≤ ${kb(targets.firstLoadJsGzip)}`, jsOk),
  );
  rows.push(variantRow(cold, 'first-load CSS, gzip', (s) => s.firstLoadCssGzip, bytesCell));
  rows.push(variantRow(cold, 'first-load JS + CSS, gzip', (s) => s.firstLoadJsCssGzip, bytesCell));
  for (const [visit, label] of [
    ['cold', 'cold visit'],
    ['warm', 'warm visit (assets cached, identity ID stored)'],
  ] as const) {
    const all = summaries[visit];
    const limit = visit === 'cold' ? targets.timeToStatusVsFloor : targets.warmTimeToStatusVsFloor;
    const ok =
      all.app.timeToStatus.n && all.floor.timeToStatus.n
        ? all.app.timeToStatus.median <= limit * all.floor.timeToStatus.median
        : undefined;
    rows.push(
      variantRow(
        all,
        `time to status, ${label}, median (min–max) of ${all.app.timeToStatus.n}`,
        (s) => s.timeToStatus,
        spreadMs,
        `≤ ${limit}× floor`,
        ok,
      ),
    );
  }
  rows.push(variantRow(cold, 'bytes over the wire before status, cold', (s) => s.transferredBeforeStatus, bytesCell));
  rows.push(variantRow(warm, 'bytes over the wire before status, warm', (s) => s.transferredBeforeStatus, bytesCell));
  for (const [visit, all] of [
    ['cold', cold],
    ['warm', warm],
  ] as const) {
    const ok = all.app.longTaskMs.n ? all.app.longTaskMs.median <= targets.longTasksBeforeStatusMs : undefined;
    rows.push(
      variantRow(
        all,
        `main-thread long tasks before status, ${visit}, median`,
        (s) => s.longTaskMs,
        medianMs,
        `≤ ${targets.longTasksBeforeStatusMs} ms`,
        ok,
        false,
      ),
    );
  }
  const gapOk = cold.app.cognitoGapTaskMs.n ? cold.app.cognitoGapTaskMs.median <= targets.cognitoGapTaskMs : undefined;
  rows.push(
    variantRow(
      cold,
      'largest long task between a Cognito answer and the next request, cold, median (0: none ≥ 50 ms)',
      (s) => s.cognitoGapTaskMs,
      spreadMs,
      `≤ ${targets.cognitoGapTaskMs} ms`,
      gapOk,
      false,
    ),
  );
  if (board) {
    const { board: all, oneJob } = board;
    const ok = all.n && oneJob.n ? all.median <= targets.boardVsOneJob * oneJob.median : undefined;
    rows.push({
      metric: `every status of a board of ${BOARD_SIZE} jobs, cold, median (min–max) of ${all.n}; beside: one job's status in the same rounds`,
      floor: '—',
      app: `${spreadMs(all)}; one job ${spreadMs(oneJob)}`,
      sdk: '—',
      vsFloor: '',
      vsSdk: '',
      target: `≤ ${targets.boardVsOneJob}× one job (${oneJob.n ? ratio(all.median, oneJob.median) : 'n/a'})`,
      verdict: verdict(ok),
    });
  }
  for (const visit of ['cold', 'warm'] as const) {
    const all = summaries[visit];
    const cell = (s: VariantSummary) => `${s.cognitoRequestsBeforeStatus.median} + ${s.backendRequestsBeforeStatus.median}`;
    rows.push({
      metric: `Cognito + AmplifyBackend requests before status, ${visit}`,
      floor: cell(all.floor),
      app: cell(all.app),
      sdk: cell(all.sdk),
      vsFloor: '',
      vsSdk: '',
      target: '',
      verdict: '',
    });
  }
  if (economy) rows.push(...economyRows(economy, interval));
  rows.push({
    metric: 'requests per poll incl. CORS preflights, direct AmplifyBackend origin (no Access-Control-Max-Age)',
    ...none,
    app: perPollCell(perPoll?.direct),
    target: '',
    verdict: '',
  });
  rows.push({
    metric: 'requests per poll incl. CORS preflights, same-origin /amplifybackend proxy',
    ...none,
    app: perPollCell(perPoll?.proxy),
    target: '',
    verdict: '',
  });
  rows.push({
    metric: 'max AmplifyBackend requests in flight (loads, detection, watch)',
    ...none,
    app: String(maxInFlight),
    target: '≤ 1',
    verdict: verdict(maxInFlight <= targets.maxInFlight),
  });
  if (detection) {
    const good = detection.samples.filter((s) => s.ok);
    const latencies = spread(good.map((s) => s.latencyMs));
    const worst = detection.samples[0];
    const gaps = spread(good.map((s) => s.pollGapMs));
    const toScreen = spread(good.map((s) => s.answerToScreenMs));
    rows.push({
      metric: `detection latency, median (min–max) of ${latencies.n}`,
      ...none,
      app:
        `${spreadMs(latencies)}; just missed a poll: ${worst?.ok ? ms(worst.latencyMs) : 'n/a'} ` +
        `(polls ${ms(gaps.median)} apart, answer → screen ${ms(toScreen.median)}, medians)`,
      target: `≤ ${targets.detectionMs / 1000} s (interval + 0.5 s)`,
      verdict: verdict(latencies.n ? latencies.max <= targets.detectionMs : undefined),
    });
  }
  return rows;
}

function economyRows(economy: EconomyResult, interval: number): Row[] {
  const [visible, hidden, , ended] = economy.phases;
  // The steady rate from the median gap between polls; the raw count depends on where a phase's edges fall.
  const rate = (p: EconomyResult['phases'][number] | undefined) =>
    !p
      ? 'n/a'
      : p.medianPollGapMs === null
        ? `${p.perMinute.toFixed(1)} (${p.allRequests} requests in ${p.minutes.toFixed(1)} min)`
        : `${(60_000 / p.medianPollGapMs).toFixed(1)} (one every ${(p.medianPollGapMs / 1000).toFixed(1)} s; ${p.allRequests} requests in ${p.minutes.toFixed(1)} min)`;
  return [
    {
      metric: 'requests/min while running, visible tab',
      ...none,
      app: rate(visible),
      target: `${60 / interval} (one per ${interval} s)`,
      verdict: '',
    },
    {
      metric: 'requests/min while running, hidden tab',
      ...none,
      app: rate(hidden),
      target: `${60 / (interval * 4)} (interval × 4)`,
      verdict: '',
    },
    {
      metric: 'requests/min after the job ended',
      ...none,
      app: ended ? `${ended.perMinute.toFixed(1)} (${ended.allRequests} requests in ${ended.minutes.toFixed(1)} min)` : 'n/a',
      target: '0',
      verdict: verdict(ended ? ended.allRequests === 0 : undefined),
    },
    {
      metric: `Cognito credential calls over the whole watch (${economy.simulatedMinutes.toFixed(1)} sim. min)`,
      ...none,
      app: `${economy.credentialCalls.total} (GetId ${economy.credentialCalls.getId}, GetCredentialsForIdentity ${economy.credentialCalls.getCredentialsForIdentity})`,
      target: '2 (one guest sign-in)',
      verdict: '',
    },
  ];
}

/** Where the time goes: the median moment of each milestone, and the step from the one before. */
export function milestoneTable(all: Record<Variant, VariantSummary>): string {
  const keys = Object.keys(MILESTONE_LABELS) as (keyof Milestones)[];
  const lines = ['| milestone (ms since navigation start, median) | floor | app | SDK |', '| --- | --- | --- | --- |'];
  keys.forEach((key, i) => {
    const previous = i > 0 ? keys[i - 1] : undefined;
    const cell = (variant: Variant) => {
      const at = all[variant].milestones[key].median;
      if (!Number.isFinite(at)) return 'n/a';
      const before = previous ? all[variant].milestones[previous].median : Number.NaN;
      return Number.isFinite(before) ? `${Math.round(at)} (+${Math.round(at - before)})` : `${Math.round(at)}`;
    };
    lines.push(`| ${MILESTONE_LABELS[key]} | ${cell('floor')} | ${cell('app')} | ${cell('sdk')} |`);
  });
  return lines.join('\n');
}

export function taskLine(task: TaskProfile): string {
  const ran = task.ran
    .slice(0, 4)
    .map((part) => `${part.what} ${ms(part.ms)}`)
    .join(', ');
  return `${ms(task.duration)} at ${ms(task.start)}: ${ran || 'no samples'}`;
}

/** What ran in the traced load's biggest tasks. */
export function tasksSection(profiled: ProfiledLoad | undefined, traced: number): string[] {
  if (!profiled) return ['(no traced load)'];
  if (profiled.error) return [`traced load failed: ${profiled.error}`];
  return [
    `Main-thread tasks of a traced cold app load (the median of ${traced} by time to status, ${ms(profiled.run.timeToStatusMs)}; ` +
      'the sampling profiler slows it: read the shares, not the totals). Sampled time by module or package:',
    '',
    ...profiled.biggestTasks.map((task, i) => `${i + 1}. ${taskLine(task)}`),
    '',
    `Largest task between a Cognito answer and the next request: ${profiled.largestCognitoGapTask ? taskLine(profiled.largestCognitoGapTask) : 'none'}`,
  ];
}
