import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { AWS_ERROR_CODEC } from '../aws/awsError';
import { jobFromRaw, readJob, type JobClients, type WatchedJob } from '../aws/watchedJob';
import { electionName } from '../browser/electionLocks';
import {
  browserElectionEnvironment,
  electionsInBrowser,
  joinPollElection,
  type Codec,
  type ElectionEnvironment,
  type JobPollLeader,
} from '../browser/jobPollLeader';
import { jobRefParts, type JobRef } from '../domain/jobRef';
import { HIDDEN_MAX_INTERVAL_MS } from '../domain/pollingPolicy';

export { electionName } from '../browser/electionLocks';

/**
 * The tab's seat in each job's cross-tab election (see browser/jobPollLeader): joined while some
 * observer on the page watches the job, left when the last one goes. The job query's fetch asks
 * here, so a job watched in several tabs is asked about by one of them.
 */

/**
 * A job crosses tabs as the API's JSON and is read again with the API's own reader, so a tab takes
 * nothing from the channel it would not take from AWS. What it reads is marked `relayed`: shown, never
 * stored (the tab that asked AWS stores it).
 */
export function jobCodec(key: JobRef): Codec<WatchedJob> {
  return {
    encode: (job) => job.raw,
    decode: (data) => {
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not a job');
      return { ...jobFromRaw(key, data as Record<string, unknown>), relayed: true };
    },
  };
}

/** A follower that hears nothing for this long asks AWS itself: longer than any interval a leader polls at. */
export const FOLLOWER_MAX_WAIT_MS = 2 * HIDDEN_MAX_INTERVAL_MS;

interface Seat {
  election: JobPollLeader<WatchedJob>;
  /** Whose election this is (see setElectionPrincipal). */
  principal: string;
  observers: number;
  /** Observers whose person paused automatic checks: a tab where all are paused stops leading. */
  pausedObservers: number;
}

/** This tab's seats, by job. */
const seats = new Map<string, Seat>();
let environment: ElectionEnvironment | undefined;
let currentPrincipal: () => string = () => 'guest';

/**
 * Who this tab's requests are signed as ('guest', or the signed-in user): tabs share answers only
 * with tabs of the same principal, so a tab with no session never shows a signed-in tab's answer.
 * Read before every check; a tab whose person changed moves its seats to that person's elections.
 */
export function setElectionPrincipal(principal: () => string): void {
  currentPrincipal = principal;
}

const jobName = (key: JobRef) => JSON.stringify(jobRefParts(key));

function openElection(key: JobRef, principal: string, known: () => WatchedJob | undefined) {
  const election = joinPollElection(electionName(principal, key), electionEnvironment(), AWS_ERROR_CODEC, known, jobCodec(key));
  if (typeof document !== 'undefined') {
    // The same listener is added once however many seats: removed with the last seat (see joinJobElection).
    document.addEventListener('visibilitychange', followVisibility);
    election.setHidden(document.visibilityState === 'hidden');
  }
  return election;
}

/** This tab's seat for `key`, moved to the current principal's election if the person changed. */
function seatOf(key: JobRef): Seat | undefined {
  const seat = seats.get(jobName(key));
  if (!seat) return undefined;
  const principal = currentPrincipal();
  if (seat.principal !== principal) {
    seat.election.close();
    // What this tab knew was the other person's: nothing of it goes to the new principal's tabs.
    seat.election = openElection(key, principal, () => undefined);
    seat.principal = principal;
    seat.election.setPaused(seat.observers > 0 && seat.pausedObservers === seat.observers);
  }
  return seat;
}

const electionEnvironment = () => (environment ??= browserElectionEnvironment());

/** For tests: elections in a simulated browser. */
export function setElectionEnvironment(next: ElectionEnvironment | undefined): void {
  environment = next;
}

/** The tab was hidden or shown: each seat hands the polling on, or asks for it back. */
function followVisibility(): void {
  const hidden = document.visibilityState === 'hidden';
  seats.forEach((seat) => seat.election.setHidden(hidden));
}

/**
 * Takes a seat for `key` until the returned function is called. `known` gives the job as this tab
 * last saw it, for another tab that joins after the last request. `paused`: this observer's person
 * paused its checks (join again when that changes). Leaving is deferred a moment so a re-render
 * that leaves and joins again keeps the seat (and what it knows).
 */
export function joinJobElection(
  key: JobRef,
  known: () => WatchedJob | undefined = () => undefined,
  { paused = false }: { paused?: boolean } = {},
): () => void {
  const name = jobName(key);
  const unwatch = watchHere(name);
  const env = electionEnvironment();
  if (!env.locks || !env.openChannel) return unwatch;
  let seat = seatOf(key);
  if (!seat) {
    const principal = currentPrincipal();
    seat = { election: openElection(key, principal, known), principal, observers: 0, pausedObservers: 0 };
    seats.set(name, seat);
  }
  seat.observers += 1;
  if (paused) seat.pausedObservers += 1;
  seat.election.setPaused(seat.pausedObservers === seat.observers);
  const taken = seat;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    unwatch();
    taken.observers -= 1;
    if (paused) taken.pausedObservers -= 1;
    // With no observer left the seat closes (below) or the next one to join decides.
    if (taken.observers > 0) taken.election.setPaused(taken.pausedObservers === taken.observers);
    setTimeout(() => {
      if (taken.observers > 0 || seats.get(name) !== taken) return;
      taken.election.close();
      seats.delete(name);
      if (seats.size === 0 && typeof document !== 'undefined') document.removeEventListener('visibilitychange', followVisibility);
      recount();
    }, 0);
  };
}

/** Jobs this page watches, with or without Web Locks: observers per job. */
const watchedHere = new Map<string, number>();
let jobsInBrowser = 0;
const countListeners = new Set<() => void>();

function watchHere(name: string): () => void {
  watchedHere.set(name, (watchedHere.get(name) ?? 0) + 1);
  recount();
  return () => {
    const left = (watchedHere.get(name) ?? 1) - 1;
    if (left > 0) watchedHere.set(name, left);
    else watchedHere.delete(name);
    recount();
  };
}

function setJobsInBrowser(next: number): void {
  if (next === jobsInBrowser) return;
  jobsInBrowser = next;
  countListeners.forEach((listener) => listener());
}

/** One question to the lock manager at a time, and one more after it for calls meanwhile (a board's rows join together). */
let counting: 'no' | 'yes' | 'again' = 'no';

/** Counts the jobs this browser polls: this page's at once, every tab's (their election locks) when Web Locks can tell. */
function recount(): void {
  setJobsInBrowser(Math.max(watchedHere.size, jobsInBrowser));
  if (counting !== 'no') {
    counting = 'again';
    return;
  }
  counting = 'yes';
  electionsInBrowser(electionEnvironment().locks)
    .then(
      (elections) => setJobsInBrowser(Math.max(watchedHere.size, elections ?? 0)),
      () => undefined,
    )
    .finally(() => {
      const again = counting === 'again';
      counting = 'no';
      if (again) recount();
    });
}

/**
 * How many jobs this browser's tabs poll now (see MAX_REQUESTS_PER_SECOND): each observer stretches
 * its interval by it, so a browser with many boards open stays within the budget.
 */
export function useJobsPolledInBrowser(): number {
  return useSyncExternalStore(
    (listener) => {
      countListeners.add(listener);
      return () => countListeners.delete(listener);
    },
    () => jobsInBrowser,
  );
}

/** Settles when this tab first leads `key`'s election (see JobPollLeader.firstLead); at once without a seat. */
export function firstLeadOf(key: JobRef): Promise<void> {
  return seatOf(key)?.election.firstLead() ?? Promise.resolve();
}

/** GetBackendJob or GetJob for the job query: through the election when this page watches the job, directly otherwise. */
export function fetchJob(clients: JobClients, key: JobRef, signal?: AbortSignal): Promise<WatchedJob> {
  const seat = seatOf(key);
  // Tabs that opened or closed boards since the last check change this browser's budget.
  recount();
  if (!seat) return readJob(clients, key, signal);
  return seat.election.poll((fetchSignal) => readJob(clients, key, fetchSignal), { signal, maxWaitMs: FOLLOWER_MAX_WAIT_MS });
}

/** What this tab knows of the job, from the query cache (the job query's key: jobQueryKey; not imported, jobQuery imports this module). */
export function knownInCache(queryClient: QueryClient, key: JobRef) {
  return () => queryClient.getQueryData<WatchedJob>(['job', ...jobRefParts(key)]);
}

/** Keeps this page's seat in the election of each job while the component is shown. */
export function useJobElections(keys: readonly JobRef[], { paused = false }: { paused?: boolean } = {}): void {
  const queryClient = useQueryClient();
  // The jobs as one string, for an effect that runs again only when they change (`keys` is a new array each render).
  const names = keys.map(jobName).join('\n');
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const leave = latest.current.map((key) => joinJobElection(key, knownInCache(queryClient, key), { paused }));
    return () => leave.forEach((done) => done());
  }, [names, queryClient, paused]);
}
