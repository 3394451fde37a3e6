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
  return DEMO_GUIDE;
}
