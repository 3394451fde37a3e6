/**
 * Tells this browser's other tabs that the person signed out (or their session ended), so each
 * drops the answers it holds and what it shows of that person's trail, as the tab they signed out in.
 */
const CHANNEL = 'amplify-job-watch.signed-out';

export function announceSignedOut(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'signed-out' });
  channel.close();
}

/** Calls `listener` when another tab of this browser announces a sign-out; returns the unsubscribe. */
export function onSignedOutElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (typeof data === 'object' && data !== null && data.type === 'signed-out') listener();
  };
  return () => channel.close();
}
