import '@testing-library/jest-dom/vitest';
import { QueryClient } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { reloadTimeZoneMode } from '../shared/ui/timeZonePreference';
import { resetAmplifyAuth } from './amplifyAuth';
// The simulated AWS behind MSW, as for every test, comes from setupNode.ts, listed before this file in
// vite.config.ts: its afterEach runs after the one below (hooks unwind in reverse order), so the rendered
// app is unmounted before the simulated AWS is reset.

/**
 * The DOM test files of a worker run one after another in one jsdom page and one module graph
 * (`isolate: false` in vite.config.ts): building a page and importing the app again for every file
 * cost more than the tests themselves. So each file starts from what a freshly loaded page has:
 * nothing stored, no Amplify session, an empty document at `/`, real timers, the browser's own
 * globals. Within a file, tests clean up after themselves as before.
 */
beforeAll(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  // Amplify's in-memory credentials and identity id, then both storages.
  await resetAmplifyAuth();
  reloadTimeZoneMode();
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name);
  // A new entry drops the entries a Back in the previous file left ahead: a fresh page has no forward history.
  window.history.pushState(null, '', '/');
});

// jsdom 29 has <dialog> without its methods: these do what a test can see of them (the open attribute,
// returnValue, the close event, Escape firing `cancel` then closing). The top layer, the inert page and
// focus kept inside the dialog only a browser has (e2e/sign-in.spec.ts).
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.returnValue = '';
  HTMLDialogElement.prototype.showModal = function () {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (returnValue) {
    if (!this.open) return;
    this.open = false;
    this.returnValue = returnValue ?? this.returnValue;
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', (event) => {
    const top = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')].at(-1);
    if (event.key === 'Escape' && top?.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}

/**
 * Every QueryClient a test mounted (renderApp's, and those a test builds itself): cleared after each
 * test, which cancels their retries and aborts their requests in flight, so that nothing a test started
 * reaches the simulated AWS in the next test, or in the next file sharing this page.
 */
const mountedClients = new Set<QueryClient>();
const mount = QueryClient.prototype.mount;
QueryClient.prototype.mount = function (this: QueryClient) {
  mountedClients.add(this);
  mount.call(this);
};

afterEach(() => {
  cleanup();
  mountedClients.forEach((client) => client.clear());
  mountedClients.clear();
});
