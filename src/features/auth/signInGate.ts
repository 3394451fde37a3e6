import { useSyncExternalStore } from 'react';

export type GateState = { open: false } | { open: true; reason: string };

/** Whether the sign-in screen is over the page, and why. */
export interface SignInGate {
  get: () => GateState;
  open: (reason: string) => void;
  close: () => void;
  subscribe: (listener: () => void) => () => void;
}

const CLOSED: GateState = { open: false };

export function createSignInGate(): SignInGate {
  let state: GateState = CLOSED;
  const listeners = new Set<() => void>();
  const set = (next: GateState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => state,
    open(reason) {
      if (!state.open) set({ open: true, reason });
    },
    close() {
      if (state.open) set(CLOSED);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useGate(gate: SignInGate): GateState {
  return useSyncExternalStore(gate.subscribe, gate.get);
}
