import type { QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';

/**
 * Fake timers for a test of the whole app: the app's timers (polling, retries, countdowns) and its
 * clock move only when the test moves them, or slowly with real time (shouldAdvanceTime), which
 * Amplify, MSW and WebCrypto need: they settle on real I/O, not on timers. Call it before renderApp.
 */
export function useAppFakeTimers(): void {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Lets `ms` of the app's time pass at once, then waits until no query is fetching, so that a
 * request a timer started in that time has been answered (and counted by the simulated AWS)
 * before the test counts requests. For showing that something did NOT happen in that time.
 */
export async function passAppTime(queryClient: QueryClient, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await waitFor(() => expect(queryClient.isFetching()).toBe(0));
}
