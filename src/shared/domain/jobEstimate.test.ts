import { describe, expect, it } from 'vitest';
import {
  earlierDurations,
  estimateJob,
  estimateProgress,
  estimateSummary,
  formatDurationRange,
  formatRemaining,
  percentile,
  type EstimateJob,
  type JobEstimate,
} from './jobEstimate';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
let counter = 0;

function earlier(durationMs: number, overrides: Partial<EstimateJob> = {}): EstimateJob {
  counter += 1;
  const start = T0 + counter * 3_600_000;
  return {
    jobId: `job-${counter}`,
    operation: 'CreateBackendAuth',
    status: 'COMPLETED',
    createTime: { date: new Date(start) },
    updateTime: { date: new Date(start + durationMs) },
    ...overrides,
  };
}

function estimated(history: EstimateJob[]): Extract<JobEstimate, { kind: 'estimate' }> {
  const estimate = estimateJob(history, 'CreateBackendAuth');
  if (estimate.kind !== 'estimate') throw new Error('expected an estimate');
  return estimate;
}

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([10], 25)).toBe(10);
    expect(percentile([10, 20], 50)).toBe(15);
    expect(percentile([1, 2, 3, 4, 5], 25)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5], 75)).toBe(4);
    expect(percentile([0, 100, 200, 300], 25)).toBe(75);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 100)).toBe(3);
  });
});

describe('estimateJob', () => {
  it('gives the 25th–75th percentile range, median and slowest of the same operation', () => {
    const history = [1, 2, 3, 4, 5].map((minutes) => earlier(minutes * MINUTE));
    const estimate = estimated(history);
    expect(estimate).toMatchObject({
      samples: 5,
      lowMs: 2 * MINUTE,
      medianMs: 3 * MINUTE,
      highMs: 4 * MINUTE,
      slowestMs: 5 * MINUTE,
    });
    expect(estimateSummary(estimate)).toBe('Usually takes 2–4 min (5 earlier CreateBackendAuth jobs)');
  });

  it('gives no estimate with fewer than three earlier jobs', () => {
    expect(estimateJob([], 'CreateBackendAuth')).toEqual({ kind: 'too-few', operation: 'CreateBackendAuth', samples: 0 });
    const one = estimateJob([earlier(MINUTE)], 'CreateBackendAuth');
    expect(estimateSummary(one)).toBe('No estimate yet (1 earlier job)');
    expect(estimateSummary(estimateJob([earlier(MINUTE), earlier(MINUTE)], 'CreateBackendAuth'))).toBe(
      'No estimate yet (2 earlier jobs)',
    );
  });

  it('ignores other operations', () => {
    const history = [
      earlier(MINUTE),
      earlier(MINUTE),
      ...[1, 2, 3].map(() => earlier(9 * MINUTE, { operation: 'DeleteBackend' })),
    ];
    expect(estimateJob(history, 'CreateBackendAuth')).toMatchObject({ kind: 'too-few', samples: 2 });
  });

  it('ignores FAILED and still-running jobs', () => {
    const history = [
      earlier(MINUTE),
      earlier(2 * MINUTE),
      earlier(30 * SECOND, { status: 'FAILED' }),
      earlier(60 * MINUTE, { status: 'RUNNING' }),
    ];
    expect(earlierDurations(history, 'CreateBackendAuth')).toEqual([MINUTE, 2 * MINUTE]);
  });

  it('leaves out the job being estimated, jobs listed twice and jobs without readable times', () => {
    const repeated = earlier(MINUTE);
    const history = [
      repeated,
      repeated,
      earlier(2 * MINUTE, { jobId: 'current' }),
      earlier(3 * MINUTE, { createTime: { date: undefined } }),
      earlier(4 * MINUTE, { updateTime: undefined }),
    ];
    expect(earlierDurations(history, 'CreateBackendAuth', 'current')).toEqual([MINUTE]);
  });

  it('is not thrown off by clock skew: times are the service’s, and a job ending before it began is left out', () => {
    const skewed = earlier(-5 * MINUTE);
    const history = [earlier(MINUTE), earlier(2 * MINUTE), earlier(3 * MINUTE), skewed];
    expect(estimated(history).samples).toBe(3);
  });
});

describe('estimateProgress', () => {
  const estimate = estimated([1, 2, 3, 4, 5].map((minutes) => earlier(minutes * MINUTE)));

  it('shows the time left against the median', () => {
    expect(estimateProgress(estimate, MINUTE)).toEqual({ kind: 'on-track', fraction: 1 / 3, remainingMs: 2 * MINUTE });
    expect(formatRemaining(2 * MINUTE)).toBe('about 2 min left');
    expect(formatRemaining(70 * SECOND)).toBe('about 1 min left');
  });

  it('under a minute, follows the time left in steps of 5 s instead of one fixed phrase', () => {
    expect(formatRemaining(58 * SECOND)).toBe('about 1 min left');
    expect(formatRemaining(40 * SECOND)).toBe('about 40 s left');
    expect(formatRemaining(33 * SECOND)).toBe('about 35 s left');
    expect(formatRemaining(20 * SECOND)).toBe('about 20 s left');
    expect(formatRemaining(8 * SECOND)).toBe('about 10 s left');
    expect(formatRemaining(7 * SECOND)).toBe('a few seconds left');
    expect(formatRemaining(0)).toBe('a few seconds left');
  });

  it('treats a job that seems to start in the future (a clock being corrected) as just started', () => {
    expect(estimateProgress(estimate, -30 * SECOND)).toEqual({ kind: 'on-track', fraction: 0, remainingMs: 3 * MINUTE });
  });

  it('keeps the bar below full past the median, until the slowest earlier job', () => {
    expect(estimateProgress(estimate, 4 * MINUTE)).toEqual({ kind: 'any-time', fraction: 0.99 });
    expect(estimateProgress(estimate, 5 * MINUTE)).toEqual({ kind: 'any-time', fraction: 0.99 });
  });

  it('says how much longer than the slowest earlier job it has run', () => {
    expect(estimateProgress(estimate, 7 * MINUTE)).toEqual({ kind: 'longer-than-usual', overByMs: 2 * MINUTE });
  });

  it('never says “0 s past the slowest”: under a whole second past it, it still should finish any time', () => {
    expect(estimateProgress(estimate, 5 * MINUTE + 400)).toEqual({ kind: 'any-time', fraction: 0.99 });
    expect(estimateProgress(estimate, 5 * MINUTE + 999)).toEqual({ kind: 'any-time', fraction: 0.99 });
    expect(estimateProgress(estimate, 5 * MINUTE + SECOND)).toEqual({ kind: 'longer-than-usual', overByMs: SECOND });
  });
});

describe('formatDurationRange', () => {
  it.each([
    [20 * SECOND, 40 * SECOND, '20–40 s'],
    [40 * SECOND, 40 * SECOND, 'about 40 s'],
    [40 * SECOND, 90 * SECOND, '40 s–2 min'],
    [2 * MINUTE + 10 * SECOND, 3 * MINUTE + 30 * SECOND, '2–4 min'],
    [3 * MINUTE, 3 * MINUTE, 'about 3 min'],
    [90 * MINUTE, 150 * MINUTE, '1–3 h'],
  ])('%i to %i ms reads %s', (low, high, text) => {
    expect(formatDurationRange(low, high)).toBe(text);
  });
});
