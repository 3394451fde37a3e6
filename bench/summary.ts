import type { LoadRun } from './load';
import { MILESTONE_LABELS, type Milestones } from './loadAnalysis';
import { spread, type Spread } from './stats';

/** The timed loads of one variant and visit, reduced to medians with min–max. */
export interface VariantSummary {
  runs: LoadRun[];
  failures: number;
  timeToStatus: Spread;
  firstLoadJsGzip: Spread;
  firstLoadCssGzip: Spread;
  firstLoadJsCssGzip: Spread;
  htmlGzip: Spread;
  transferredBeforeStatus: Spread;
  cognitoRequestsBeforeStatus: Spread;
  backendRequestsBeforeStatus: Spread;
  longTaskMs: Spread;
  /** Per run, the longest long task between a Cognito answer and the next request (0: none of 50 ms or more). */
  cognitoGapTaskMs: Spread;
  /** Median of each milestone on the way to the status, over the successful runs. */
  milestones: Record<keyof Milestones, Spread>;
  /** The run whose time to status is the median (its files and waterfall). */
  medianRun: LoadRun | undefined;
}

export function summarise(runs: LoadRun[]): VariantSummary {
  const ok = runs.filter((r) => r.ok);
  const byTime = [...ok].sort((a, b) => a.timeToStatusMs - b.timeToStatusMs);
  const of = (pick: (run: LoadRun) => number) => spread(ok.map(pick));
  return {
    runs,
    failures: runs.length - ok.length,
    timeToStatus: of((r) => r.timeToStatusMs),
    firstLoadJsGzip: of((r) => r.firstLoadJsGzip),
    firstLoadCssGzip: of((r) => r.firstLoadCssGzip),
    firstLoadJsCssGzip: of((r) => r.firstLoadJsGzip + r.firstLoadCssGzip),
    htmlGzip: of((r) => r.htmlGzip),
    transferredBeforeStatus: of((r) => r.transferredBeforeStatus),
    cognitoRequestsBeforeStatus: of((r) => r.cognitoRequestsBeforeStatus),
    backendRequestsBeforeStatus: of((r) => r.backendRequestsBeforeStatus),
    longTaskMs: of((r) => r.longTaskMsBeforeStatus),
    cognitoGapTaskMs: of((r) => Math.max(0, ...r.cognitoGaps.map((gap) => gap.largestTask?.duration ?? 0))),
    milestones: Object.fromEntries(
      (Object.keys(MILESTONE_LABELS) as (keyof Milestones)[]).map((key) => [key, of((r) => r.milestones[key])]),
    ) as Record<keyof Milestones, Spread>,
    medianRun: byTime[Math.floor((byTime.length - 1) / 2)],
  };
}
