import { configureAuth, storedPrincipal } from '../shared/aws/credentials';
import { readJob } from '../shared/aws/watchedJob';
import { polledElsewhere } from '../shared/browser/electionLocks';
import type { LockManagerLike } from '../shared/browser/jobPollLeader';
import type { AppConfig } from '../shared/config/appConfig';
import type { DemoGuide } from '../shared/config/demoGuide';
import { loadConfig, type ConfigLoadResult } from '../shared/config/loadConfig';
import { createAwsCore, type AwsCore } from './awsCore';
import { drawBootError } from './bootError';
import { deepLinkJobs } from './deepLinkJobs';
import type { EarlyRequest } from './deepLinkRequests';
import { delay } from './delay';
import { DEMO_LEFT_OUT, unregisterLeftoverDemoWorker } from './demoWorker';
import { drawFirstStatus } from './firstStatusView';

/**
 * How long a job link's first status waits for its answer before the app is loaded anyway (it then
 * shows "Loading…" and takes the answer when it comes).
 */
export const FIRST_ANSWER_CAP_MS = 3000;

/** What the page did before React: the config, the demo's simulated AWS, the AWS clients and the requests sent. */
export interface Started {
  /** The entry script's path: it changes with every deployment (the offline shell's worker is named by it). */
  build: string;
  loaded: ConfigLoadResult;
  demoGuide?: DemoGuide;
  core?: AwsCore;
  early: EarlyRequest[];
}

/** The rest of the app (React and every page), loaded once the first status is drawn. */
export interface AppModule {
  boot: (container: HTMLElement, started: Started) => Promise<void>;
}

export interface StartEnvironment {
  loadConfig: () => Promise<ConfigLoadResult>;
  /** How long the first answer may take before the app loads anyway: FIRST_ANSWER_CAP_MS. */
  answerCapMs: number;
  location: { pathname: string; search: string };
  locks?: LockManagerLike;
  online: boolean;
  now: () => number;
}

function browserEnvironment(): StartEnvironment {
  return {
    loadConfig: () => loadConfig(),
    answerCapMs: FIRST_ANSWER_CAP_MS,
    location: window.location,
    locks: (navigator as { locks?: LockManagerLike }).locks,
    online: navigator.onLine !== false,
    now: Date.now,
  };
}

const BUILD = new URL(import.meta.url).pathname;

/**
 * The page's entry, before React. On a job link it reads the config, gets credentials through
 * Amplify, signs and sends GetBackendJob (or GetJob) and draws the answer with plain DOM; only then
 * is the app (React, React Query, every page) fetched and evaluated, so neither its bytes nor its
 * compile time stand between the round trips. The app takes over the same markup with the answer in
 * its cache. A board link's requests leave first too, then the app loads while they are answered.
 * Anything else (other pages, sign-in needed, an answer slower than FIRST_ANSWER_CAP_MS) loads the
 * app at once. Whatever fails on the way ends on a readable page with a Reload button.
 */
export async function start(
  root: HTMLElement,
  loadApp: () => Promise<AppModule>,
  environment: StartEnvironment = browserEnvironment(),
): Promise<void> {
  let started: Started;
  let app: AppModule;
  try {
    const { appLoading, ...prepared } = await prepare(root, environment, loadApp);
    started = prepared;
    app = await (appLoading ?? loadApp());
  } catch (error) {
    drawBootError(root, error);
    return;
  }
  await app.boot(root, started);
}

function demoProblem(expected: string): ConfigLoadResult {
  return { kind: 'invalid', problems: [{ field: 'demo', expected }] };
}

async function prepare(
  root: HTMLElement,
  environment: StartEnvironment,
  loadApp: () => Promise<AppModule>,
): Promise<Started & { appLoading?: Promise<AppModule> }> {
  const loaded = await environment.loadConfig();
  if (loaded.kind === 'invalid') return { build: BUILD, loaded, early: [] };
  const { config } = loaded;
  let demoGuide: DemoGuide | undefined;
  let appLoading: Promise<AppModule> | undefined;
  if (config.demo) {
    // Compared literally so that a `VITE_DEMO=off` build drops the simulated AWS as dead code.
    if (import.meta.env.VITE_DEMO === 'off') return { build: BUILD, loaded: demoProblem(DEMO_LEFT_OUT), early: [] };
    // The demo asks for the app before its simulated AWS starts: once the worker runs, every request of
    // the page passes through it to the page and back (on the dev server, hundreds of modules: a minute).
    appLoading = loadApp();
    appLoading.catch(() => undefined);
    // A chunk that fails to load is a start-up error (Reload helps); a refused service worker is not.
    const { startDemoAws } = await import('../simulated-aws/browser');
    try {
      demoGuide = await startDemoAws();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        build: BUILD,
        loaded: demoProblem(`a browser that allows service workers on this address (${why})`),
        early: [],
        appLoading,
      };
    }
  } else {
    // A site that once ran the demo (its config.json went missing) keeps the demo's service worker
    // registered until told otherwise; a real config tells it.
    void unregisterLeftoverDemoWorker();
  }
  configureAuth(config);
  let sent = 0;
  let onSent = (): void => undefined;
  const core = createAwsCore(config, {
    onSend: () => {
      sent += 1;
      onSent();
    },
  });
  const { page, whole, early } = await firstRequests(config, core, environment);
  if (whole && early.length > 0) {
    // Every request of the page is this tab's: their answers are drawn (a board's once all have come),
    // then the app is fetched. An answer that fails leaves the page to the app, at once. A board's
    // drawing is a chunk of its own, fetched while the rows' requests are answered: a job link never loads it.
    const boardView = page === 'board' ? import('./firstBoardView') : undefined;
    const drawn = Promise.all([Promise.all(early.map((request) => request.answer)), boardView]).then(
      ([answers, board]) => {
        const rows = early.map(({ ref }, index) => ({ ref, job: answers[index]! }));
        const [first] = rows;
        const { region: defaultRegion, demo } = config;
        const now = environment.now();
        if (board) board.drawFirstBoard(root, { rows, defaultRegion, demo, now });
        else if (first) drawFirstStatus(root, { ...first, defaultRegion, demo, now });
      },
      () => undefined,
    );
    await Promise.race([drawn, delay(environment.answerCapMs)]);
  } else if (early.length > 0) {
    // Some of a board's rows are polled by another tab, or its link has entries it cannot watch: the
    // requests leave before the app is fetched, and are answered while it loads. A request that ends
    // before it leaves (no credentials) loads the app at once, for the sign-in.
    const allSent = new Promise<void>((resolve) => {
      onSent = () => void (sent >= early.length && resolve());
      onSent();
    });
    await Promise.race([
      allSent,
      delay(environment.answerCapMs),
      ...early.map((request) => request.answer.catch(() => undefined)),
    ]);
  }
  return { build: BUILD, loaded, demoGuide, core, early, appLoading };
}

/**
 * The link's job requests, sent now: not for a job another tab of this browser polls (its answers come
 * from there once the app has joined the election), not while offline (the app shows what it knew),
 * not while coming back from the Hosted UI (the sign-in completes first).
 */
async function firstRequests(
  config: AppConfig,
  core: AwsCore,
  environment: StartEnvironment,
): Promise<{ page: 'job' | 'board' | 'other'; whole: boolean; early: EarlyRequest[] }> {
  const { page, jobs, whole } = deepLinkJobs(environment.location, config.region);
  const signingIn =
    config.Auth.Cognito.loginWith?.oauth !== undefined && new URLSearchParams(environment.location.search).has('code');
  if (jobs.length === 0 || !environment.online || signingIn) return { page, whole, early: [] };
  const elsewhere = await polledElsewhere(environment.locks, storedPrincipal(config), jobs);
  const early = jobs
    .filter((_, index) => !elsewhere[index])
    .map((ref) => {
      const request: EarlyRequest = {
        ref,
        answer: readJob(core.clients, ref).then((job) => {
          request.answered = { job, at: environment.now() };
          return job;
        }),
      };
      // Handled by the app's query; never an unhandled rejection while the app loads.
      request.answer.catch(() => undefined);
      return request;
    });
  // A job another tab polls is drawn by the app, from that tab's answers.
  return { page, whole: whole && early.length === jobs.length, early };
}
