import type { PageTimings, ResourceEntry, StatusChange } from './page';

/**
 * What one page load's Resource Timing and long tasks say, up to the moment the status showed:
 * first-load bytes, the waterfall, the milestones, the long tasks and the quiet windows between
 * a Cognito answer and the next request. Pure: the numbers in, the summary out.
 */

export interface WaterfallRow {
  what: string;
  startMs: number;
  endMs: number;
  gzipBytes: number;
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

export interface LongTask {
  start: number;
  duration: number;
}

/** From a Cognito answer to the next request the page sends to AWS (ms since navigation start). */
export interface CognitoGap {
  answeredAt: number;
  nextRequestAt: number;
  /** The longest long task overlapping the window, if any. */
  largestTask: LongTask | null;
}

export interface LoadAnalysis {
  firstLoadJsGzip: number;
  firstLoadCssGzip: number;
  firstLoadFiles: { path: string; gzipBytes: number; endMs: number }[];
  inFlightAtStatus: string[];
  htmlGzip: number;
  /** Bytes that came over the wire before the status (transferSize: 0 for what the cache answered). */
  transferredBeforeStatus: number;
  sizeMismatches: string[];
  waterfall: WaterfallRow[];
  milestones: Milestones;
  /** Long tasks that started before the status, and their time clipped at the status. */
  longTasksBeforeStatus: LongTask[];
  longTaskMsBeforeStatus: number;
  cognitoGaps: CognitoGap[];
}

function describeResource(entry: ResourceEntry, siteOrigin: string, simOrigin: string): string {
  const url = new URL(entry.name);
  if (url.origin === siteOrigin) return url.pathname;
  if (entry.name.startsWith(simOrigin)) {
    if (url.pathname.startsWith('/backend/')) return 'sim: GetBackendJob (incl. CORS preflight)';
    return 'sim: Cognito Identity POST (incl. CORS preflight)';
  }
  return entry.name;
}

/** The quiet windows after each Cognito answer, with the longest task in each. */
export function cognitoGaps(simEntries: ResourceEntry[], tasks: LongTask[], simOrigin: string): CognitoGap[] {
  const sorted = [...simEntries].sort((a, b) => a.startTime - b.startTime);
  const gaps: CognitoGap[] = [];
  for (const entry of sorted) {
    if (!entry.name.startsWith(simOrigin) || new URL(entry.name).pathname.startsWith('/backend/')) continue;
    const next = sorted.find((candidate) => candidate.startTime >= entry.responseEnd);
    if (!next) continue;
    const overlapping = tasks.filter((task) => task.start < next.startTime && task.start + task.duration > entry.responseEnd);
    const largestTask = overlapping.reduce<LongTask | null>(
      (best, task) => (!best || task.duration > best.duration ? task : best),
      null,
    );
    gaps.push({ answeredAt: entry.responseEnd, nextRequestAt: next.startTime, largestTask });
  }
  return gaps;
}

export function analyseLoad(
  timings: PageTimings,
  shown: StatusChange,
  site: { origin: string; gzipSize(path: string): number | undefined },
  simOrigin: string,
): LoadAnalysis {
  const result: LoadAnalysis = {
    firstLoadJsGzip: 0,
    firstLoadCssGzip: 0,
    firstLoadFiles: [],
    inFlightAtStatus: [],
    htmlGzip: timings.navigation?.encodedBodySize ?? 0,
    transferredBeforeStatus: timings.navigation?.transferSize ?? 0,
    sizeMismatches: [],
    waterfall: [],
    milestones: {} as Milestones,
    longTasksBeforeStatus: [],
    longTaskMsBeforeStatus: 0,
    cognitoGaps: [],
  };
  for (const entry of timings.resources) {
    const url = new URL(entry.name);
    if (entry.responseEnd <= shown.at && url.origin === site.origin) result.transferredBeforeStatus += entry.transferSize;
    if (url.origin !== site.origin || !/\.(js|css)$/.test(url.pathname)) continue;
    if (entry.responseEnd <= shown.at) {
      const served = site.gzipSize(url.pathname);
      // A cached answer has no transfer to compare with; its body size is still the stored gzip's.
      if (served !== undefined && served !== entry.encodedBodySize) {
        result.sizeMismatches.push(`${url.pathname}: browser ${entry.encodedBodySize} B, served ${served} B`);
      }
      result.firstLoadFiles.push({ path: url.pathname, gzipBytes: entry.encodedBodySize, endMs: Math.round(entry.responseEnd) });
      if (url.pathname.endsWith('.css')) result.firstLoadCssGzip += entry.encodedBodySize;
      else result.firstLoadJsGzip += entry.encodedBodySize;
    } else if (entry.startTime < shown.at) {
      result.inFlightAtStatus.push(url.pathname);
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
      what: describeResource(entry, site.origin, simOrigin),
      startMs: Math.round(entry.startTime),
      endMs: Math.round(entry.responseEnd),
      gzipBytes: entry.encodedBodySize,
    });
  }
  result.longTasksBeforeStatus = timings.longTasks.filter((task) => task.start < shown.at);
  for (const task of result.longTasksBeforeStatus) {
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
  result.waterfall = rows.sort((a, b) => a.startMs - b.startMs);
  const sim = timings.resources.filter((e) => e.name.startsWith(simOrigin) && e.startTime <= shown.at);
  const cognito = sim.filter((e) => !new URL(e.name).pathname.startsWith('/backend/'));
  const jobRequest = sim.find((e) => new URL(e.name).pathname.startsWith('/backend/'));
  const before = (e: ResourceEntry) => !jobRequest || e.startTime < jobRequest.startTime;
  result.milestones = {
    assetsLoaded: Math.max(...result.firstLoadFiles.map((f) => f.endMs)),
    firstCognitoStart: cognito[0]?.startTime ?? Number.NaN,
    credentialsAnswered: Math.max(...cognito.filter(before).map((e) => e.responseEnd)),
    jobRequestStart: jobRequest?.startTime ?? Number.NaN,
    jobAnswered: jobRequest?.responseEnd ?? Number.NaN,
    statusShown: shown.at,
  };
  result.longTaskMsBeforeStatus = result.longTasksBeforeStatus.reduce(
    (sum, task) => sum + Math.min(task.duration, shown.at - task.start),
    0,
  );
  result.cognitoGaps = cognitoGaps(sim, timings.longTasks, simOrigin);
  return result;
}
