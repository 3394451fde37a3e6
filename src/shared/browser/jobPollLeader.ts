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
 * One tab's side is the pure `transition` below; `joinPollElection` does what entering and leaving
 * each state means. Not the `broadcast-channel` package's election: its Web Locks elector dies for
 * good when it steps down (no queueing again behind visible tabs), cannot keep the lock until the
 * request in flight ends, and shares nothing; without Web Locks it elects by heartbeats, which can
 * briefly give two leaders. Web Locks alone give exactly one poller across tabs with no heartbeat.
 * Over ~300 lines: what the states do shares one lock, one channel and the polls waiting on them.
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

/**
 * Answers and errors cross tabs as plain data (structured clone drops a class's own fields), read the way AWS's own
 * answer is read: `decode` throws on anything that is not one, and such a message is dropped.
 */
export interface Codec<T> {
  encode(value: T): unknown;
  decode(data: unknown): T;
}

const AS_IS = { encode: (value: unknown) => value, decode: (data: unknown) => data };

const PLAIN_ERRORS: Codec<unknown> = {
  encode: (error) => (error instanceof Error ? { message: error.message } : error),
  decode: (data) => new Error(typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : 'Failed'),
};

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };
type Fetcher<T> = (signal?: AbortSignal) => Promise<T>;
/** `replay`: an earlier answer sent again for a tab that asked; tabs that already have one ignore it. */
type Message = { type: 'ask' } | { type: 'answer'; answer: Answer<unknown>; replay?: boolean };

export interface PollOptions {
  signal?: AbortSignal;
  /** A follower that hears nothing for this long asks AWS itself (a leader that stopped answering). */
  maxWaitMs: number;
}

export interface JobPollLeader<T> {
  /** As leader: runs `fetcher` and shares its answer. As follower: the leader's next answer. */
  poll(fetcher: Fetcher<T>, options: PollOptions): Promise<T>;
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

/**
 * One tab's place in a job's election. `idle`: not in it (before joining, after leaving);
 * `waiting`: queued for the lock, taking the leader's answers meanwhile; `leading`: holds the lock,
 * polls and shares; `releasing`: holds it until the request in flight ends, then goes to `next`;
 * `following`: paused, out of the queue, taking the leader's answers only.
 */
export type LeaderState =
  { name: 'idle' | 'waiting' | 'leading' | 'following' } | { name: 'releasing'; next: 'waiting' | 'following' | 'idle' };

/**
 * `granted`: the lock is this tab's; `hide`: the tab is hidden, or is hidden and another tab asked
 * (step down, queue again behind the others); `released`: no request of the releasing tab is in flight.
 */
export type LeaderEvent = 'join' | 'granted' | 'hide' | 'pause' | 'resume' | 'leave' | 'released';

/** Where the tab is headed: its state, or where a releasing tab goes once its request ends. */
const heading = (state: LeaderState) => (state.name === 'releasing' ? state.next : state.name);

/**
 * The election's rules. A new state, even one of the same name (a hidden tab queueing again), is
 * left and entered anew; the same object back means the event changes nothing.
 */
export function transition(state: LeaderState, event: LeaderEvent): LeaderState {
  const holding = state.name === 'leading' || state.name === 'releasing';
  const goTo = (next: 'waiting' | 'following' | 'idle'): LeaderState => (holding ? { name: 'releasing', next } : { name: next });
  const toward = heading(state);
  switch (event) {
    case 'join':
      return state.name === 'idle' ? goTo('waiting') : state;
    case 'granted':
      return state.name === 'waiting' ? { name: 'leading' } : state;
    case 'hide':
      return state.name === 'leading' || state.name === 'waiting' ? goTo('waiting') : state;
    case 'pause':
      return toward === 'leading' || toward === 'waiting' ? goTo('following') : state;
    case 'resume':
      return toward === 'following' ? goTo('waiting') : state;
    case 'leave':
      return toward === 'idle' ? state : goTo('idle');
    case 'released':
      return state.name === 'releasing' ? { name: state.next } : state;
  }
}

interface Waiter<T> {
  fetcher: Fetcher<T>;
  signal?: AbortSignal;
  resolve: (answer: T | Promise<T>) => void;
  timer: ReturnType<typeof setTimeout>;
}

export function joinPollElection<T>(
  key: string,
  env: ElectionEnvironment = browserElectionEnvironment(),
  codec: Codec<unknown> = PLAIN_ERRORS,
  /** What this tab already knows (e.g. from a request made before it joined), for a tab that asks. */
  known: () => T | undefined = () => undefined,
  values: Codec<T> = AS_IS as Codec<T>,
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

  const name = LOCK_PREFIX + key;
  const channel = openChannel(name);
  const waiters = new Set<Waiter<T>>();
  let state: LeaderState = { name: 'idle' };
  let hidden = false;
  let lastAnswer: Answer<T> | undefined;
  /** An answer that came while no poll of this tab was waiting: the next poll takes it. */
  let unclaimed: Answer<T> | undefined;
  /** Aborts the lock request of the `waiting` state. */
  let queued: AbortController | undefined;
  let release: (() => void) | undefined; // ends the held lock
  let ledOnce!: () => void;
  const firstLead = new Promise<void>((resolve) => (ledOnce = resolve));
  const holding = () => state.name === 'leading' || state.name === 'releasing';
  /** Takes a poll off the list of those waiting for the leader; false if it was not on it. */
  const unwait = (waiter: Waiter<T>) => {
    clearTimeout(waiter.timer);
    return waiters.delete(waiter);
  };
  /** An answer as a poll's promise: the leader's error as decoded, whatever its fetcher threw. */
  const settled = (answer: Answer<T>) =>
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    answer.ok ? Promise.resolve(answer.value) : Promise.reject(answer.error);

  const send = (message: Message) => {
    if (heading(state) !== 'idle') channel.postMessage(message);
  };
  const share = (answer: Answer<T>, replay = false) => {
    lastAnswer = answer;
    const data: Answer<unknown> = answer.ok
      ? { ok: true, value: values.encode(answer.value) }
      : { ok: false, error: codec.encode(answer.error) };
    send({ type: 'answer', answer: data, replay });
  };

  /** Moves to the next state: leaves the old one (its lock request, its lock) and enters the new one. */
  const dispatch = (event: LeaderEvent) => {
    const before = state;
    state = transition(state, event);
    if (state === before) return;
    if (before.name === 'waiting') queued?.abort();
    if (before.name === 'releasing' && state.name !== 'releasing') release?.();
    if (state.name === 'waiting') queueForLock();
    if (state.name === 'leading') {
      ledOnce();
      // Waiting followers become the poller at once, with one request for all of them.
      for (const waiter of [...waiters]) void takeOver(waiter);
    }
    if (state.name === 'releasing' && !current) dispatch('released');
  };

  const queueForLock = () => {
    const controller = new AbortController();
    queued = controller;
    locks
      .request(name, { signal: controller.signal }, () => {
        // Granted just as this tab left the queue: give it back.
        if (queued !== controller || state.name !== 'waiting') return Promise.resolve();
        queued = undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        dispatch('granted');
        return held;
      })
      // Aborted while queued: a later request takes its place.
      .catch(() => undefined);
  };

  /**
   * The leader's request in flight; a second poll in this tab joins it (one request per job at a time).
   * The request has a signal of its own: each poll that waits on it can be cancelled alone (React
   * Query cancels a fetch whose observers all left, as StrictMode's second mount and a sign-out's
   * reset do, and fetches again at once), and the request stops only when every poll on it is
   * cancelled. A poll after that starts a new request instead of joining the cancelled one.
   */
  let current: { answer: Promise<T>; controller: AbortController; polls: number } | undefined;

  const startRequest = (fetcher: Fetcher<T>) => {
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
        if (!current) dispatch('released');
      }
    })();
    // Polls that were all cancelled leave nobody to see the request's rejection.
    request.answer.catch(() => undefined);
    current = request;
    return request;
  };

  /** Polls AWS, or joins the request in flight, and shares the answer. */
  const lead = (fetcher: Fetcher<T>, signal?: AbortSignal): Promise<T> => {
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
      void request.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancel));
    });
  };

  /** Waits for the leader's next answer (or, after `maxWaitMs` of silence, asks AWS directly). */
  const follow = (fetcher: Fetcher<T>, signal: AbortSignal | undefined, maxWaitMs: number) => {
    let waiter!: Waiter<T>;
    const answer = new Promise<T>((resolve, reject) => {
      waiter = {
        fetcher,
        signal,
        resolve,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          // The leader went quiet (paused, stopped by an error, or frozen): ask AWS directly.
          resolve(fetcher(signal));
        }, maxWaitMs),
      };
      waiters.add(waiter);
      signal?.addEventListener('abort', () => unwait(waiter) && reject(signal.reason as Error));
    });
    return { waiter, answer };
  };

  /** A waiting poll that this tab now answers itself, keeping its own cancel (see lead). */
  const takeOver = (waiter: Waiter<T>) => {
    unwait(waiter);
    const answer = lead(waiter.fetcher, waiter.signal);
    waiter.resolve(answer);
    return answer.then(
      () => undefined,
      () => undefined,
    );
  };

  /**
   * A check the person asked for while this tab is paused (it does not lead): the leader's next
   * answer, or, when no tab leads, one request under the lock, shared, then the lock is free again.
   */
  const checkWhilePaused = (fetcher: Fetcher<T>, signal: AbortSignal | undefined, maxWaitMs: number) => {
    const { waiter, answer } = follow(fetcher, signal, maxWaitMs);
    const once = new AbortController();
    locks
      .request(name, { signal: once.signal }, () => (waiters.has(waiter) ? takeOver(waiter) : Promise.resolve()))
      .catch(() => undefined);
    const leaveQueue = () => once.abort();
    answer.then(leaveQueue, leaveQueue);
    return answer;
  };

  /** Anything on the channel that is not a message as this module sends them is dropped. */
  channel.onmessage = ({ data }) => {
    const { type, answer, replay } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    if (type === 'ask') {
      if (!holding()) return;
      const value = lastAnswer === undefined ? known() : undefined;
      const last = lastAnswer ?? (value === undefined ? undefined : { ok: true as const, value });
      if (last) share(last, true);
      // A hidden leader polls slowly: the tab that asked (queued for the lock) takes over.
      if (hidden) dispatch('hide');
      return;
    }
    if (type !== 'answer' || holding() || (replay === true && lastAnswer)) return;
    let read: Answer<T>;
    try {
      // A missing `answer` throws here, as a codec does on what it refuses: the message is dropped.
      const { ok, value, error } = answer as Record<string, unknown>;
      if (ok !== true && ok !== false) return;
      read = ok ? { ok, value: values.decode(value) } : { ok, error: codec.decode(error) };
    } catch {
      return;
    }
    lastAnswer = read;
    if (waiters.size === 0) unclaimed = read;
    for (const waiter of [...waiters]) if (unwait(waiter)) waiter.resolve(settled(read));
  };

  dispatch('join');
  send({ type: 'ask' });

  return {
    poll(fetcher, { signal, maxWaitMs }) {
      if (state.name === 'leading') return lead(fetcher, signal);
      if (heading(state) === 'following') return checkWhilePaused(fetcher, signal, maxWaitMs);
      const answer = unclaimed;
      unclaimed = undefined;
      return answer ? settled(answer) : follow(fetcher, signal, maxWaitMs).answer;
    },
    isLeader: () => state.name === 'leading',
    firstLead: () => firstLead,
    setHidden(next) {
      if (next === hidden) return;
      hidden = next;
      // Hidden: step down and queue again, behind any visible tab already waiting.
      if (hidden) dispatch('hide');
      // Shown again behind a hidden leader: ask, and it hands over.
      else if (!holding()) send({ type: 'ask' });
    },
    setPaused: (paused) => dispatch(paused ? 'pause' : 'resume'),
    close() {
      if (heading(state) === 'idle') return;
      dispatch('leave');
      channel.onmessage = null;
      channel.close();
      for (const waiter of [...waiters]) unwait(waiter);
    },
  };
}
