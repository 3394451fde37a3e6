import { useEffect, useRef } from 'react';

/**
 * What a screen showing a stored list needs to hear: the list was forgotten in this tab (sign-out,
 * "Forget these jobs"), or changed in another tab (the browser's `storage` event, which only other
 * tabs receive). The screen then reads its store again, so it never shows what storage no longer holds.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();

/** Tells this tab's subscribers of `key` that its stored value changed. */
export function announceStoreChange(key: string): void {
  for (const listener of [...(listeners.get(key) ?? [])]) listener();
}

/** Calls `listener` when `key` changes in this tab (announceStoreChange) or in another tab; returns the unsubscribe. */
export function subscribeToStore(key: string, listener: Listener): () => void {
  let forKey = listeners.get(key);
  if (!forKey) {
    forKey = new Set();
    listeners.set(key, forKey);
  }
  forKey.add(listener);
  // Another tab wrote or removed the key; a null key means that tab cleared all of localStorage.
  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    forKey.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Runs the latest `onChange` while mounted whenever `key`'s stored value changes. */
export function useStoreChange(key: string, onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => subscribeToStore(key, () => latest.current()), [key]);
}
