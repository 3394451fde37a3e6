import type { Browser } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { visitJob, type LoadRun } from './load';
import { cognitoGaps, type LongTask } from './loadAnalysis';
import type { PageTimings, StatusChange } from './page';
import { moduleName, siteSourceMaps } from './sourceMap';

/**
 * What ran in the main thread's biggest tasks, from a Chromium trace of a cold load (its own loads:
 * the sampling profiler slows the page, so their times are not the timed ones). Each task's CPU
 * samples are attributed to the function on top of the stack, and that function, through the
 * build's source maps, to our module (`src/…`) or its npm package; what is not JavaScript keeps
 * V8's name: `(program)` is the browser's own work (parse, style, layout), `(garbage collector)`.
 */

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> };
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface TaskProfile extends LongTask {
  /** Sampled time by module or package, largest first (ms, at the CPU slowdown). */
  ran: { what: string; ms: number }[];
}

export interface ProfiledLoad {
  run: LoadRun;
  /** The three biggest main-thread tasks that began before the status. */
  biggestTasks: TaskProfile[];
  /** The biggest task (of any length) between a Cognito answer and the next request. */
  largestCognitoGapTask: TaskProfile | null;
  error?: string;
}

/** Samples as (time µs, top-of-stack frame), from the trace's Profile/ProfileChunk events of one process. */
function samplesOf(events: TraceEvent[], pid: number): { at: number; weight: number; frame: CallFrame }[] {
  const profiles = new Map<string, { start: number; nodes: Map<number, CallFrame>; samples: { at: number; node: number }[] }>();
  for (const event of events) {
    if (event.pid !== pid || event.ph !== 'P' || !event.id) continue;
    const data = event.args?.data as
      { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (event.name === 'Profile') profiles.set(event.id, { start: data?.startTime ?? event.ts, nodes: new Map(), samples: [] });
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(event.id);
    if (!profile || !data?.cpuProfile) continue;
    for (const node of data.cpuProfile.nodes ?? []) profile.nodes.set(node.id, node.callFrame);
    let at = profile.samples.at(-1)?.at ?? profile.start;
    (data.cpuProfile.samples ?? []).forEach((node, i) => {
      at += data.timeDeltas?.[i] ?? 0;
      profile.samples.push({ at, node });
    });
  }
  return [...profiles.values()].flatMap((profile) =>
    profile.samples.map((sample, i) => ({
      at: sample.at,
      weight: Math.max(0, (profile.samples[i + 1]?.at ?? sample.at) - sample.at),
      frame: profile.nodes.get(sample.node) ?? { functionName: '(unknown)', url: '', lineNumber: 0, columnNumber: 0 },
    })),
  );
}

/** Reads a trace: the main thread's tasks (ms since navigation start) with what ran in each. */
export function tasksFromTrace(trace: Buffer, site: StaticSite, distDir: string): TaskProfile[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const navigation = events.find(
    (event) =>
      event.name === 'navigationStart' &&
      typeof event.args?.data?.documentLoaderURL === 'string' &&
      event.args.data.documentLoaderURL.startsWith(site.origin),
  );
  if (!navigation) throw new Error('no navigationStart for the site in the trace');
  const maps = siteSourceMaps(distDir);
  const samples = samplesOf(events, navigation.pid);
  const describe = (frame: CallFrame): string => {
    if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(native) ${frame.functionName}`;
    const url = new URL(frame.url);
    if (url.origin !== site.origin) return url.href;
    const source = maps(url.pathname)?.sourceAt(frame.lineNumber, frame.columnNumber);
    return source ? moduleName(source) : url.pathname;
  };
  const candidates = events
    .filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X' && TASK_NAMES.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Some Chromium versions nest one task event in another of the same task: keep the outer ones.
  const topLevel: TraceEvent[] = [];
  for (const task of candidates) {
    const outer = topLevel.at(-1);
    if (outer && task.ts < outer.ts + (outer.dur ?? 0)) continue;
    topLevel.push(task);
  }
  return topLevel.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const ran = new Map<string, number>();
    for (const sample of samples) {
      if (sample.at < task.ts || sample.at >= end) continue;
      const what = describe(sample.frame);
      ran.set(what, (ran.get(what) ?? 0) + sample.weight / 1000);
    }
    return {
      start: (task.ts - navigation.ts) / 1000,
      duration: (task.dur ?? 0) / 1000,
      ran: [...ran].map(([what, ms]) => ({ what, ms })).sort((a, b) => b.ms - a.ms),
    };
  });
}

/** A cold load of the app, traced; its biggest tasks before the status, and between Cognito and the next request. */
export async function profiledLoad(
  browser: Browser,
  bench: Simulator,
  site: StaticSite,
  distDir: string,
  round: number,
): Promise<ProfiledLoad> {
  let captured: { shown: StatusChange; timings: PageTimings; trace: Buffer } | undefined;
  const run = await visitJob(browser, bench, site, 'app', 'cold', round, {
    beforeNavigation: (page) => browser.startTracing(page, { categories: CATEGORIES }),
    afterStatus: async (_page, shown, timings) => {
      captured = { shown, timings, trace: await browser.stopTracing() };
    },
  });
  if (!captured) {
    await browser.stopTracing().catch(() => undefined);
    return { run, biggestTasks: [], largestCognitoGapTask: null, error: run.error ?? 'no trace' };
  }
  try {
    const tasks = tasksFromTrace(captured.trace, site, distDir);
    const before = tasks.filter((task) => task.start < captured!.shown.at);
    const biggestTasks = [...before].sort((a, b) => b.duration - a.duration).slice(0, 3);
    const sim = captured.timings.resources.filter((e) => e.name.startsWith(bench.origin) && e.startTime <= captured!.shown.at);
    const gaps = cognitoGaps(sim, before, bench.origin);
    const largest = gaps
      .map((gap) => gap.largestTask as TaskProfile | null)
      .reduce<TaskProfile | null>((best, task) => (task && (!best || task.duration > best.duration) ? task : best), null);
    return { run, biggestTasks, largestCognitoGapTask: largest };
  } catch (error) {
    return { run, biggestTasks: [], largestCognitoGapTask: null, error: error instanceof Error ? error.message : String(error) };
  }
}
