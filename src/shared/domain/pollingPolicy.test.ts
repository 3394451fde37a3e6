import { describe, expect, it } from 'vitest';
import { AwsError, type AwsErrorKind } from '../aws/awsError';
import {
  budgetedIntervalMs,
  MAX_REQUESTS_PER_SECOND,
  ANSWER_CURRENT_ON_OPEN_MS,
  asksAgainOnOpen,
  HIDDEN_MAX_INTERVAL_MS,
  MAX_BACKOFF_MS,
  jitter,
  nextPollDelay,
  retryDelayMs,
  shouldRetry,
} from './pollingPolicy';

const running = { status: 'RUNNING', stoppedByError: false, intervalMs: 5_000, hidden: false };

describe('nextPollDelay', () => {
  it.each(['COMPLETED', 'FAILED', 'completed'])('stops once the job is %s', (status) => {
    expect(nextPollDelay({ ...running, status })).toBe(false);
    expect(nextPollDelay({ ...running, status, hidden: true })).toBe(false);
  });

  it('stops while the person has paused the watch, whatever the status', () => {
    expect(nextPollDelay({ ...running, paused: true })).toBe(false);
    expect(nextPollDelay({ ...running, paused: true, hidden: true })).toBe(false);
    expect(nextPollDelay({ ...running, status: undefined, paused: true })).toBe(false);
    expect(nextPollDelay({ ...running, paused: false })).toBe(5_000);
  });

  it('stops after an error that is not retried automatically', () => {
    expect(nextPollDelay({ ...running, stoppedByError: true })).toBe(false);
  });

  it('polls at the configured interval while visible', () => {
    expect(nextPollDelay(running)).toBe(5_000);
    expect(nextPollDelay({ ...running, intervalMs: 1_000 })).toBe(1_000);
  });

  it('keeps polling a job whose status is unknown or missing', () => {
    expect(nextPollDelay({ ...running, status: 'SOMETHING_NEW' })).toBe(5_000);
    expect(nextPollDelay({ ...running, status: undefined })).toBe(5_000);
  });

  it.each([
    [1_000, 4_000],
    [5_000, 20_000],
    [15_000, 60_000],
    [20_000, 60_000],
    [60_000, 60_000],
    [90_000, 90_000],
    [300_000, 300_000],
  ])('a hidden tab with a %i ms interval waits %i ms', (intervalMs, delay) => {
    expect(nextPollDelay({ ...running, intervalMs, hidden: true })).toBe(delay);
  });

  it('never polls a hidden tab more often than a visible one, nor slower than a minute unless the interval is', () => {
    for (let intervalMs = 1_000; intervalMs <= 300_000; intervalMs += 1_000) {
      const hidden = nextPollDelay({ ...running, intervalMs, hidden: true });
      expect(hidden).toBeGreaterThanOrEqual(intervalMs);
      expect(hidden).toBeLessThanOrEqual(Math.max(intervalMs, HIDDEN_MAX_INTERVAL_MS));
    }
  });
});

describe('shouldRetry', () => {
  it.each<AwsErrorKind>(['throttled', 'service-unavailable', 'network', 'timeout', 'invalid-response'])('retries %s', (kind) => {
    expect(shouldRetry(0, new AwsError({ kind }))).toBe(true);
    expect(shouldRetry(5, new AwsError({ kind }))).toBe(true);
  });

  it.each<AwsErrorKind>([
    'bad-request',
    'not-found',
    'access-denied',
    'expired-credentials',
    'invalid-credentials',
    'signature-mismatch',
    'clock-skew',
    'no-credentials',
    'credentials-failed',
    'http',
  ])('never retries %s: it needs the person', (kind) => {
    expect(shouldRetry(0, new AwsError({ kind }))).toBe(false);
  });

  it('does not retry errors that are not AwsErrors (bugs should surface)', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});

describe('jitter', () => {
  it('stays in [0, 1) for many seeds and attempts, including odd ones', () => {
    const seeds = [0, 1, -1, 42, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 0.5, 123456789];
    for (const seed of seeds) {
      for (let attempt = 0; attempt < 200; attempt++) {
        const value = jitter(seed, attempt);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
      }
    }
  });

  it('is deterministic, so the delay shown is the delay used', () => {
    expect(jitter(1234, 3)).toBe(jitter(1234, 3));
  });

  it('differs between seeds, so many tabs do not retry in step', () => {
    const values = new Set(Array.from({ length: 100 }, (_, seed) => jitter(seed, 0)));
    expect(values.size).toBeGreaterThan(95);
  });

  it('spreads over the whole range rather than clustering', () => {
    const values = Array.from({ length: 2_000 }, (_, seed) => jitter(seed * 7919, seed % 5));
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) buckets[Math.floor(value * 10)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(100);
  });
});

describe('retryDelayMs', () => {
  const plain = new AwsError({ kind: 'service-unavailable' });
  const throttled = new AwsError({ kind: 'throttled' });

  function ceiling(retriesSoFar: number, base: number): number {
    return Math.min(MAX_BACKOFF_MS, base * 2 ** retriesSoFar);
  }

  it('starts at 1 s (scaled into 0.5–1 s) for a plain failure', () => {
    for (let seed = 0; seed < 200; seed++) {
      const delay = retryDelayMs(0, plain, seed);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1_000);
    }
  });

  it('doubles the base when throttled (1–2 s for the first retry)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const delay = retryDelayMs(0, throttled, seed);
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(2_000);
      // Same jitter, twice the ceiling; rounding may differ by 1 ms.
      expect(Math.abs(delay - 2 * retryDelayMs(0, plain, seed))).toBeLessThanOrEqual(1);
    }
  });

  it('stays within [50 %, 100 %] of an exponentially growing ceiling', () => {
    for (const [error, base] of [
      [plain, 1_000],
      [throttled, 2_000],
    ] as const) {
      for (let retries = 0; retries < 12; retries++) {
        for (let seed = 0; seed < 50; seed++) {
          const delay = retryDelayMs(retries, error, seed);
          expect(delay).toBeGreaterThanOrEqual(ceiling(retries, base) / 2);
          expect(delay).toBeLessThanOrEqual(ceiling(retries, base));
        }
      }
    }
  });

  it('never waits less on a later retry than on an earlier one while below the cap (for one tab)', () => {
    // Each doubling of the ceiling puts the next retry's floor at this retry's ceiling; at the cap the
    // ceilings stop doubling and jitter alone decides.
    for (let seed = 0; seed < 50; seed++) {
      for (let retries = 0; retries < 5; retries++) {
        expect(retryDelayMs(retries + 1, plain, seed)).toBeGreaterThanOrEqual(retryDelayMs(retries, plain, seed));
      }
    }
  });

  it('caps at one minute, even after very many retries', () => {
    for (const retries of [6, 10, 16, 17, 100, 10_000]) {
      const delay = retryDelayMs(retries, plain, 7);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeLessThanOrEqual(60_000);
      expect(delay).toBeGreaterThanOrEqual(30_000);
    }
  });

  it('is deterministic for the same seed and spreads across seeds', () => {
    expect(retryDelayMs(3, plain, 99)).toBe(retryDelayMs(3, plain, 99));
    const delays = new Set(Array.from({ length: 50 }, (_, seed) => retryDelayMs(3, plain, seed)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('uses the plain base for errors that are not AwsErrors', () => {
    const delay = retryDelayMs(0, new Error('boom'), 5);
    expect(delay).toBe(retryDelayMs(0, plain, 5));
  });

  it('returns whole milliseconds', () => {
    for (let seed = 0; seed < 50; seed++) expect(Number.isInteger(retryDelayMs(2, plain, seed))).toBe(true);
  });
});

describe('asksAgainOnOpen', () => {
  const answeredAt = Date.UTC(2026, 10, 30, 12, 0, 0);
  it('takes an answer younger than ANSWER_CURRENT_ON_OPEN_MS as current', () => {
    expect(asksAgainOnOpen(answeredAt, answeredAt)).toBe(false);
    expect(asksAgainOnOpen(answeredAt, answeredAt + ANSWER_CURRENT_ON_OPEN_MS - 1)).toBe(false);
  });
  it('asks again about an older answer, or when there was none', () => {
    expect(asksAgainOnOpen(answeredAt, answeredAt + ANSWER_CURRENT_ON_OPEN_MS)).toBe(true);
    expect(asksAgainOnOpen(0, answeredAt)).toBe(true);
  });
  it('is shorter than the shortest poll interval offered', () => {
    expect(ANSWER_CURRENT_ON_OPEN_MS).toBeLessThan(5_000);
  });
});

describe('budgetedIntervalMs', () => {
  it('keeps the chosen interval while the browser’s jobs fit in the request budget', () => {
    expect(MAX_REQUESTS_PER_SECOND).toBe(5);
    expect(budgetedIntervalMs(5_000, 0)).toBe(5_000);
    expect(budgetedIntervalMs(5_000, 25)).toBe(5_000);
  });

  it('stretches it so that all jobs together stay at or under five requests a second', () => {
    expect(budgetedIntervalMs(5_000, 26)).toBe(5_200);
    expect(budgetedIntervalMs(1_000, 10)).toBe(2_000);
    expect(budgetedIntervalMs(5_000, 75)).toBe(15_000);
    for (const jobs of [1, 7, 30, 101]) expect(jobs / (budgetedIntervalMs(1_000, jobs) / 1000)).toBeLessThanOrEqual(5);
  });
});
