import { startTransition, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { onlineManager } from '@tanstack/react-query';
import { registerOfflineShell } from '../shared/browser/offlineShell';
import { keepWatchingInBackground } from '../shared/browser/visibility';
import type { BackendJobKey } from '../shared/aws/amplifyBackend';
import { configureAuth } from '../shared/aws/credentials';
import type { DemoGuide } from '../shared/config/demoGuide';
import { loadConfig } from '../shared/config/loadConfig';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { parseBoardSearch } from '../shared/domain/boardLink';
import { linkProblems } from '../shared/domain/jobIds';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { jobQueryOptions } from '../shared/queries/jobQuery';
import { firstLeadOf, joinJobElection, knownInCache } from '../shared/queries/jobPollElections';
import { App } from './App';
import { BootErrorPage } from './BootErrorPage';
import { ConfigErrorPage } from './ConfigErrorPage';
import { DEMO_LEFT_OUT, unregisterLeftoverDemoWorker } from './demoWorker';
import { matchRoute } from './routes';
import { createQueryClient, createServices } from './services';

/** How long the first render waits for this tab to be given its jobs' election locks. */
export const BOOT_LEAD_WAIT_MS = 200;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The composition root: reads the config, starts the simulated AWS in demo mode (this is the one
 * module allowed to import it), configures Amplify and renders the app. Whatever throws on the way
 * (a chunk that fails to load, Amplify refusing its configuration) ends on a readable page with a
 * Reload button, never a blank one.
 */
export async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    await start(root);
  } catch (error) {
    console.error('Amplify Job Watch could not start:', error instanceof Error ? error.message : String(error));
    root.render(<BootErrorPage error={error} />);
  }
}

async function start(root: Root): Promise<void> {
  const loaded = await loadConfig();
  if (loaded.kind === 'invalid') {
    root.render(<ConfigErrorPage problems={loaded.problems} />);
    return;
  }
  const { config } = loaded;
  let demoGuide: DemoGuide | undefined;
  if (config.demo) {
    // Compared literally so that a `VITE_DEMO=off` build drops the simulated AWS as dead code.
    if (import.meta.env.VITE_DEMO === 'off') {
      root.render(<ConfigErrorPage problems={[{ field: 'demo', expected: DEMO_LEFT_OUT }]} />);
      return;
    }
    // A chunk that fails to load is a boot error (Reload helps); a refused service worker is not.
    const { startDemoAws } = await import('../simulated-aws/browser');
    try {
      demoGuide = await startDemoAws();
    } catch (error) {
      root.render(
        <ConfigErrorPage
          problems={[
            {
              field: 'demo',
              expected: `a browser that allows service workers on this address (${error instanceof Error ? error.message : String(error)})`,
            },
          ]}
        />,
      );
      return;
    }
  }
  // A site that once ran the demo (its config.json went missing) keeps the demo's service worker
  // registered until told otherwise; a real config tells it.
  if (!config.demo) void unregisterLeftoverDemoWorker();
  configureAuth(config);
  if (config.Auth.Cognito.loginWith?.oauth) {
    // Completes a Hosted UI sign-in when the page is the redirect target (code and state in the URL).
    await import('@aws-amplify/auth/enable-oauth-listener');
  }
  // Opened with no network: React Query learns it from the browser now (it otherwise hears only of
  // changes), so checks wait for the connection instead of failing, and the page shows what it knew.
  if (navigator.onLine === false) onlineManager.setOnline(false);
  const services = createServices(config, { demoGuide });
  const queryClient = createQueryClient(services);
  keepWatchingInBackground();
  // On a link that will be watched, start the AWS calls now instead of after React's first render:
  // the job page's query joins the request already in flight. Other pages (and invalid links) send
  // nothing until asked.
  const { pathname, search } = window.location;
  const route = matchRoute(pathname, search);
  const watchable = (params: Parameters<typeof linkProblems>[0]) => linkProblems(params, isAmplifyBackendRegion).length === 0;
  // Through each job's cross-tab election: with the job open in another tab, that tab's answer comes
  // instead of a request of this tab's own. The page takes its own seat before this one goes.
  const leads: Promise<void>[] = [];
  const prefetchJob = (key: BackendJobKey) => {
    const leave = joinJobElection(key, knownInCache(queryClient, key));
    void queryClient.prefetchQuery(jobQueryOptions(key, { client: services.client, jitterSeed: TAB_JITTER_SEED })).finally(leave);
    leads.push(firstLeadOf(key));
  };
  if (route.page === 'job' && watchable(route.params)) {
    const { params } = route;
    prefetchJob({ region: params.region ?? config.region, appId: params.appId, envName: params.envName, jobId: params.jobId });
  } else if (route.page === 'board') {
    // Every row at once, as the board asks (pollSpread spreads the checks after the first).
    parseBoardSearch(route.search, isAmplifyBackendRegion).jobs.forEach(prefetchJob);
  } else if (route.page === 'environment' && watchable(route.params)) {
    services.credentials().catch(() => undefined);
  }
  // A tab alone on its jobs is given their election locks within a task or two, and the requests
  // leave in that task: waiting for it puts them before React's first render instead of behind it.
  // A tab that follows another tab's polling waits no longer than BOOT_LEAD_WAIT_MS.
  if (leads.length > 0) await Promise.race([Promise.all(leads), delay(BOOT_LEAD_WAIT_MS)]);
  // A transition: the first render yields to the browser every few milliseconds, so a Cognito or
  // AWS answer that arrives meanwhile is handled (and the next request sent) at once, not after it.
  startTransition(() => {
    root.render(
      <StrictMode>
        <App services={services} queryClient={queryClient} />
      </StrictMode>,
    );
  });
  // The app shell for opening with no network, set up once the page is idle: never ahead of the first
  // status, never in demo mode (the simulated AWS owns the worker scope) or on the dev server.
  if (!config.demo && import.meta.env.PROD) {
    const build = new URL(import.meta.url).pathname;
    const register = () => void registerOfflineShell(build);
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(register);
    else window.setTimeout(register, 2000);
  }
}
