import { onlineManager } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { registerOfflineShell } from '../shared/browser/offlineShell';
import { keepWatchingInBackground } from '../shared/browser/visibility';
import { App, preloadPageOf } from './App';
import { drawBootError } from './bootError';
import { ConfigErrorPage } from './ConfigErrorPage';
import { startDeepLinkRequests } from './deepLinkRequests';
import { createQueryClient, createServices } from './services';
import type { Started } from './start';
import { keepFocusThroughTakeover } from './takeoverFocus';

/**
 * The app, after the first status (see start.ts): builds the services on what the page already has
 * (config, demo guide, AWS clients, the answers to its first requests) and renders. React replaces
 * whatever the page drew before it. Whatever throws on the way ends on a readable page with a Reload
 * button, never a blank one.
 */
export async function boot(container: HTMLElement, started: Started): Promise<void> {
  const root = createRoot(container);
  try {
    await render(root, container, started);
  } catch (error) {
    root.unmount();
    drawBootError(container, error);
  }
}

async function render(root: Root, container: HTMLElement, { build, loaded, demoGuide, core, early }: Started): Promise<void> {
  if (loaded.kind === 'invalid') {
    root.render(<ConfigErrorPage problems={loaded.problems} />);
    return;
  }
  const { config } = loaded;
  if (config.Auth.Cognito.loginWith?.oauth) {
    // Completes a Hosted UI sign-in when the page is the redirect target (code and state in the URL).
    await import('@aws-amplify/auth/enable-oauth-listener');
  }
  // Opened with no network: React Query learns it from the browser now (it otherwise hears only of
  // changes), so checks wait for the connection instead of failing, and the page shows what it knew.
  if (navigator.onLine === false) onlineManager.setOnline(false);
  const services = createServices(config, { demoGuide, core });
  const queryClient = createQueryClient(services);
  keepWatchingInBackground();
  await Promise.all([
    startDeepLinkRequests(window.location, config, services, queryClient, early),
    preloadPageOf(window.location),
  ]);
  keepFocusThroughTakeover(container);
  // A transition: the first render yields to the browser every few milliseconds, so an AWS answer
  // that arrives meanwhile is handled at once, not after it.
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
    const register = () => void registerOfflineShell(build);
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(register);
    else window.setTimeout(register, 2000);
  }
}
