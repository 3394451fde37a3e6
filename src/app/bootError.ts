import { isChunkLoadError, reloadFresh } from '../shared/browser/offlineShell';
import { el } from './dom';

/**
 * The app could not start: a script chunk did not load (often a new deployment replaced it, or the
 * network dropped) or configuring sign-in threw. Says so and offers a reload instead of a blank page;
 * after a chunk failed, the reload fetches the dashboard afresh instead of from what the browser kept.
 * Plain DOM: it must work when the chunk that failed is React's.
 */
export function drawBootError(root: HTMLElement, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('Amplify Job Watch could not start:', message);
  const reload = el('button', { type: 'button', class: 'button' }, 'Reload the page');
  reload.addEventListener('click', () => void reloadFresh(error));
  root.replaceChildren(
    el(
      'main',
      { class: 'page', id: 'main' },
      el('h1', {}, 'The dashboard could not start'),
      el(
        'section',
        { class: 'panel panel--error', role: 'alert' },
        el('p', {}, 'Something failed while the page was starting, before any job was loaded. Reloading usually fixes it.'),
        isChunkLoadError(error)
          ? el(
              'p',
              {},
              'Part of the dashboard did not load, often because a new version was being published. Reloading fetches it afresh.',
            )
          : null,
        el('p', { class: 'mono' }, message),
      ),
      el('div', { class: 'actions' }, reload),
    ),
  );
}
