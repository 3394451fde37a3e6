import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { boardPath } from '../shared/domain/boardLink';
import { addJob, getJobRequests, resetAmplifyAuth, TEST_APP_ID, TEST_ENV, TEST_REGION, testConfig } from '../test/renderApp';
import { FIRST_ANSWER_CAP_MS, start } from './start';

/**
 * An element as the eye and the layout see it: tag, attributes (sorted), text and children. An
 * estimate's inside is left out: the entry holds its room, the app fills it with what it reads.
 */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\d+ s\b/g, 'N s');
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes]
    .filter((attribute) => !(node.classList.contains('estimate') && attribute.name === 'aria-hidden'))
    .map((attribute) => `${attribute.name}="${attribute.value}"`)
    .sort()
    .join(' ');
  const inside = node.classList.contains('estimate') ? '' : [...node.childNodes].map(shape).join('');
  return `<${node.localName} ${attributes}>${inside}</${node.localName}>`;
}

// The whole app over the rows the entry drew: a page of its own, since the root boot creates stays
// mounted to the end of the file.
it('the app takes over a drawn board in place: the same rows in the same markup, no "Loading…" between, focus kept, one request a row', async () => {
  await resetAmplifyAuth();
  const running = addJob({ operation: 'UpdateBackendAPI', steps: [{ status: 'RUNNING', atMs: 0 }] });
  const failed = addJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: 'Schema validation failed' });
  const done = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const refs = [running, failed, done].map((job) => ({
    region: TEST_REGION,
    appId: TEST_APP_ID,
    envName: TEST_ENV,
    jobId: job.jobId,
  }));
  const path = boardPath(refs);
  const root = document.body.appendChild(document.createElement('div'));
  window.history.replaceState(null, '', path);
  // Whatever the page shows while the app takes over: a "Loading…" in place of the rows would be seen here.
  const shown: string[] = [];
  new MutationObserver(() => shown.push(root.textContent ?? '')).observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  let drawn = '';
  const url = new URL(path, 'http://localhost');
  await start(
    root,
    () => {
      drawn = shape(root.querySelector('article')!);
      // Someone on the keyboard is on a row's Remove while the app loads.
      within(root)
        .getByRole('button', { name: `Remove job ${failed.jobId} from the board` })
        .focus();
      return import('./boot');
    },
    {
      // A deployment's interval: three jobs are well within the browser's request budget (no note on it).
      loadConfig: () => Promise.resolve({ kind: 'ready', config: testConfig({ pollIntervalSeconds: 5 }) }),
      answerCapMs: FIRST_ANSWER_CAP_MS,
      location: { pathname: url.pathname, search: url.search },
      online: true,
      now: Date.now,
    },
  );

  // The app's own controls are there: React has rendered the board.
  expect(await screen.findByRole('button', { name: 'Copy link to this board' })).toBeInTheDocument();
  const rows = within(root).getByRole('list', { name: 'Jobs on the board' });
  expect(within(rows).getAllByRole('listitem')).toHaveLength(3);
  // Heading, line, rows: what the entry drew is what the app drew, element for element.
  const header = root.querySelector('article > header')!;
  expect(drawn).toContain(shape(header));
  expect(drawn).toContain(shape(rows));
  expect(shown.every((text) => !text.includes('Loading…'))).toBe(true);
  // Focus went to the same button in the app's page, not to the page body.
  const remove = within(rows).getByRole('button', { name: `Remove job ${failed.jobId} from the board` });
  expect(remove).toHaveFocus();
  expect([running, failed, done].map((job) => getJobRequests(job.jobId))).toEqual([1, 1, 1]);
});
