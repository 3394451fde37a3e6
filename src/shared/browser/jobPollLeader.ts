/**
 * One poller per job per browser. Every tab watching a job asks for the same Web Lock; the tab
 * holding it polls and broadcasts each answer on a BroadcastChannel, the others wait for those
 * answers instead of asking AWS themselves. A tab that closes drops its lock at once; a tab that
 * is hidden or paused hands the lock on (and queues again behind the visible tabs), so another
 * tab takes over within one interval. A tab that joins, or is shown again, says so; a hidden leader
 * that hears it hands the lock on too, so a visible tab never follows a hidden tab's slower checks.
 * A paused tab's own explicit check takes the leader's next answer, or, with no tab leading, makes
 * one request under the lock and shares it. Credentials never cross: only answers do.
 * Without Web Locks (old browsers, jsdom) every tab is its own leader, as if alone.
 *
 * Longer than this repository's ~300 lines: one tab's side of the election is a single state
 * machine (leading, queued, handing over, paused, hidden) over one lock and one channel; its
 * variables are shared by every path here, and split up they would be passed around whole.
 */

import { LOCK_PREFIX } from './electionLocks';

export { LOCK_PREFIX } from './electionLocks';

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
  /** Every lock of the origin, held or asked for, in every tab. */
  query?(): Promise<{ held?: { name?: string }[]; pending?: { name?: string }[] }>;
}

/** How many jobs this browser's tabs poll (one election lock each, held or asked for); undefined without `query`. */
export async function electionsInBrowser(locks: LockManagerLike | undefined): Promise<number | undefined> {
  if (!locks?.query) return undefined;
  const { held = [], pending = [] } = await locks.query();
  const names = [...held, ...pending].map((lock) => lock.name).filter((name) => name?.startsWith(LOCK_PREFIX));
  return new Set(names).size;
}

/** The part of `BroadcastChannel` used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface ElectionEnvironment {
  locks?: LockManagerLike;
  openChannel?: (name: string) => ChannelLike;
}

export function browserElectionEnvironment(): ElectionEnvironment {
  const locks = typeof navigator !== 'undefined' ? (navigator as { locks?: LockManagerLike }).locks : undefined;
  const openChannel =
    typeof BroadcastChannel === 'function' ? (name: string) => new BroadcastChannel(name) as unknown as ChannelLike : undefined;
  return { locks, openChannel };
}

/** Errors cross tabs as plain data (structured clone drops a class's own fields). */
export interface ErrorCodec {
  encode(error: unknown): unknown;
  decode(data: unknown): unknown;
}

/**
 * Answers cross tabs as data the receiving tab reads the way it reads AWS's own answer: `decode`
 * throws on anything that is not one, and such a message is dropped.
 */
export interface ValueCodec<T> {
  encode(value: T): unknown;
  decode(data: unknown): T;
}

const AS_IS = { encode: (value: unknown) => value, decode: (data: unknown) => data };

const PLAIN_ERRORS: ErrorCodec = {
  encode: (error) => (error instanceof Error ? { message: error.message } : error),
  decode: (data) => new Error(typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : 'Failed'),
};

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };
/** `replay`: an earlier answer sent again for a tab that asked; tabs that already have one ignore it. */
type Message<T> =
  { type: 'ask' } | { type: 'answer'; answer: { ok: true; value: T } | { ok: false; error: unknown }; replay?: boolean };

export interface PollOptions {
  signal?: AbortSignal;
  /** A follower that hears nothing for this long asks AWS itself (a leader that stopped answering). */
  maxWaitMs: number;
}

export interface JobPollLeader<T> {
  /** As leader: runs `fetcher` and shares its answer. As follower: the leader's next answer. */
  poll(fetcher: (signal?: AbortSignal) => Promise<T>, options: PollOptions): Promise<T>;
  isLeader(): boolean;
  /** Settles the first time this tab is given the lock (at once without Web Locks); never for a tab that only follows. */
  firstLead(): Promise<void>;
  /** A hidden tab hands the polling to a visible one, if there is one. */
  setHidden(hidden: boolean): void;
  /** A tab whose person paused checks stops leading; it follows again when resumed. */
  setPaused(paused: boolean): void;
  /** Leaves the election (the page no longer watches the job). */
  close(): void;
}

interface Waiter<T> {
  fetcher: (signal?: AbortSignal) => Promise<T>;
  signal?: AbortSignal;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A message as this module sends them, or undefined for anything else on the channel. */
function readMessage(data: unknown): Message<unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, answer, replay } = data as Record<string, unknown>;
  if (type === 'ask') return { type };
  if (type !== 'answer' || typeof answer !== 'object' || answer === null) return undefined;
  const { ok, value, error } = answer as Record<string, unknown>;
  if (ok !== true && ok !== false) return undefined;
  return { type, answer: ok ? { ok, value } : { ok, error }, replay: replay === true };
}

export function joinPollElection<T>(
  key: string,
  env: ElectionEnvironment = browserElectionEnvironment(),
  codec: ErrorCodec = PLAIN_ERRORS,
  /** What this tab already knows (e.g. from a request made before it joined), for a tab that asks. */
  known: () => T | undefined = () => undefined,
  values: ValueCodec<T> = AS_IS as ValueCodec<T>,
): JobPollLeader<T> {
  const { locks, openChannel } = env;
  if (!locks || !openChannel) {
    return {
      poll: (fetcher, options) => fetcher(options.signal),
      isLeader: () => true,
      firstLead: () => Promise.resolve(),
      setHidden: () => undefined,
      setPaused: () => undefined,
      close: () => undefined,
    };
  }

  const channel = openChannel(LOCK_PREFIX + key);
  const waiters = new Set<Waiter<T>>();
  let leader = false;
  let closed = false;
  let hidden = false;
  let paused = false;
  let lastAnswer: Answer<T> | undefined;
  /** An answer that came while no poll of this tab was waiting: the next poll takes it. */
  let unclaimed: Answer<T> | undefined;
  /** Aborts a queued lock request. */
  let pending: AbortController | undefined;
  /** Ends the held lock. */
  let release: (() => void) | undefined;
  let wantRelease = false;
  /** Queue again once the lock is given up (a hidden tab stays a candidate, behind the visible ones). */
  let requeue = false;
  let ledOnce!: () => void;
  const firstLead = new Promise<void>((resolve) => {
    ledOnce = resolve;
  });

  const send = (message: Message<unknown>) => {
    if (!closed) channel.postMessage(message);
  };
  const share = (answer: Answer<T>, replay = false) => {
    lastAnswer = answer;
    send({
      type: 'answer',
      answer: answer.ok ? { ok: true, value: values.encode(answer.value) } : { ok: false, error: codec.encode(answer.error) },
      replay,
    });
  };

  const settleWaiter = (waiter: Waiter<T>, answer: Answer<T>) => {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
    if (answer.ok) waiter.resolve(answer.value);
    else waiter.reject(answer.error);
  };

  const maybeRelease = () => {
    if (release && wantRelease && !current) {
      const done = release;
      release = undefined;
      wantRelease = false;
      leader = false;
      done();
      if (requeue) {
        requeue = false;
        requestLock();
      }
    }
  };

  /**
   * The leader's request in flight; a second poll in this tab joins it (one request per job at a time).
   * The request has a signal of its own: each poll that waits on it can be cancelled alone (React
   * Query cancels a fetch whose observers all left, as StrictMode's second mount and a sign-out's
   * reset do, and fetches again at once), and the request stops only when every poll on it is
   * cancelled. A poll after that starts a new request instead of joining the cancelled one.
   */
  let current: { answer: Promise<T>; controller: AbortController; polls: number } | undefined;

  const startRequest = (fetcher: (signal?: AbortSignal) => Promise<T>) => {
    const controller = new AbortController();
    const request = { controller, polls: 0, answer: undefined as unknown as Promise<T> };
    request.answer = (async () => {
      try {
        const value = await fetcher(controller.signal);
        share({ ok: true, value });
        return value;
      } catch (error) {
        if (!controller.signal.aborted) share({ ok: false, error });
        throw error;
      } finally {
        if (current === request) current = undefined;
        maybeRelease();
      }
    })();
    // Polls that were all cancelled leave nobody to see the request's rejection.
    request.answer.catch(() => undefined);
    current = request;
    return request;
  };

  const lead = (fetcher: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const request = current && !current.controller.signal.aborted ? current : startRequest(fetcher);
    request.polls += 1;
    if (!signal) return request.answer;
    return new Promise<T>((resolve, reject) => {
      const cancel = () => {
        request.polls -= 1;
        if (request.polls === 0) request.controller.abort(signal.reason);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', cancel, { once: true });
      const done = () => signal.removeEventListener('abort', cancel);
      request.answer.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    });
  };

  const requestLock = () => {
    if (closed || paused || release || pending) return;
    const controller = new AbortController();
    pending = controller;
    locks
      .request(LOCK_PREFIX + key, { signal: controller.signal }, () => {
        pending = undefined;
        if (closed || paused) return Promise.resolve();
        leader = true;
        ledOnce();
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        // Waiting followers become the poller at once, with one request for all of them.
        const waiting = [...waiters];
        waiters.clear();
        // Each keeps its own cancel (see lead).
        for (const waiter of waiting) {
          clearTimeout(waiter.timer);
          lead(waiting[0]!.fetcher, waiter.signal).then(waiter.resolve, waiter.reject);
        }
        return held;
      })
      .catch(() => {
        // Aborted while queued: a later request takes its place.
        if (pending === controller) pending = undefined;
      });
  };

  /** Gives the lock up (after any request in flight) or leaves the queue. */
  const stepDown = (thenQueueAgain: boolean) => {
    pending?.abort();
    pending = undefined;
    if (release) {
      wantRelease = true;
      requeue = thenQueueAgain;
      maybeRelease();
    } else if (thenQueueAgain) {
      requestLock();
    }
  };

  /** Waits for the leader's next answer (or, after `maxWaitMs` of silence, asks AWS directly). */
  const follow = (fetcher: (signal?: AbortSignal) => Promise<T>, signal: AbortSignal | undefined, maxWaitMs: number) => {
    let waiter!: Waiter<T>;
    const answer = new Promise<T>((resolve, reject) => {
      waiter = {
        fetcher,
        signal,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          // The leader went quiet (paused, stopped by an error, or frozen): ask AWS directly.
          fetcher(signal).then(resolve, reject);
        }, maxWaitMs),
      };
      waiters.add(waiter);
      signal?.addEventListener('abort', () => {
        if (!waiters.has(waiter)) return;
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        reject(signal.reason as Error);
      });
    });
    return { waiter, answer };
  };

  /**
   * A check the person asked for while this tab is paused (it does not lead): the leader's next
   * answer, or, when no tab leads, one request under the lock, shared, then the lock is free again.
   */
  const checkWhilePaused = (
    fetcher: (signal?: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    maxWaitMs: number,
  ) => {
    const { waiter, answer } = follow(fetcher, signal, maxWaitMs);
    const queued = new AbortController();
    locks
      .request(LOCK_PREFIX + key, { signal: queued.signal }, async () => {
        if (!waiters.has(waiter)) return;
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        try {
          const value = await fetcher(signal);
          share({ ok: true, value });
          waiter.resolve(value);
        } catch (error) {
          if (!signal?.aborted) share({ ok: false, error });
          waiter.reject(error);
        }
      })
      .catch(() => undefined);
    const leaveQueue = () => queued.abort();
    answer.then(leaveQueue, leaveQueue);
    return answer;
  };

  channel.onmessage = (event) => {
    const message = readMessage(event.data);
    if (!message) return;
    if (message.type === 'ask') {
      if (!leader) return;
      const value = lastAnswer === undefined ? known() : undefined;
      const answer = lastAnswer ?? (value === undefined ? undefined : { ok: true as const, value });
      if (answer) share(answer, true);
      // A hidden leader polls slowly: the tab that asked (queued for the lock) takes over.
      if (hidden) stepDown(true);
      return;
    }
    if (message.type !== 'answer' || leader) return;
    if (message.replay && lastAnswer) return;
    let answer: Answer<T>;
    try {
      answer = message.answer.ok
        ? { ok: true, value: values.decode(message.answer.value) }
        : { ok: false, error: codec.decode(message.answer.error) };
    } catch {
      return;
    }
    lastAnswer = answer;
    if (waiters.size === 0) unclaimed = answer;
    for (const waiter of [...waiters]) settleWaiter(waiter, answer);
  };

  requestLock();
  send({ type: 'ask' });

  return {
    poll(fetcher, { signal, maxWaitMs }) {
      if (leader && !wantRelease) return lead(fetcher, signal);
      if (paused) return checkWhilePaused(fetcher, signal, maxWaitMs);
      if (unclaimed) {
        const answer = unclaimed;
        unclaimed = undefined;
        if (answer.ok) return Promise.resolve(answer.value);
        // The leader's error as decoded: whatever its fetcher threw, passed on unchanged.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        return Promise.reject(answer.error);
      }
      return follow(fetcher, signal, maxWaitMs).answer;
    },
    isLeader: () => leader && !wantRelease,
    firstLead: () => firstLead,
    setHidden(next) {
      if (next === hidden) return;
      hidden = next;
      // Hidden: step down and queue again, behind any visible tab already waiting.
      if (hidden) stepDown(true);
      else {
        requestLock();
        // Shown again behind a hidden leader: ask, and it hands over.
        if (!leader) send({ type: 'ask' });
      }
    },
    setPaused(next) {
      if (next === paused) return;
      paused = next;
      if (paused) stepDown(false);
      else requestLock();
    },
    close() {
      if (closed) return;
      closed = true;
      stepDown(false);
      channel.onmessage = null;
      channel.close();
      for (const waiter of [...waiters]) clearTimeout(waiter.timer);
      waiters.clear();
    },
  };
}
