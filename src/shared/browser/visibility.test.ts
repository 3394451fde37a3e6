import { focusManager, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepWatchingInBackground } from './visibility';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** React Query's own focus listener (the one keepWatchingInBackground replaces), as a page starts with it. */
function reactQueryDefault() {
  focusManager.setEventListener((onFocus) => {
    const listener = () => onFocus();
    window.addEventListener('visibilitychange', listener, false);
    return () => window.removeEventListener('visibilitychange', listener);
  });
  focusManager.setFocused(undefined);
}

// The page (and module graph) is shared with other test files, where the app installed its own listener.
beforeEach(reactQueryDefault);

afterEach(() => {
  vi.useRealTimers();
  setVisibility('visible');
  reactQueryDefault();
});

describe('keepWatchingInBackground', () => {
  it('without it, React Query treats a hidden tab as unfocused (the behaviour it replaces)', () => {
    setVisibility('hidden');
    expect(focusManager.isFocused()).toBe(false);
  });

  it('keeps React Query treating a hidden tab as focused, so retries do not pause there', () => {
    keepWatchingInBackground();
    setVisibility('hidden');
    expect(focusManager.isFocused()).toBe(true);
  });

  it('signals a focus when the tab becomes visible again, so stale queries refresh at once', () => {
    keepWatchingInBackground();
    const seen: boolean[] = [];
    const unsubscribe = focusManager.subscribe((focused) => seen.push(focused));
    setVisibility('hidden');
    expect(seen).toEqual([]);
    setVisibility('visible');
    expect(seen).toContain(true);
    unsubscribe();
  });

  it('a query failing in a hidden tab keeps retrying there and succeeds', async () => {
    vi.useFakeTimers();
    keepWatchingInBackground();
    setVisibility('hidden');
    const client = new QueryClient();
    let calls = 0;
    const result = client.fetchQuery({
      queryKey: ['hidden-retry'],
      queryFn: () => {
        calls += 1;
        if (calls < 3) return Promise.reject(new Error('transient'));
        return Promise.resolve('ok');
      },
      retry: 3,
      retryDelay: 10,
    });
    let answer: string | undefined;
    void result.then((value) => (answer = value));
    // Two retry delays of 10 ms and more: paused retries would leave the query unanswered.
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(3);
    expect(answer).toBe('ok');
    client.clear();
  });
});
