/** The app-shell worker's script (public/sw.js). */
export const SHELL_WORKER_SCRIPT = '/sw.js';

/** The start of the names of the worker's caches (public/sw.js). */
export const SHELL_CACHE_PREFIX = 'job-watch-shell:';

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

/**
 * The errors a script or style chunk that did not load throws, in Chrome, Firefox and Safari wording:
 * usually a new deployment replaced the chunk, or one was being uploaded when the page asked for it.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script/i.test(
    message,
  );
}

export interface FreshReloadEnvironment {
  caches?: Pick<CacheStorage, 'keys' | 'delete'>;
  fetch?: (url: string, init: RequestInit) => Promise<unknown>;
  reload: () => void;
  online: boolean;
  origin: string;
}

function browserEnvironment(): FreshReloadEnvironment {
  return {
    caches: globalThis.caches,
    fetch: globalThis.fetch?.bind(globalThis),
    reload: () => globalThis.location.reload(),
    online: globalThis.navigator?.onLine !== false,
    origin: globalThis.location?.origin ?? '',
  };
}

/**
 * The error page's Reload. After a chunk failed to load, it fetches afresh rather than from what was
 * kept: it drops the app shell the worker kept (public/sw.js) and asks the network again, bypassing the
 * browser's HTTP cache, for the files the error names (a chunk's answer from mid-deployment may be
 * stored there as "immutable"), then reloads. Offline, or for any other error, it only reloads: the
 * kept shell is what lets the page open with no network.
 */
export async function reloadFresh(error: unknown, environment: Partial<FreshReloadEnvironment> = {}): Promise<void> {
  const env = { ...browserEnvironment(), ...environment };
  if (isChunkLoadError(error) && env.online) {
    try {
      for (const name of (await env.caches?.keys()) ?? [])
        if (name.startsWith(SHELL_CACHE_PREFIX)) await env.caches?.delete(name);
    } catch {
      // No Cache Storage (or not allowed): nothing was kept there either.
    }
    const message = error instanceof Error ? error.message : String(error);
    const named = [...message.matchAll(/https?:\/\/[^\s'"),]+/g)]
      .map((match) => match[0])
      .filter((url) => url.startsWith(`${env.origin}/assets/`));
    const { fetch } = env;
    if (fetch) await Promise.all(named.map((url) => fetch(url, { cache: 'reload' }).catch(() => undefined)));
  }
  env.reload();
}
