/** The script of the demo's service worker (the simulated AWS), as `npx msw init public` writes it. */
export const DEMO_WORKER_SCRIPT = '/mockServiceWorker.js';

/**
 * What a `VITE_DEMO=off` build says when it finds no config.json: that build leaves the simulated AWS
 * out of the bundle (boot.tsx drops its import as dead code) and its worker out of `dist/`.
 */
export const DEMO_LEFT_OUT = 'a config.json: this build was made without the demo (VITE_DEMO=off)';

type WorkerContainer = Pick<ServiceWorkerContainer, 'getRegistrations'>;

/**
 * Unregisters the demo's service worker when the page runs with a real config. A site that served
 * the demo once (say its config.json went missing for a deploy) would otherwise keep that worker
 * registered for the origin. Other workers are left alone. Resolves to how many were removed.
 */
export async function unregisterLeftoverDemoWorker(
  container: WorkerContainer | undefined = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker,
): Promise<number> {
  if (!container) return 0;
  let removed = 0;
  try {
    for (const registration of await container.getRegistrations()) {
      const worker = registration.active ?? registration.waiting ?? registration.installing;
      if (worker && new URL(worker.scriptURL).pathname === DEMO_WORKER_SCRIPT && (await registration.unregister())) removed += 1;
    }
  } catch {
    // A browser that refuses service workers here has none to clean up.
  }
  return removed;
}
