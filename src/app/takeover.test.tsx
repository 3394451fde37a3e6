import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { addJob, getJobRequests, resetAmplifyAuth, testConfig } from '../test/renderApp';
import { FIRST_ANSWER_CAP_MS, start } from './start';

// The whole app (StrictMode, the job page, its elections) over what the entry drew: a page of its own,
// since the root boot creates stays mounted to the end of the file.
it('the app takes over the drawn status with its answer: the same job shown, no second request, then watched as before', async () => {
  await resetAmplifyAuth();
  const job = addJob({ operation: 'UpdateBackendAPI', steps: [{ status: 'COMPLETED', atMs: 0 }] });
  const root = document.body.appendChild(document.createElement('div'));
  const url = new URL(job.path, 'http://localhost');
  window.history.replaceState(null, '', job.path);
  const config = testConfig();
  await start(root, () => import('./boot'), {
    loadConfig: () => Promise.resolve({ kind: 'ready', config }),
    answerCapMs: FIRST_ANSWER_CAP_MS,
    location: { pathname: url.pathname, search: url.search },
    online: true,
    now: Date.now,
  });

  expect(await screen.findByText('The job has finished; no more checks.')).toBeInTheDocument();
  expect(within(root).getByRole('region', { name: 'Job status' })).toHaveTextContent('COMPLETED');
  expect(within(root).getByRole('button', { name: 'Refresh now' })).toBeInTheDocument();
  expect(getJobRequests(job.jobId)).toBe(1);
});
