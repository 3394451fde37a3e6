/**
 * The difference between the server's clock and this browser's, learned from responses.
 * Requests are signed with `now + offset` so a browser with a wrong clock still gets through.
 */
/** A store whose members are plain functions, safe to pass around unbound (as useSyncExternalStore does). */
export interface ClockOffset {
  /** Milliseconds to add to the local clock to get the server's. */
  get: () => number;
  /** Records the server's time observed at local time `localNow`. */
  learn: (serverTime: Date, localNow?: Date) => void;
  now: () => Date;
  /** Notifies when the offset changes. */
  subscribe: (listener: () => void) => () => void;
}

/** Differences under this are noise (Date headers have one-second resolution, plus latency). */
export const CLOCK_NOISE_MS = 30_000;

export function createClockOffset(localClock: () => number = Date.now): ClockOffset {
  let offsetMs = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => offsetMs,
    learn(serverTime, localNow = new Date(localClock())) {
      const observed = serverTime.getTime() - localNow.getTime();
      if (Math.abs(observed - offsetMs) < CLOCK_NOISE_MS) return;
      offsetMs = Math.abs(observed) < CLOCK_NOISE_MS ? 0 : observed;
      listeners.forEach((listener) => listener());
    },
    now: () => new Date(localClock() + offsetMs),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
