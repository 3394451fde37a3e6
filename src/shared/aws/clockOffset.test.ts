import { describe, expect, it } from 'vitest';
import { CLOCK_NOISE_MS, createClockOffset } from './clockOffset';

const LOCAL = Date.UTC(2024, 4, 1, 12, 0, 0);

/** A local clock the test moves by hand. */
function manualClock(start = LOCAL) {
  let now = start;
  return {
    read: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const at = (ms: number) => new Date(ms);

function withCounter(clock = manualClock()) {
  const offset = createClockOffset(clock.read);
  let notified = 0;
  const unsubscribe = offset.subscribe(() => {
    notified += 1;
  });
  return { offset, clock, notifications: () => notified, unsubscribe };
}

describe('createClockOffset', () => {
  it('starts with no offset and reports the local time', () => {
    const clock = manualClock();
    const offset = createClockOffset(clock.read);
    expect(offset.get()).toBe(0);
    expect(offset.now().getTime()).toBe(LOCAL);
    clock.advance(1_234);
    expect(offset.now().getTime()).toBe(LOCAL + 1_234);
  });

  it.each([0, 1_000, -1_000, CLOCK_NOISE_MS - 1, -(CLOCK_NOISE_MS - 1)])(
    'ignores a difference of %i ms as noise',
    (difference) => {
      const { offset, notifications } = withCounter();
      offset.learn(at(LOCAL + difference), at(LOCAL));
      expect(offset.get()).toBe(0);
      expect(notifications()).toBe(0);
    },
  );

  it.each([CLOCK_NOISE_MS, -CLOCK_NOISE_MS, 5 * 60_000, -5 * 60_000, 3 * 3_600_000, -86_400_000])(
    'learns a difference of %i ms and notifies once',
    (difference) => {
      const { offset, notifications } = withCounter();
      offset.learn(at(LOCAL + difference), at(LOCAL));
      expect(offset.get()).toBe(difference);
      expect(notifications()).toBe(1);
    },
  );

  it('applies the learned offset in now(), as the local clock moves on', () => {
    const { offset, clock } = withCounter();
    offset.learn(at(LOCAL + 10 * 60_000), at(LOCAL));
    expect(offset.now().getTime()).toBe(LOCAL + 10 * 60_000);
    clock.advance(5_000);
    expect(offset.now().getTime()).toBe(LOCAL + 5_000 + 10 * 60_000);
  });

  it('lets a browser whose clock runs ahead sign with the server’s time', () => {
    const { offset } = withCounter(manualClock(LOCAL + 3_600_000));
    offset.learn(at(LOCAL), at(LOCAL + 3_600_000));
    expect(offset.now().getTime()).toBe(LOCAL);
  });

  it('uses the local clock for the observation time when none is given', () => {
    const clock = manualClock();
    const { offset } = withCounter(clock);
    clock.advance(60_000);
    offset.learn(at(LOCAL + 60_000 + 120_000));
    expect(offset.get()).toBe(120_000);
  });

  it('does not move for small changes around a learned offset, nor notify', () => {
    const { offset, notifications } = withCounter();
    offset.learn(at(LOCAL + 600_000), at(LOCAL));
    offset.learn(at(LOCAL + 600_000 + 1_000), at(LOCAL));
    offset.learn(at(LOCAL + 600_000 - (CLOCK_NOISE_MS - 1)), at(LOCAL));
    expect(offset.get()).toBe(600_000);
    expect(notifications()).toBe(1);
  });

  it('relearns when the server’s clock is far from the learned offset', () => {
    const { offset, notifications } = withCounter();
    offset.learn(at(LOCAL + 600_000), at(LOCAL));
    offset.learn(at(LOCAL - 600_000), at(LOCAL));
    expect(offset.get()).toBe(-600_000);
    expect(notifications()).toBe(2);
  });

  it('resets to exactly zero when the local clock has been fixed (difference now near zero)', () => {
    const { offset, notifications } = withCounter();
    offset.learn(at(LOCAL + 600_000), at(LOCAL));
    offset.learn(at(LOCAL + 2_000), at(LOCAL));
    expect(offset.get()).toBe(0);
    expect(offset.now().getTime()).toBe(LOCAL);
    expect(notifications()).toBe(2);
  });

  it('resets to zero from an offset just outside the noise, when a small difference is seen', () => {
    const { offset } = withCounter();
    offset.learn(at(LOCAL + CLOCK_NOISE_MS), at(LOCAL));
    offset.learn(at(LOCAL - 1), at(LOCAL));
    expect(offset.get()).toBe(0);
  });

  it('notifies every subscriber on a change, and none after they unsubscribe', () => {
    const offset = createClockOffset(manualClock().read);
    const calls: string[] = [];
    const stopA = offset.subscribe(() => calls.push('a'));
    offset.subscribe(() => calls.push('b'));
    offset.learn(at(LOCAL + 120_000), at(LOCAL));
    expect(calls.sort()).toEqual(['a', 'b']);

    stopA();
    calls.length = 0;
    offset.learn(at(LOCAL), at(LOCAL));
    expect(calls).toEqual(['b']);
  });

  it('does not notify when nothing changed', () => {
    const { offset, notifications } = withCounter();
    for (let i = 0; i < 10; i++) offset.learn(at(LOCAL + i * 1_000), at(LOCAL));
    expect(notifications()).toBe(0);
    offset.learn(at(LOCAL + 120_000), at(LOCAL));
    for (let i = 0; i < 10; i++) offset.learn(at(LOCAL + 120_000 + i * 1_000), at(LOCAL));
    expect(notifications()).toBe(1);
  });

  it('lets the same listener subscribe twice without being called twice', () => {
    const offset = createClockOffset(manualClock().read);
    let calls = 0;
    const listener = () => {
      calls += 1;
    };
    offset.subscribe(listener);
    offset.subscribe(listener);
    offset.learn(at(LOCAL + 120_000), at(LOCAL));
    expect(calls).toBe(1);
  });

  it('keeps separate offsets for separate instances', () => {
    const a = createClockOffset(manualClock().read);
    const b = createClockOffset(manualClock().read);
    a.learn(at(LOCAL + 120_000), at(LOCAL));
    expect(b.get()).toBe(0);
  });

  it('uses Date.now by default', () => {
    const offset = createClockOffset();
    const before = Date.now();
    const now = offset.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
