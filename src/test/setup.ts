import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// The simulated AWS behind MSW, as for every test. Its afterEach runs after the one below (hooks unwind
// in reverse order): the rendered app is unmounted before the simulated AWS is reset.
import './setupNode';

afterEach(() => {
  cleanup();
});
