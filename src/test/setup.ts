import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { onUnhandledRequest, server, sim } from './server';

beforeAll(() => {
  server.listen({ onUnhandledRequest });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  sim.reset();
});

afterAll(() => {
  server.close();
});
