import { setupWorker } from 'msw/browser';
import type { DemoGuide } from '../shared/config/demoGuide';
import { DEMO_GUIDE } from './demoGuide';
import { demoHistorySpecs } from './demoHistory';
import { demoHostingJobSpecs } from './demoHostingJobs';
import { demoJobSpecs } from './demoJobs';
import { simulatedAwsHandlers } from './mswHandlers';
import { SimulatedAws } from './simulatedAws';

/**
 * Starts the simulated AWS inside the page (demo mode only; this module is its own chunk and a
 * real deployment never downloads it). Resolves to what the demo's pages list: sample jobs, a sample
 * board and users.
 */
export async function startDemoAws(): Promise<DemoGuide> {
  const now = Date.now();
  // The sample jobs of both kinds, and the earlier jobs that the estimates read. The lists page
  // newest first, so the samples someone opened are on their first page.
  const sim = new SimulatedAws({
    jobs: [...demoJobSpecs(now), ...demoHistorySpecs(now)],
    hostingJobs: demoHostingJobSpecs(now),
    listOrder: 'newest-first',
  });
  const worker = setupWorker(...simulatedAwsHandlers(sim));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  // A page the worker does not control (opened just as another page of the demo closed, which
  // unregisters the worker, or by a hard reload) would send its requests to the real AWS: the page's
  // first request leaves right after this. Wait for a worker to take the page; MSW reloads such a page
  // itself when it finds the registration, and the page reloads here when nothing took it in 2 s (the
  // worker is active by then, and controls the page it loads).
  if (!navigator.serviceWorker.controller) {
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      setTimeout(() => {
        if (!navigator.serviceWorker.controller) window.location.reload();
      }, 2000);
    });
  }
  return DEMO_GUIDE;
}
