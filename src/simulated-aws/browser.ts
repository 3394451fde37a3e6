import { setupWorker } from 'msw/browser';
import type { DemoGuide } from '../shared/config/demoGuide';
import { DEMO_GUIDE } from './demoGuide';
import { demoHistorySpecs } from './demoHistory';
import { demoJobSpecs } from './demoJobs';
import { simulatedAwsHandlers } from './mswHandlers';
import { SimulatedAws } from './simulatedAws';

/**
 * Starts the simulated AWS inside the page (demo mode only; this module is its own chunk and a
 * real deployment never downloads it). Resolves to what the demo's pages list: sample jobs and users.
 */
export async function startDemoAws(): Promise<DemoGuide> {
  const now = Date.now();
  // The sample jobs, and the environment's earlier jobs that the estimates read. The list pages
  // newest first, so the samples someone opened are on its first page.
  const sim = new SimulatedAws({ jobs: [...demoJobSpecs(now), ...demoHistorySpecs(now)], listOrder: 'newest-first' });
  const worker = setupWorker(...simulatedAwsHandlers(sim));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return DEMO_GUIDE;
}
