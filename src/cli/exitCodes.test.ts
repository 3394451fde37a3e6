import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from './exitCodes';

describe('exitCodeFor', () => {
  it('is 0 only when every job succeeded', () => {
    expect(exitCodeFor(['succeeded'])).toBe(0);
    expect(exitCodeFor(['succeeded', 'succeeded', 'succeeded'])).toBe(0);
  });

  it('is 1 when any job failed (or was cancelled)', () => {
    expect(exitCodeFor(['succeeded', 'failed'])).toBe(EXIT.failed);
  });

  it('is 1 rather than 4 when a job failed before the timeout: the failure is certain', () => {
    expect(exitCodeFor(['failed', 'timed-out'])).toBe(EXIT.failed);
  });

  it('is 3 when a job cannot be watched, whatever the others did: the setup needs fixing', () => {
    expect(exitCodeFor(['succeeded', 'cannot-watch'])).toBe(EXIT.cannotWatch);
    expect(exitCodeFor(['failed', 'cannot-watch', 'timed-out'])).toBe(EXIT.cannotWatch);
  });

  it('is 4 when the timeout came and nothing failed', () => {
    expect(exitCodeFor(['succeeded', 'timed-out'])).toBe(EXIT.timeout);
  });

  it('is 130 after Ctrl-C, whatever else happened', () => {
    expect(exitCodeFor(['failed', 'cannot-watch', 'interrupted'])).toBe(EXIT.interrupted);
  });

  it('keeps the codes the README documents', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2, cannotWatch: 3, timeout: 4, interrupted: 130 });
  });
});
