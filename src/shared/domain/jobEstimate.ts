/**
 * How long a running job will probably take, from the environment's earlier jobs of the same
 * operation. Durations are `updateTime − createTime` of each earlier COMPLETED job: both times
 * come from the service, so this browser's clock does not enter them.
 */
import { endedWell, isTerminalStatus } from './jobStatus';

/** What the estimate needs of a job; `BackendJob` fits. */
export interface EstimateJob {
  jobId?: string;
  operation?: string;
  status?: string;
  createTime?: { date?: Date };
  updateTime?: { date?: Date };
}

/** Whether a job gets an estimate at all: it is still running and its operation is known. */
export function showsEstimate(job: EstimateJob | undefined): boolean {
  return job !== undefined && job.operation !== undefined && !isTerminalStatus(job.status);
}

/** Fewer earlier jobs than this give no estimate. */
export const MIN_SAMPLES = 3;
/** The range shown ("usually takes …") runs between these percentiles. */
export const LOW_PERCENTILE = 25;
export const HIGH_PERCENTILE = 75;

export type JobEstimate =
  | { kind: 'too-few'; operation: string; samples: number }
  | {
      kind: 'estimate';
      operation: string;
      samples: number;
      lowMs: number;
      medianMs: number;
      highMs: number;
      slowestMs: number;
    };

/** Linear interpolation between closest ranks; `sorted` ascending, not empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of nothing');
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (rank - below);
}

/** Durations of the earlier completed jobs of `operation`, ascending; the job itself is left out. */
export function earlierDurations(history: readonly EstimateJob[], operation: string, excludeJobId?: string): number[] {
  const seen = new Set<string>();
  const durations: number[] = [];
  for (const job of history) {
    if (job.operation !== operation || !endedWell(job.status)) continue;
    if (job.jobId !== undefined) {
      if (job.jobId === excludeJobId || seen.has(job.jobId)) continue;
      seen.add(job.jobId);
    }
    const start = job.createTime?.date?.getTime();
    const end = job.updateTime?.date?.getTime();
    // A job that "ended before it began" says nothing about how long jobs take.
    if (start === undefined || end === undefined || end < start) continue;
    durations.push(end - start);
  }
  return durations.sort((a, b) => a - b);
}

export function estimateJob(history: readonly EstimateJob[], operation: string, excludeJobId?: string): JobEstimate {
  const durations = earlierDurations(history, operation, excludeJobId);
  if (durations.length < MIN_SAMPLES) return { kind: 'too-few', operation, samples: durations.length };
  return {
    kind: 'estimate',
    operation,
    samples: durations.length,
    lowMs: percentile(durations, LOW_PERCENTILE),
    medianMs: percentile(durations, 50),
    highMs: percentile(durations, HIGH_PERCENTILE),
    slowestMs: durations[durations.length - 1] ?? 0,
  };
}

export type EstimateProgress =
  | { kind: 'on-track'; fraction: number; remainingMs: number }
  /** Past the usual time but not past the slowest earlier job. */
  | { kind: 'any-time'; fraction: number }
  | { kind: 'longer-than-usual'; overByMs: number };

const SECOND = 1000;

/**
 * Where a running job stands against the estimate. `elapsedMs` is the server's now minus the
 * job's createTime; a negative value (a clock still being corrected) counts as just started.
 * The bar never reaches 100 % while the job runs. "Longer than usual" starts a whole second past
 * the slowest earlier job, so it never says "0 s past".
 */
export function estimateProgress(estimate: Extract<JobEstimate, { kind: 'estimate' }>, elapsedMs: number): EstimateProgress {
  const elapsed = Math.max(0, elapsedMs);
  if (elapsed >= estimate.slowestMs + SECOND) return { kind: 'longer-than-usual', overByMs: elapsed - estimate.slowestMs };
  const expected = Math.max(estimate.medianMs, 1);
  const fraction = Math.min(0.99, elapsed / expected);
  if (elapsed >= estimate.medianMs) return { kind: 'any-time', fraction };
  return { kind: 'on-track', fraction, remainingMs: estimate.medianMs - elapsed };
}

const MINUTE = 60_000;

/** `20–40 s`, `2–4 min`, `40 s–2 min`, `1–2 h`: rounded outward so the range still holds the data. */
export function formatDurationRange(lowMs: number, highMs: number): string {
  const low = Math.max(0, lowMs);
  const high = Math.max(low, highMs);
  if (high < MINUTE) {
    const [a, b] = [Math.floor(low / 1000), Math.max(1, Math.ceil(high / 1000))];
    return a === b ? `about ${b} s` : `${a}–${b} s`;
  }
  if (high < 120 * MINUTE) {
    const b = Math.ceil(high / MINUTE);
    if (low < MINUTE) return `${Math.floor(low / 1000)} s–${b} min`;
    const a = Math.floor(low / MINUTE);
    return a === b ? `about ${b} min` : `${a}–${b} min`;
  }
  const [a, b] = [Math.floor(low / (60 * MINUTE)), Math.ceil(high / (60 * MINUTE))];
  return a === b ? `about ${b} h` : `${a}–${b} h`;
}

/** `about 2 h left`, `about 3 min left`, `about 35 s left` (in steps of 5 s), `a few seconds left`. */
export function formatRemaining(ms: number): string {
  const seconds = Math.round(ms / (5 * SECOND)) * 5;
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 60) return `about ${seconds} s left`;
  if (ms < 120 * MINUTE) return `about ${Math.round(ms / MINUTE)} min left`;
  return `about ${Math.round(ms / (60 * MINUTE))} h left`;
}

/** `12 earlier CreateBackendAuth jobs`, `1 earlier job`. */
export function formatSamples(samples: number, operation?: string): string {
  return `${samples} earlier ${operation ? `${operation} ` : ''}job${samples === 1 ? '' : 's'}`;
}

/** The one line above the bar. */
export function estimateSummary(estimate: JobEstimate): string {
  if (estimate.kind === 'too-few') return `No estimate yet (${formatSamples(estimate.samples)})`;
  return `Usually takes ${formatDurationRange(estimate.lowMs, estimate.highMs)} (${formatSamples(estimate.samples, estimate.operation)})`;
}
