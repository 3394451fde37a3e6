import { isChunkLoadError, reloadFresh } from '../shared/browser/offlineShell';

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/**
 * The app could not start: a script chunk did not load (often a new deployment replaced it, or the
 * network dropped) or configuring sign-in threw. Says so and offers a reload instead of a blank page;
 * after a chunk failed, the reload fetches the dashboard afresh instead of from what the browser kept.
 * Plain DOM: it must work when the chunk that failed is React's.
 */
export function drawBootError(root: HTMLElement, error: unknown): void {
  console.error('Amplify Job Watch could not start:', error instanceof Error ? error.message : String(error));
  const main = document.createElement('main');
  main.className = 'page';
  main.id = 'main';
  const heading = document.createElement('h1');
  heading.textContent = 'The dashboard could not start';
  const alert = document.createElement('section');
  alert.className = 'panel panel--error';
  alert.setAttribute('role', 'alert');
  alert.append(paragraph('Something failed while the page was starting, before any job was loaded. Reloading usually fixes it.'));
  if (isChunkLoadError(error)) {
    alert.append(
      paragraph(
        'Part of the dashboard did not load, often because a new version was being published. Reloading fetches it afresh.',
      ),
    );
  }
  alert.append(paragraph(error instanceof Error ? error.message : String(error), 'mono'));
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Reload the page';
  reload.addEventListener('click', () => void reloadFresh(error));
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(reload);
  main.append(heading, alert, actions);
  root.replaceChildren(main);
}
