import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realAfter, realEvery, realWait } from './timers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the command’s timers', () => {
  it('realWait resolves after its time, and rejects at once when aborted', async () => {
    const done = vi.fn();
    void realWait(1000, new AbortController().signal).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();

    const controller = new AbortController();
    const waiting = realWait(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
    await expect(realWait(1, controller.signal)).rejects.toThrow('stop');
  });

  it('realAfter calls once unless cancelled; realEvery ticks until stopped', async () => {
    const fired = vi.fn();
    realAfter(500, fired);
    const cancel = realAfter(500, () => expect.unreachable());
    cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(fired).toHaveBeenCalledTimes(1);

    const tick = vi.fn();
    const stop = realEvery(100, tick);
    await vi.advanceTimersByTimeAsync(350);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(tick).toHaveBeenCalledTimes(3);
  });
});
