import { setupServer } from 'msw/node';
import { simulatedAwsHandlers } from '../simulated-aws/mswHandlers';
import { SimulatedAws } from '../simulated-aws/simulatedAws';

/**
 * The one simulated AWS every component and integration test talks to. Its clock reads
 * `Date.now()` on every call (not a captured reference), so `vi.useFakeTimers()` moves the
 * jobs' scripted steps and credential expiry along with the app's own clock.
 * State (jobs, request records, issued credentials, guest access) is reset after each test.
 */
export const sim = new SimulatedAws({ now: () => Date.now() });

/** MSW in Node, answering every `*.amazonaws.com` request through `sim`. */
export const server = setupServer(...simulatedAwsHandlers(sim));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Any request the simulated AWS does not answer fails the test (MSW's "error" strategy), so a
 * stray call to a real AWS endpoint or an unexpected URL cannot pass unnoticed. Loopback
 * requests are let through: tests of real local HTTP servers run under this same setup.
 */
export function onUnhandledRequest(request: Request, print: { error(): void }): void {
  if (LOOPBACK.has(new URL(request.url).hostname)) return;
  print.error();
}
