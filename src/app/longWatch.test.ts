/**
 * An eight-hour watch, simulated with fake timers: the real services (createServices: Amplify's
 * fetchAuthSession configured against the simulated Cognito, the SigV4 signed fetch, the
 * AmplifyBackend client) polled by React Query with the job page's own query options (jobQueryOptions
 * plus the job page's per-observer polling, jobWatchOptions: the polling policy), against a job that never finishes.
 */
import { fetchAuthSession } from '@aws-amplify/core';
import { QueryObserver } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureAuth } from '../shared/aws/credentials';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { jobQueryOptions, jobWatchOptions } from '../shared/queries/jobQuery';
import { addJob, getJobRequests, renderApp, resetAmplifyAuth, testConfig } from '../test/renderApp';
import { server, sim } from '../test/server';
import { createQueryClient, createServices } from './services';

vi.setConfig({ testTimeout: 60_000 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WATCH_MS = 8 * HOUR;
/** Amplify keeps credentials for a fixed 50 minutes, whatever their Expiration says. */
const AMPLIFY_CREDENTIALS_TTL_MS = 50 * MINUTE;
const CREDENTIALS_TARGET = 'AWSCognitoIdentityService.GetCredentialsForIdentity';

/** One real turn of Node's event loop (setImmediate is left real), for I/O such as WebCrypto and MSW to progress. */
const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const DEFAULT_CREDENTIAL_LIFETIME_MS = sim.credentialLifetimeMs;

/**
 * Lets the request in flight finish on the real event loop while the fake clock stands still
 * (performance.now is left real: the budget is real time, for a busy machine).
 */
async function settleWhile(busy: () => boolean, budgetMs = 20_000): Promise<void> {
  const deadline = performance.now() + budgetMs;
  while (busy()) {
    if (performance.now() > deadline) throw new Error(`A request did not finish within ${budgetMs} ms of real time`);
    await realTurn();
  }
}

afterEach(() => {
  vi.useRealTimers();
  // sim.reset() leaves the credential lifetime alone.
  sim.credentialLifetimeMs = DEFAULT_CREDENTIAL_LIFETIME_MS;
});

/** Every GetCredentialsForIdentity on the wire: when it started (fake clock), and the most ever open at once. */
function watchCredentialCalls() {
  const open = new Set<string>();
  const starts: number[] = [];
  let maxOpen = 0;
  const onStart = ({ request, requestId }: { request: Request; requestId: string }) => {
    if (request.headers.get('x-amz-target') !== CREDENTIALS_TARGET) return;
    open.add(requestId);
    starts.push(Date.now());
    maxOpen = Math.max(maxOpen, open.size);
  };
  const onEnd = ({ requestId }: { requestId: string }) => {
    open.delete(requestId);
  };
  server.events.on('request:start', onStart);
  server.events.on('response:mocked', onEnd);
  server.events.on('request:unhandled', onEnd);
  return {
    starts,
    get maxOpen() {
      return maxOpen;
    },
    stop() {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onEnd);
      server.events.removeListener('request:unhandled', onEnd);
    },
  };
}

interface WatchResult {
  start: number;
  elapsed: number;
  jobId: string;
  /** Fake-clock times at which each GetCredentialsForIdentity went out. */
  credentialStarts: number[];
  maxCredentialCallsOpen: number;
  maxSessionReadsOpen: number;
  sessionReads: number;
  /** Every state the query went through that was not a success. */
  problems: string[];
  finalStatus: string | undefined;
}

/** Watches a RUNNING job for 8 simulated hours through the real services and the job page's polling policy. */
async function watchForEightHours(intervalSeconds: number): Promise<WatchResult> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  await resetAmplifyAuth();
  const config = testConfig({ pollIntervalSeconds: intervalSeconds });
  configureAuth(config);

  // The session source the app is given, instrumented: how many reads overlap.
  let sessionsOpen = 0;
  let maxSessionsOpen = 0;
  let sessionReads = 0;
  const fetchSession = async (options?: Parameters<typeof fetchAuthSession>[0]) => {
    sessionReads += 1;
    sessionsOpen += 1;
    maxSessionsOpen = Math.max(maxSessionsOpen, sessionsOpen);
    try {
      return await fetchAuthSession(options);
    } finally {
      sessionsOpen -= 1;
    }
  };
  const services = createServices(config, { fetchSession: fetchSession as typeof fetchAuthSession });
  const queryClient = createQueryClient(services);
  const credentialCalls = watchCredentialCalls();

  const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
  const key = { region: 'us-east-1', appId: job.appId, envName: job.envName, jobId: job.jobId };
  const intervalMs = intervalSeconds * 1000;
  const observer = new QueryObserver(queryClient, {
    ...jobQueryOptions(key, { clients: services.clients, jitterSeed: TAB_JITTER_SEED }),
    ...jobWatchOptions({ intervalMs, hidden: false, paused: false }),
  });
  const problems: string[] = [];
  const unsubscribe = observer.subscribe((result) => {
    if (result.status === 'error' || result.failureCount > 0)
      problems.push(`${result.status} after ${result.failureCount} failures: ${String(result.failureReason)}`);
  });

  /** Lets the request in flight (if any) finish on the real event loop, the fake clock standing still. */
  const settle = () => settleWhile(() => queryClient.getQueryState(observer.options.queryKey)?.fetchStatus === 'fetching');

  try {
    const start = Date.now();
    await settle();
    // Jump from timer to timer (the poll interval, React Query's own timeouts) for 8 simulated hours.
    while (Date.now() - start < WATCH_MS) {
      await vi.advanceTimersToNextTimerAsync();
      await settle();
    }
    return {
      start,
      elapsed: Date.now() - start,
      jobId: job.jobId,
      credentialStarts: credentialCalls.starts,
      maxCredentialCallsOpen: credentialCalls.maxOpen,
      maxSessionReadsOpen: maxSessionsOpen,
      sessionReads,
      problems,
      finalStatus: observer.getCurrentResult().data?.status,
    };
  } finally {
    unsubscribe();
    credentialCalls.stop();
    queryClient.clear();
  }
}

describe('a watch of 8 hours', () => {
  it.each([120, 300])(
    'polling every %i s: no more credential calls than the 50-minute Amplify cache requires, never two at once, and one GetBackendJob per interval',
    async (intervalSeconds) => {
      const intervalMs = intervalSeconds * 1000;
      const watch = await watchForEightHours(intervalSeconds);
      expect(watch.elapsed).toBeGreaterThanOrEqual(WATCH_MS);
      expect(watch.elapsed).toBeLessThan(WATCH_MS + intervalMs + MINUTE);
      expect(watch.finalStatus).toBe('RUNNING');
      expect(watch.problems).toEqual([]);

      // Credentials: at most one call per 50 minutes (+1 for the first), and none overlapping.
      const credentialRequests = sim.count({ operation: 'GetCredentialsForIdentity' });
      expect(credentialRequests).toBe(watch.credentialStarts.length);
      expect(credentialRequests).toBeLessThanOrEqual(Math.ceil(WATCH_MS / AMPLIFY_CREDENTIALS_TTL_MS) + 1);
      expect(credentialRequests).toBeGreaterThanOrEqual(Math.floor(WATCH_MS / AMPLIFY_CREDENTIALS_TTL_MS));
      for (let i = 1; i < watch.credentialStarts.length; i += 1) {
        expect((watch.credentialStarts[i] ?? 0) - (watch.credentialStarts[i - 1] ?? 0)).toBeGreaterThanOrEqual(
          AMPLIFY_CREDENTIALS_TTL_MS,
        );
      }
      expect(watch.maxCredentialCallsOpen).toBe(1);
      expect(watch.maxSessionReadsOpen).toBe(1);
      expect(sim.count({ operation: 'GetId' })).toBe(1);
      expect(sim.records.filter((r) => r.service === 'cognito-identity' && r.status !== 200)).toEqual([]);

      // Polling: one GetBackendJob per interval (plus the first), each accepted: fresh credentials
      // came before the old ones (60 min) expired.
      const expectedPolls = Math.floor(WATCH_MS / intervalMs) + 1;
      const polls = getJobRequests(watch.jobId);
      expect(polls).toBeGreaterThanOrEqual(expectedPolls - 1);
      expect(polls).toBeLessThanOrEqual(expectedPolls + 1);
      expect(sim.records.filter((r) => r.operation === 'GetBackendJob' && r.status !== 200)).toEqual([]);
      expect(watch.sessionReads).toBe(polls);
    },
  );

  it('the whole app rendered (StrictMode, job page, countdown ticking) polling every 120 s: the same numbers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const credentialCalls = watchCredentialCalls();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const intervalMs = 120_000;
    try {
      const { queryClient } = await renderApp({ path: job.path, pollIntervalSeconds: intervalMs / 1000 });
      const settle = () => settleWhile(() => queryClient.isFetching() > 0);
      const start = Date.now();
      await settle();
      // One poll interval at a time, synchronously: the countdown's one-second timer fires 120 times
      // per step and React renders once, then the poll the step started finishes on the real event loop.
      while (Date.now() - start < WATCH_MS) {
        vi.advanceTimersByTime(intervalMs);
        await settle();
      }
      // React Query tells its observers on a (fake) zero timeout; React renders on the real loop.
      vi.advanceTimersByTime(0);
      for (let turn = 0; turn < 50; turn += 1) await realTurn();
      expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING');
      expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent(/Running for 8 h 0\d min/);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();

      const credentialRequests = sim.count({ operation: 'GetCredentialsForIdentity' });
      expect(credentialRequests).toBeLessThanOrEqual(Math.ceil(WATCH_MS / AMPLIFY_CREDENTIALS_TTL_MS) + 1);
      expect(credentialRequests).toBeGreaterThanOrEqual(Math.floor(WATCH_MS / AMPLIFY_CREDENTIALS_TTL_MS));
      expect(credentialCalls.maxOpen).toBe(1);
      expect(sim.count({ operation: 'GetId' })).toBe(1);
      const polls = getJobRequests(job.jobId);
      const expectedPolls = Math.floor(WATCH_MS / intervalMs) + 1;
      expect(polls).toBeGreaterThanOrEqual(expectedPolls - 1);
      expect(polls).toBeLessThanOrEqual(expectedPolls + 1);
      expect(sim.records.filter((r) => r.status !== 200)).toEqual([]);
    } finally {
      credentialCalls.stop();
    }
  });

  it('credentials that expire before Amplify’s 50 minutes: each expiry costs one refused request and one forced refresh, never an error, never two calls at once', async () => {
    sim.credentialLifetimeMs = 30 * MINUTE;
    const intervalMs = 120_000;
    const watch = await watchForEightHours(intervalMs / 1000);
    expect(watch.finalStatus).toBe('RUNNING');
    expect(watch.problems).toEqual([]);
    expect(watch.maxCredentialCallsOpen).toBe(1);
    expect(watch.maxSessionReadsOpen).toBe(1);

    const refused = sim.records.filter((r) => r.operation === 'GetBackendJob' && r.status === 403);
    const credentialRequests = sim.count({ operation: 'GetCredentialsForIdentity' });
    // Every credential call after the first answers one refusal (ExpiredToken) and nothing else.
    expect(refused.length).toBeGreaterThan(0);
    expect(credentialRequests).toBe(refused.length + 1);
    // Credentials last 30 minutes: a fresh set at most every 30 minutes (plus a poll interval to notice).
    expect(credentialRequests).toBeLessThanOrEqual(Math.ceil(WATCH_MS / (30 * MINUTE)) + 1);
    expect(getJobRequests(watch.jobId) - refused.length).toBeGreaterThanOrEqual(Math.floor(WATCH_MS / intervalMs));
  });
});
