import { afterAll, afterEach, beforeAll } from 'vitest';
import { onUnhandledRequest, server, sim } from './server';

/**
 * Every test, DOM or not, runs against the one simulated AWS behind MSW: a request it does not
 * answer fails the test, and its state is reset after each test.
 */
beforeAll(() => {
  server.listen({ onUnhandledRequest });
});

afterEach(() => {
  server.resetHandlers();
  sim.reset();
});

afterAll(() => {
  server.close();
});
