/** The app-shell worker's script (public/sw.js). */
export const SHELL_WORKER_SCRIPT = '/sw.js';

type WorkerContainer = Pick<ServiceWorkerContainer, 'register' | 'ready'>;

/** This page's own scripts and styles loaded so far (lazy chunks included), for the worker to keep. */
function loadedShellFiles(): string[] {
  const origin = globalThis.location?.origin;
  return (globalThis.performance?.getEntriesByType?.('resource') ?? [])
    .map((entry) => entry.name)
    .filter((url) => origin !== undefined && url.startsWith(`${origin}/assets/`));
}

/**
 * Registers the worker that keeps the app shell for opening with no network (public/sw.js), for a
 * real deployment only. `build` names this deployment (the entry script's path, which changes with
 * every build), so a new deployment brings a new worker that replaces the old one and its cache.
 * Failing to register (a browser or host without service workers) changes nothing else.
 */
export async function registerOfflineShell(
  build: string,
  container: WorkerContainer | undefined = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker,
): Promise<boolean> {
  if (!container) return false;
  try {
    await container.register(`${SHELL_WORKER_SCRIPT}?build=${encodeURIComponent(build)}`, { scope: '/' });
    // The files this page loaded before the worker was there: it keeps them too.
    void container.ready.then((registration) => registration.active?.postMessage({ type: 'keep', urls: loadedShellFiles() }));
    return true;
  } catch {
    return false;
  }
}
