import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHub, FakeLocks } from '../../test/fakeElection';
import {
  electionsInBrowser,
  joinPollElection,
  transition,
  type ElectionEnvironment,
  type LeaderEvent,
  type LeaderState,
} from './jobPollLeader';

interface Job {
  status: string;
  n: number;
}

let locks: FakeLocks;
let hub: FakeHub;
let browser: ElectionEnvironment;
let requests: number;
let concurrent: number;
let maxConcurrent: number;

/** A GetBackendJob that takes 100 ms; counts requests and how many overlap. */
function fetcher(result: Partial<Job> = {}) {
  return () => {
    requests += 1;
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    const answer = { status: 'RUNNING', n: requests, ...result };
    return new Promise<Job>((resolve) =>
      // eslint-disable-next-line no-restricted-syntax -- on fake timers (beforeEach): a request that takes 100 ms of test time
      setTimeout(() => {
        concurrent -= 1;
        resolve(answer);
      }, 100),
    );
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  locks = new FakeLocks();
  hub = new FakeHub();
  browser = { locks, openChannel: hub.open };
  requests = 0;
  concurrent = 0;
  maxConcurrent = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

const WAIT = { maxWaitMs: 60_000 };

describe('transition', () => {
  const EVENTS: LeaderEvent[] = ['join', 'granted', 'hide', 'pause', 'resume', 'leave', 'released'];
  /** Where each event (in EVENTS' order) takes each state; `-`: nowhere, the same state comes back. */
  // prettier-ignore
  const TABLE: Record<string, string[]> = {
    //                     join       granted    hide                 pause                  resume               leave             released
    idle:                  ['waiting', '-',       '-',                 '-',                   '-',                 '-',              '-'],
    waiting:               ['-',       'leading', 'waiting',           'following',           '-',                 'idle',           '-'],
    leading:               ['-',       '-',       'releasing→waiting', 'releasing→following', '-',                 'releasing→idle', '-'],
    following:             ['-',       '-',       '-',                 '-',                   'waiting',           'idle',           '-'],
    'releasing→waiting':   ['-',       '-',       '-',                 'releasing→following', '-',                 'releasing→idle', 'waiting'],
    'releasing→following': ['-',       '-',       '-',                 '-',                   'releasing→waiting', 'releasing→idle', 'following'],
    'releasing→idle':      ['-',       '-',       '-',                 '-',                   '-',                 '-',              'idle'],
  };
  const label = (state: LeaderState) => (state.name === 'releasing' ? `releasing→${state.next}` : state.name);
  const cases = Object.entries(TABLE).flatMap(([from, row]) => row.map((to, index) => [from, EVENTS[index]!, to] as const));

  it.each(cases)('%s × %s → %s', (from, event, to) => {
    const [name, next] = from.split('→');
    const state = (next ? { name, next } : { name }) as LeaderState;
    const after = transition(state, event);
    if (to === '-') expect(after).toBe(state);
    else expect([label(after), after === state]).toEqual([to, false]);
  });
});

describe('joinPollElection', () => {
  it('is always the leader where Web Locks are missing, and simply fetches', async () => {
    const alone = joinPollElection<Job>('job-1', {});
    expect(alone.isLeader()).toBe(true);
    const result = alone.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(101);
    await expect(result).resolves.toEqual({ status: 'RUNNING', n: 1 });
  });

  it('a tab alone leads as soon as its lock is granted, and fetches itself', async () => {
    const tab = joinPollElection<Job>('job-1', browser);
    await settle();
    expect(tab.isLeader()).toBe(true);
    const first = tab.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(101);
    await expect(first).resolves.toMatchObject({ n: 1 });
  });

  it('two tabs on one job send one stream of requests; the follower gets the leader’s answers', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    for (let round = 1; round <= 3; round++) {
      const followed = b.poll(fetcher(), WAIT);
      const led = a.poll(fetcher(), WAIT);
      await vi.advanceTimersByTimeAsync(101);
      await expect(led).resolves.toEqual({ status: 'RUNNING', n: round });
      await expect(followed).resolves.toEqual({ status: 'RUNNING', n: round });
    }
    expect(requests).toBe(3);
  });

  it('a tab that joins late gets the last answer without a request of its own', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    await settle();
    await Promise.all([a.poll(fetcher({ status: 'COMPLETED' }), WAIT), vi.advanceTimersByTimeAsync(101)]);
    const late = joinPollElection<Job>('job-1', browser);
    await vi.advanceTimersByTimeAsync(1);
    const answer = late.poll(fetcher(), WAIT);
    await expect(answer).resolves.toEqual({ status: 'COMPLETED', n: 1 });
    expect(requests).toBe(1);
  });

  it('tells when a tab first leads: the request a waiting poll makes has already left by then', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    const first = a.poll(fetcher(), WAIT);
    const events: string[] = [];
    void a.firstLead().then(() => events.push(`a leads after ${requests} request(s)`));
    void b.firstLead().then(() => events.push('b leads'));
    await settle();
    expect(events).toEqual(['a leads after 1 request(s)']);
    await vi.advanceTimersByTimeAsync(101);
    await expect(first).resolves.toMatchObject({ n: 1 });
    // The follower's promise settles only once it is given the lock.
    a.close();
    await settle();
    expect(events).toEqual(['a leads after 1 request(s)', 'b leads']);
    await expect(joinPollElection<Job>('job-2', {}).firstLead()).resolves.toBeUndefined();
  });

  it('jobs are elected separately', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-2', browser);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, true]);
  });

  it('when the leader leaves, a waiting follower takes over at once', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const waiting = b.poll(fetcher(), WAIT);
    a.close();
    await settle();
    expect(b.isLeader()).toBe(true);
    await vi.advanceTimersByTimeAsync(101);
    await expect(waiting).resolves.toMatchObject({ n: 1 });
    expect(requests).toBe(1);
  });

  it('a leader that leaves mid-request finishes it before another tab starts', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const led = a.poll(fetcher(), WAIT);
    a.close();
    await vi.advanceTimersByTimeAsync(50);
    expect(b.isLeader()).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await led;
    expect(b.isLeader()).toBe(true);
    expect(maxConcurrent).toBe(1);
  });

  it('a hidden leader hands over to a visible tab and follows it; alone, a hidden tab keeps polling', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    a.setHidden(true);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
    const followed = a.poll(fetcher(), WAIT);
    const led = b.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(101);
    await expect(followed).resolves.toEqual(await led);
    expect(requests).toBe(1);

    b.close();
    await settle();
    expect(a.isLeader()).toBe(true);
  });

  it('a paused leader stops leading; the other tab polls', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    a.setPaused(true);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
    a.setPaused(false);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
  });

  it('a paused tab’s own check takes the leader’s next answer; with no leader it asks once, under the lock', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    b.setPaused(true);
    const followed = b.poll(fetcher(), WAIT);
    await settle();
    const led = a.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(102);
    await expect(followed).resolves.toEqual(await led);
    expect(requests).toBe(1);

    // The leader pauses too: nobody leads, so the check goes to AWS, once, and the lock is free after.
    a.setPaused(true);
    await settle();
    const alone = b.poll(fetcher({ status: 'COMPLETED' }), WAIT);
    // a's check at the same moment queues for the lock behind b's: one request after the other.
    const after = a.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(202);
    await expect(alone).resolves.toEqual({ status: 'COMPLETED', n: 2 });
    await expect(after).resolves.toBeDefined();
    expect(requests).toBeLessThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
    a.setPaused(false);
    await settle();
    expect(a.isLeader()).toBe(true);
  });

  it('a hidden leader hands over to a visible tab that joins later, or is shown again', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    await settle();
    a.setHidden(true);
    await settle();
    expect(a.isLeader()).toBe(true);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);

    // Both hidden, b leading; a is shown again and asks: b hands the lock back.
    b.setHidden(true);
    await settle();
    a.setHidden(false);
    await settle();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
  });

  it('an answer sent again for a tab that asked is not taken as new by a tab that already had one', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const first = b.poll(fetcher(), WAIT);
    await Promise.all([a.poll(fetcher(), WAIT), vi.advanceTimersByTimeAsync(102)]);
    await expect(first).resolves.toMatchObject({ n: 1 });
    // A third tab joins and asks: a replays answer 1 to it.
    const late = joinPollElection<Job>('job-1', browser);
    await vi.advanceTimersByTimeAsync(1);
    const replayed = late.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(1);
    await expect(replayed).resolves.toMatchObject({ n: 1 });
    // b's next check waits for a's next request instead of taking the replay.
    const next = b.poll(fetcher(), WAIT);
    await settle();
    await Promise.all([a.poll(fetcher(), WAIT), vi.advanceTimersByTimeAsync(102)]);
    await expect(next).resolves.toMatchObject({ n: 2 });
  });

  it('passes the leader’s errors to followers through the codec', async () => {
    const codec = {
      encode: (error: unknown) => ({ kind: (error as Error & { kind: string }).kind }),
      decode: (data: unknown) => Object.assign(new Error('decoded'), data),
    };
    const a = joinPollElection<Job>('job-1', browser, codec);
    const b = joinPollElection<Job>('job-1', browser, codec);
    await settle();
    const followed = expect(b.poll(fetcher(), WAIT)).rejects.toMatchObject({ message: 'decoded', kind: 'not-found' });
    const led = a.poll(() => Promise.reject(Object.assign(new Error('Not found'), { kind: 'not-found' })), WAIT);
    await expect(led).rejects.toThrow('Not found');
    await settle();
    await followed;
  });

  it('a follower that hears nothing for its longest wait asks AWS itself', async () => {
    joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const waiting = b.poll(fetcher(), { maxWaitMs: 10_000 });
    await vi.advanceTimersByTimeAsync(10_100);
    await expect(waiting).resolves.toMatchObject({ n: 1 });
  });

  it('an aborted wait rejects and leaves nothing behind', async () => {
    joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const controller = new AbortController();
    const waiting = b.poll(fetcher(), { signal: controller.signal, maxWaitMs: 10_000 });
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(requests).toBe(0);
  });

  it('never lets two tabs poll the same job at once, whatever the tabs do', async () => {
    const tabs = Array.from({ length: 4 }, () => joinPollElection<Job>('job-1', browser));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const polls: Promise<unknown>[] = [];
    for (let step = 0; step < 200; step++) {
      const tab = tabs[Math.floor(random() * tabs.length)]!;
      const roll = random();
      if (roll < 0.6) polls.push(tab.poll(fetcher(), { maxWaitMs: 1e9 }).catch(() => undefined));
      else if (roll < 0.75) tab.setHidden(true);
      else if (roll < 0.9) tab.setHidden(false);
      else if (roll < 0.95) tab.setPaused(true);
      else tab.setPaused(false);
      await vi.advanceTimersByTimeAsync(Math.floor(random() * 120));
    }
    tabs.forEach((tab) => tab.setPaused(false));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toBeGreaterThan(10);
    expect(maxConcurrent).toBe(1);
    expect(tabs.filter((tab) => tab.isLeader()).length).toBeLessThanOrEqual(1);
  });
});

/** A GetBackendJob that takes 100 ms and stops when its signal aborts, as the signed fetch does. */
function abortableFetcher() {
  return (signal?: AbortSignal) => {
    requests += 1;
    const n = requests;
    return new Promise<Job>((resolve, reject) => {
      // eslint-disable-next-line no-restricted-syntax -- on fake timers (beforeEach): a request that takes 100 ms of test time
      const timer = setTimeout(() => resolve({ status: 'RUNNING', n }), 100);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      });
    });
  };
}

describe('a leader’s request and the polls that wait on it', () => {
  it('a poll that joins after the first one was cancelled gets an answer, not the first one’s abort', async () => {
    // React's StrictMode (the dev server) and a sign-out's reset cancel the query's first fetch and fetch again at once.
    const tab = joinPollElection<Job>('job-1', browser);
    await settle();
    const first = new AbortController();
    const cancelled = tab.poll(abortableFetcher(), { signal: first.signal, maxWaitMs: 1e9 });
    first.abort();
    const again = tab.poll(abortableFetcher(), { signal: new AbortController().signal, maxWaitMs: 1e9 });
    await expect(cancelled).rejects.toThrow(/abort/i);
    await vi.advanceTimersByTimeAsync(101);
    await expect(again).resolves.toMatchObject({ status: 'RUNNING', n: 2 });
  });

  it('one poll’s cancel leaves the request of the others that joined it running', async () => {
    const tab = joinPollElection<Job>('job-1', browser);
    await settle();
    const first = new AbortController();
    const cancelled = tab.poll(abortableFetcher(), { signal: first.signal, maxWaitMs: 1e9 });
    const joined = tab.poll(abortableFetcher(), { signal: new AbortController().signal, maxWaitMs: 1e9 });
    first.abort();
    await expect(cancelled).rejects.toThrow(/abort/i);
    await vi.advanceTimersByTimeAsync(101);
    await expect(joined).resolves.toMatchObject({ n: 1 });
    expect(requests).toBe(1);
  });

  it('the request stops when every poll waiting on it is cancelled, and its abort is not shared with other tabs', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const followed = b.poll(abortableFetcher(), { maxWaitMs: 1e9 });
    const controller = new AbortController();
    const led = a.poll(abortableFetcher(), { signal: controller.signal, maxWaitMs: 1e9 });
    controller.abort();
    await expect(led).rejects.toThrow(/abort/i);
    const next = a.poll(abortableFetcher(), { maxWaitMs: 1e9 });
    await vi.advanceTimersByTimeAsync(101);
    await expect(next).resolves.toMatchObject({ n: 2 });
    await expect(followed).resolves.toMatchObject({ n: 2 });
  });

  it('followers waiting for the lock each keep their own cancel when this tab becomes the leader', async () => {
    const a = joinPollElection<Job>('job-1', browser);
    const b = joinPollElection<Job>('job-1', browser);
    await settle();
    const one = new AbortController();
    const cancelled = b.poll(abortableFetcher(), { signal: one.signal, maxWaitMs: 1e9 });
    const kept = b.poll(abortableFetcher(), { signal: new AbortController().signal, maxWaitMs: 1e9 });
    a.close();
    await settle();
    expect(b.isLeader()).toBe(true);
    one.abort();
    await expect(cancelled).rejects.toThrow(/abort/i);
    await vi.advanceTimersByTimeAsync(101);
    await expect(kept).resolves.toMatchObject({ n: 1 });
  });
});

describe('messages on the channel', () => {
  it('a follower drops anything that is not an answer this module sends, or that its reader refuses', async () => {
    const reader = {
      encode: (job: Job) => job,
      decode: (data: unknown) => {
        if (typeof data !== 'object' || data === null || typeof (data as Job).status !== 'string') throw new Error('not a job');
        return data as Job;
      },
    };
    const leader = joinPollElection<Job>('job-1', browser, undefined, undefined, reader);
    const follower = joinPollElection<Job>('job-1', browser, undefined, undefined, reader);
    await settle();
    const intruder = hub.open('amplify-job-watch.poll:job-1');
    const answer = follower.poll(fetcher(), { maxWaitMs: 1e9 });
    for (const junk of [
      null,
      'answer',
      { type: 'answer' },
      { type: 'answer', answer: { ok: 'yes' } },
      { type: 'answer', answer: { ok: true, value: 7 } },
    ]) {
      intruder.postMessage(junk);
    }
    await settle();
    const led = leader.poll(fetcher(), WAIT);
    await vi.advanceTimersByTimeAsync(101);
    await expect(led).resolves.toMatchObject({ n: 1 });
    await expect(answer).resolves.toMatchObject({ status: 'RUNNING', n: 1 });
  });
});

describe('electionsInBrowser', () => {
  it('counts the jobs polled in every tab, by their election locks held or asked for', async () => {
    expect(await electionsInBrowser(undefined)).toBeUndefined();
    const tabs = [
      joinPollElection<Job>('job-1', browser),
      joinPollElection<Job>('job-1', browser),
      joinPollElection<Job>('job-2', browser),
    ];
    void locks.request('another-lock', {}, () => new Promise(() => undefined));
    await settle();
    expect(await electionsInBrowser(locks)).toBe(2);
    tabs.forEach((tab) => tab.close());
    await settle();
    expect(await electionsInBrowser(locks)).toBe(0);
  });
});
