import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobPagePath } from '../shared/domain/jobRoutes';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS, demoJobSpecs } from '../simulated-aws/demoJobs';
import { simulatedAwsHandlers } from '../simulated-aws/mswHandlers';
import { SimulatedAws } from '../simulated-aws/simulatedAws';
import { passAppTime, useAppFakeTimers } from '../test/appTime';
import { addJob, getJobRequests, renderApp, TEST_APP_ID, TEST_ENV } from '../test/renderApp';
import { server, sim } from '../test/server';

// Generous: the suite may share a busy machine. Each test normally takes well under a second.
vi.setConfig({ testTimeout: 20_000 });

// The app's timers and clock are fake (moving with real time), so a test can let time pass at once.
beforeEach(() => useAppFakeTimers());
afterEach(() => vi.useRealTimers());

async function findStatus(word: string): Promise<void> {
  await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent(word));
}

/** Nothing at all reached the (simulated) AWS: no Cognito call, no AmplifyBackend call. */
async function expectNoRequests(queryClient: QueryClient): Promise<void> {
  await passAppTime(queryClient, 150);
  expect(sim.records).toEqual([]);
}

describe('links that are not valid', () => {
  const base = `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs`;

  it.each([
    ['a 300-character job ID', `${base}/${'a'.repeat(300)}`, 'Job ID is 300 characters long; at most 256 are accepted.'],
    [
      'a control character (%01) in the app ID',
      `/apps/ab%01cd/environments/${TEST_ENV}/jobs/j1`,
      'App ID contains control characters.',
    ],
    [
      'a control character (%1F) in the environment',
      `/apps/${TEST_APP_ID}/environments/dev%1F/jobs/j1`,
      'Environment contains control characters.',
    ],
    ['an empty job ID', `${base}/`, 'Job ID is empty.'],
    [
      'a space-padded environment',
      `/apps/${TEST_APP_ID}/environments/%20dev/jobs/j1`,
      'Environment has spaces at its start or end.',
    ],
    ['an unknown ?region=', `${base}/j1?region=mars-east-1`, 'Region “mars-east-1” is not one where AmplifyBackend runs'],
    ['a region in the wrong case', `${base}/j1?region=US-EAST-1`, 'Region “US-EAST-1” is not one where AmplifyBackend runs'],
  ])('%s: says what is wrong and sends nothing', async (_name, path, message) => {
    const { queryClient } = await renderApp({ path });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('This job link is not valid');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Nothing was sent to AWS.');
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Invalid link · Amplify Job Watch'));
    await expectNoRequests(queryClient);
  });

  it('a broken percent-encoding: says so and sends nothing', async () => {
    const { queryClient } = await renderApp({ path: `${base}/abc%E0%A4%A` });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('This job link is not valid');
    expect(screen.getByRole('alert')).toHaveTextContent('broken percent-encoding');
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await expectNoRequests(queryClient);
  });

  it('a broken percent-encoding: the tab title says the link is invalid, like other invalid links', async () => {
    document.title = 'Amplify Job Watch'; // index.html's <title>
    await renderApp({ path: `${base}/abc%E0%A4%A` });
    expect(screen.getByRole('alert')).toHaveTextContent('broken percent-encoding');
    await waitFor(() => expect(document.title).toBe('Invalid link · Amplify Job Watch'));
  });

  it('markup in a job ID is shown as text, never as elements', async () => {
    const jobId = '<img src=x onerror="window.__pwnedId=1">';
    await renderApp({ path: `${base}/${encodeURIComponent(jobId)}` });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(`Job ${jobId}`);
    await screen.findByRole('alert');
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __pwnedId?: unknown }).__pwnedId).toBeUndefined();
  });

  it.each([
    ['a “..” job ID', `${base}/..`],
    ['a “%2E%2E” job ID', `${base}/%2E%2E`],
    ['a “..” app ID', `/apps/%2e%2e/environments/${TEST_ENV}/jobs/j1`],
  ])('%s never reaches AWS: the URL resolves the dot segment, leaving no job page', async (_name, path) => {
    // A browser (and jsdom) removes `..` and `%2E%2E` path segments before the app sees the
    // address, so the job route does not match; JobPage's own “..” check is covered in
    // JobPage.test.tsx.
    const { queryClient } = await renderApp({ path });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    await expectNoRequests(queryClient);
  });
});

describe('credentials', () => {
  it('guest access off in the config: says "No AWS credentials" plainly, without calling AWS', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path, allowGuestAccess: false });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('No AWS credentials');
    expect(alert).toHaveTextContent('allowGuestAccess is off');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expectNoRequests(queryClient);
  });

  it('identity pool refusing guests: says Cognito refused, quoting it, and does not loop', async () => {
    sim.guestAccess = false;
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Couldn’t get AWS credentials from Cognito');
    expect(alert).toHaveTextContent('Unauthenticated access is not supported for this identity pool.');
    await passAppTime(queryClient, 500);
    expect(sim.count({ operation: 'GetId' })).toBe(1);
    expect(getJobRequests(job.jobId)).toBe(0);
  });

  it('a browser clock 20 minutes slow: learns AWS’s time from the refusal and shows the job', async () => {
    const ahead = new SimulatedAws({ now: () => Date.now() + 20 * 60_000 });
    server.use(...simulatedAwsHandlers(ahead));
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    ahead.jobs.put(job);
    await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    await findStatus('RUNNING');
    expect(ahead.records.filter((r) => r.jobId === job.jobId).map((r) => r.status)).toEqual([403, 200]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('pages', () => {
  it('an unknown path shows "Page not found" with a link home that works', async () => {
    const { user, queryClient } = await renderApp({ path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    await waitFor(() => expect(document.title).toBe('Page not found · Amplify Job Watch'));
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(window.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Amplify Job Watch'));
    await expectNoRequests(queryClient);
  });

  it('a job path with an extra segment is not a job page', async () => {
    const { queryClient } = await renderApp({ path: `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs/j1/extra` });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    await expectNoRequests(queryClient);
  });

  it('the home page outside demo mode lists no sample jobs and has no demo banner', async () => {
    await renderApp({ path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sample jobs in the demo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('the home page in demo mode lists the demo jobs as links, and one opens live', async () => {
    for (const spec of demoJobSpecs(Date.now())) sim.jobs.put(spec);
    const { user, queryClient } = await renderApp({ path: '/', demo: true });
    expect(screen.getByRole('note')).toHaveTextContent('Demo:');
    const list = await screen.findByRole('region', { name: 'Sample jobs in the demo' });
    expect(DEMO_JOB_LINKS.length).toBeGreaterThanOrEqual(4);
    for (const demoJob of DEMO_JOB_LINKS) {
      expect(within(list).getByRole('link', { name: demoJob.label })).toHaveAttribute(
        'href',
        jobPagePath({ appId: DEMO_APP_ID, envName: DEMO_ENV, jobId: demoJob.jobId }),
      );
    }
    await expectNoRequests(queryClient);

    await user.click(within(list).getByRole('link', { name: /^CreateBackendAuth: runs, completes/ }));
    await findStatus('RUNNING');
    expect(screen.getByText('CreateBackendAuth')).toBeInTheDocument();
    expect(window.location.pathname).toMatch(/^\/apps\/d2k9xq7v1ab3cd\/environments\/staging\/jobs\//);
  });

  it('the demo job that does not exist says so', async () => {
    for (const spec of demoJobSpecs(Date.now())) sim.jobs.put(spec);
    const { user } = await renderApp({ path: '/', demo: true });
    await user.click(await screen.findByRole('link', { name: 'A job that does not exist' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
  });

  it('the browser’s back button returns to the previous page', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await renderApp({ path: '/no/such/page' });
    await user.click(await screen.findByRole('link', { name: 'Go to the home page' }));
    await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' });
    window.history.pushState(null, '', job.path);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await findStatus('RUNNING');
    window.history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeInTheDocument();
  });
});
