import { useSyncExternalStore } from 'react';

/** Who is signed in: a username, null for nobody, undefined before the first session was read. */
export type SignedInUser = string | null | undefined;

export interface SessionStore {
  get(): SignedInUser;
  set(user: string | null): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(): SessionStore {
  let user: SignedInUser;
  const listeners = new Set<() => void>();
  return {
    get: () => user,
    set(next) {
      if (next === user) return;
      user = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSignedInUser(store: SessionStore): SignedInUser {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Signs out through Amplify (revoking the refresh token), loaded only when someone signs out. */
export async function signOutUser(): Promise<void> {
  const { signOut } = await import('@aws-amplify/auth');
  await signOut();
}
