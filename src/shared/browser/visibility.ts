import { focusManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

export function usePageHidden(): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState === 'hidden');
}

/**
 * React Query pauses retries while the tab is hidden and refreshes stale queries when it comes
 * back. A watch must keep going in a background tab (slower, by its own interval policy), so the
 * client is told the page is always focused, with a focus "blink" when the tab becomes visible
 * again so stale queries still refresh at once.
 */
export function keepWatchingInBackground(): void {
  focusManager.setEventListener((setFocused) => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        setFocused(false);
        setFocused(true);
      }
    };
    setFocused(true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  });
}
