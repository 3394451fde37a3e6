import { http } from 'msw';
import type { SimulatedAws } from './simulatedAws';

/**
 * Routes requests through the simulated AWS. A request it does not recognise falls through
 * (the resolver returns nothing), so MSW's unhandled-request policy still applies to it.
 */
export function simulatedAwsHandlers(sim: SimulatedAws) {
  return [http.all('*', ({ request }) => sim.handle(request))];
}
