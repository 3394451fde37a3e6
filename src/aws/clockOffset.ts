/**
 * The difference between the server's clock and this browser's, learned from responses.
 * Requests are signed with `now + offset` so a browser with a wrong clock still gets through.
 */
export interface ClockOffset {
  /** Milliseconds to add to the local clock to get the server's. */
  get(): number;
  /** Records the server's time observed at local time `localNow`. */
  learn(serverTime: Date, localNow?: Date): void;
  now(): Date;
}

export function createClockOffset(localClock: () => number = Date.now): ClockOffset {
  let offsetMs = 0;
  return {
    get: () => offsetMs,
    learn(serverTime, localNow = new Date(localClock())) {
      offsetMs = serverTime.getTime() - localNow.getTime();
    },
    now: () => new Date(localClock() + offsetMs),
  };
}
