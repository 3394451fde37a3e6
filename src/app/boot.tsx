import { startTransition, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { onlineManager } from '@tanstack/react-query';
import { registerOfflineShell } from '../shared/browser/offlineShell';
import { keepWatchingInBackground } from '../shared/browser/visibility';
import { configureAuth } from '../shared/aws/credentials';
import type { DemoGuide } from '../shared/config/demoGuide';
import { loadConfig } from '../shared/config/loadConfig';
import { App } from './App';
import { BootErrorPage } from './BootErrorPage';
import { ConfigErrorPage } from './ConfigErrorPage';
import { startDeepLinkRequests } from './deepLinkRequests';
import { DEMO_LEFT_OUT, unregisterLeftoverDemoWorker } from './demoWorker';
import { createQueryClient, createServices } from './services';

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
  await startDeepLinkRequests(window.location, config, services, queryClient);
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
