import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { JOB_OPERATIONS } from '../../shared/domain/operations';
import { jobKey } from '../../simulated-aws/jobStore';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import { addJob, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';
import { server, sim } from '../../test/server';
import { operationChoices } from './EnvironmentJobsPage';

vi.setConfig({ testTimeout: 20_000 });

const LIST_URL = `https://amplifybackend.us-east-1.amazonaws.com/backend/:appId/job/:envName`;
const HOUR = 60 * 60 * 1000;

/** What each ListBackendJobs request asked for (its JSON body), and the job IDs the simulated AWS answered, in its order. */
let listBodies: Record<string, unknown>[] = [];
let answeredOrders: string[][] = [];

function recordListResponses({ request, response }: { request: Request; response: Response }): void {
  if (request.method !== 'POST' || !request.url.includes('/backend/')) return;
  void response
    .clone()
    .json()
    .then((body: { jobs?: { jobId: string }[] }) => {
      if (body.jobs) answeredOrders.push(body.jobs.map((job) => job.jobId));
    })
    .catch(() => undefined);
}

beforeEach(() => {
  listBodies = [];
  answeredOrders = [];
  // Looks at each request on its way to the simulated AWS and lets it through unchanged.
  server.use(
    http.post(LIST_URL, async ({ request }) => {
      listBodies.push(JSON.parse(await request.clone().text()) as Record<string, unknown>);
    }),
  );
  server.events.on('response:mocked', recordListResponses);
});

afterEach(() => {
  server.events.removeListener('response:mocked', recordListResponses);
  vi.useRealTimers();
});

const listPath = (extra: { status?: string; operation?: string; envName?: string } = {}) =>
  environmentJobsPath({
    appId: TEST_APP_ID,
    envName: extra.envName ?? TEST_ENV,
    status: extra.status,
    operation: extra.operation,
  });

/** The job IDs in the table, top to bottom. */
function rowJobIds(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[2]?.textContent ?? '');
}

async function findRows(count: number): Promise<string[]> {
  return waitFor(() => {
    const ids = rowJobIds();
    expect(ids).toHaveLength(count);
    return ids;
  });
}

function finished(status: 'COMPLETED' | 'FAILED', ageMs: number, extra: { operation?: string; error?: string } = {}) {
  return addJob({ startedAt: Date.now() - ageMs, steps: [{ status, atMs: 0 }], ...extra });
}

describe('the job list of an environment', () => {
  it('lists the jobs newest first, although the API answered oldest first', async () => {
    const oldest = finished('COMPLETED', 3 * HOUR, { operation: 'CreateBackendAuth' });
    const newest = finished('FAILED', 1 * HOUR, { operation: 'UpdateBackendAPI', error: 'Stack rollback' });
    const middle = finished('COMPLETED', 2 * HOUR, { operation: 'CreateBackendStorage' });
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });

    expect(await screen.findByRole('heading', { level: 1, name: `Jobs of environment ${TEST_ENV}` })).toBeInTheDocument();
    expect(await findRows(3)).toEqual([newest.jobId, middle.jobId, oldest.jobId]);
    await waitFor(() => expect(answeredOrders).toEqual([[oldest.jobId, middle.jobId, newest.jobId]]));
    await waitFor(() => expect(document.title).toBe(`Jobs · ${TEST_ENV} · Amplify Job Watch`));

    const [first] = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const cells = within(first as HTMLElement).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('FAILED');
    expect(cells[1]).toHaveTextContent('UpdateBackendAPI');
    expect(within(cells[2] as HTMLElement).getByRole('link', { name: newest.jobId })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs/${newest.jobId}`,
    );
    expect(cells[5]).toHaveTextContent('Stack rollback');
    expect(screen.getByText('No listed job is running; not refreshing.')).toBeInTheDocument();
    expect(listBodies).toEqual([{ maxResults: 25 }]);
  });

  it('a job’s link opens its live page', async () => {
    const job = finished('COMPLETED', HOUR);
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await user.click(await screen.findByRole('link', { name: job.jobId }));
    expect(await screen.findByRole('heading', { level: 1, name: `Job ${job.jobId}` })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('COMPLETED'));
  });

  it('shortens a long job error in the table, with Show all for the rest', async () => {
    const error = `Deployment failed: ${'x'.repeat(300)}`;
    finished('FAILED', HOUR, { error });
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await findRows(1);
    const cell = within(screen.getByRole('table')).getAllByRole('cell')[5] as HTMLElement;
    // The excerpt, then "Show all" for the rest (it was the excerpt alone before "Show all").
    expect(cell.textContent).toBe(`${error.slice(0, 160)}… Show all`);
    await user.click(within(cell).getByRole('button', { name: 'Show all' }));
    expect(cell.textContent).toBe(`${error} Show less`);
    expect(within(cell).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('filters', () => {
  it('the Status and Operation selects change the URL and send the filters in the request body', async () => {
    const failedApi = finished('FAILED', 1 * HOUR, { operation: 'UpdateBackendAPI' });
    const failedAuth = finished('FAILED', 2 * HOUR, { operation: 'CreateBackendAuth' });
    const completedApi = finished('COMPLETED', 3 * HOUR, { operation: 'UpdateBackendAPI' });
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    expect(await findRows(3)).toEqual([failedApi.jobId, failedAuth.jobId, completedApi.jobId]);

    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(
      within(status)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All', 'RUNNING', 'COMPLETED', 'FAILED']);
    await user.selectOptions(status, 'FAILED');
    expect(window.location.search).toBe('?status=FAILED');
    expect(await findRows(2)).toEqual([failedApi.jobId, failedAuth.jobId]);
    expect(listBodies.at(-1)).toEqual({ status: 'FAILED', maxResults: 25 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'UpdateBackendAPI');
    expect(window.location.search).toBe('?status=FAILED&operation=UpdateBackendAPI');
    expect(await findRows(1)).toEqual([failedApi.jobId]);
    expect(listBodies.at(-1)).toEqual({ status: 'FAILED', operation: 'UpdateBackendAPI', maxResults: 25 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All');
    expect(window.location.search).toBe('?operation=UpdateBackendAPI');
    expect(await findRows(2)).toEqual([failedApi.jobId, completedApi.jobId]);
    expect(listBodies.at(-1)).toEqual({ operation: 'UpdateBackendAPI', maxResults: 25 });
  });

  it('a link with filters opens with them chosen and sends them', async () => {
    finished('COMPLETED', HOUR);
    const failed = finished('FAILED', 2 * HOUR);
    await renderApp({ path: listPath({ status: 'FAILED' }), pollIntervalSeconds: 60 });
    expect(await findRows(1)).toEqual([failed.jobId]);
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('FAILED');
    expect(screen.getByRole('combobox', { name: 'Operation' })).toHaveValue('');
    expect(listBodies).toEqual([{ status: 'FAILED', maxResults: 25 }]);
  });

  it('the Operation filter offers every known operation, and one a link names that the dashboard does not know', () => {
    expect(operationChoices(undefined)).toEqual(JOB_OPERATIONS);
    expect(operationChoices('UpdateBackendAPI')).toEqual(JOB_OPERATIONS);
    expect(operationChoices('DeleteBackendThing')).toEqual([...JOB_OPERATIONS, 'DeleteBackendThing']);
  });
});

describe('paging', () => {
  it('Load more asks for the next page with nextToken and shows every job, newest first', async () => {
    const jobs = Array.from({ length: 30 }, (_, i) => finished('COMPLETED', (30 - i) * HOUR));
    const newestFirst = [...jobs].reverse().map((job) => job.jobId);
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });

    // The API's first page holds the 25 oldest jobs.
    expect(await findRows(25)).toEqual(newestFirst.slice(5));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await findRows(30)).toEqual(newestFirst);
    expect(listBodies).toHaveLength(2);
    expect(listBodies[1]).toEqual({ maxResults: 25, nextToken: expect.any(String) as unknown });
    expect(listBodies[1]?.nextToken).not.toBe('');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says how far “newest first” reaches when AWS lists oldest first, and where Load more put the newer jobs', async () => {
    const jobs = Array.from({ length: 30 }, (_, i) => finished('COMPLETED', (30 - i) * HOUR));
    const newest = jobs[29]!;
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await findRows(25);
    const table = screen.getByRole('table');
    expect(table).toHaveAccessibleDescription(
      'Sorted newest first (by created time) among the 25 jobs loaded so far. AWS did not list them in time order, ' +
        'so newer jobs may still be on a later page: “Load more” adds them in their place.',
    );

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await findRows(30)).toEqual([...jobs].reverse().map((job) => job.jobId));
    expect(await screen.findByText(/^5 more jobs loaded\./)).toHaveTextContent(
      '5 more jobs loaded. All are newer than some jobs shown before and sorted in among them.',
    );
    expect(screen.getByText(/^5 more jobs loaded/)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('table')).toHaveAccessibleDescription('All 30 jobs, newest first (by created time).');
    // The button went with the last page: focus is on the first job it brought, at the top, not on row 26.
    expect(screen.getByRole('link', { name: newest.jobId })).toHaveFocus();

    // Another filter is another list: what Load more said of this one goes.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'COMPLETED');
    await waitFor(() => expect(screen.queryByText(/more jobs loaded/)).toBeNull());
  });

  it('with AWS listing newest first, the samples just opened are on the first page, at the top', async () => {
    sim.listOrder = 'newest-first';
    const older = Array.from({ length: 27 }, (_, i) => finished('COMPLETED', (i + 1) * HOUR));
    const opened = [0, 1].map(() =>
      addJob({ startsWhenOpened: true, steps: [{ status: 'RUNNING', atMs: 0 }], operation: 'CreateBackendAuth' }),
    );
    for (const job of opened) sim.jobs.open('us-east-1', TEST_APP_ID, TEST_ENV, job.jobId);
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });

    const ids = await findRows(25);
    expect(ids.slice(0, 2).sort()).toEqual(opened.map((job) => job.jobId).sort());
    expect(ids.slice(2)).toEqual(older.slice(0, 23).map((job) => job.jobId));
    expect(screen.getByRole('table')).toHaveAccessibleDescription(
      'Newest first (by created time), in the order AWS listed them: 25 jobs so far, “Load more” asks for the next page.',
    );
    expect(screen.getByRole('link', { name: 'Watch all running' })).toBeInTheDocument();
  });

  it('25 jobs or fewer: no Load more', async () => {
    for (let i = 0; i < 25; i += 1) finished('COMPLETED', (i + 1) * HOUR);
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await findRows(25);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

describe('nothing to show', () => {
  it('an environment without jobs says so', async () => {
    finished('COMPLETED', HOUR); // the app exists, in another environment
    await renderApp({ path: listPath({ envName: 'quiet' }), pollIntervalSeconds: 60 });
    expect(await screen.findByText('No jobs match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('filters that match nothing say so', async () => {
    finished('COMPLETED', HOUR);
    await renderApp({ path: listPath({ status: 'RUNNING' }), pollIntervalSeconds: 60 });
    expect(await screen.findByText('No jobs match these filters.')).toBeInTheDocument();
  });
});

describe('errors', () => {
  it('access denied: says so in words, names the IAM action, quotes AWS, and offers Try again', async () => {
    const job = finished('COMPLETED', HOUR);
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/Guest/x is not authorized to perform: amplifybackend:ListBackendJobs';
    sim.listFaults.set(jobKey('us-east-1', TEST_APP_ID, TEST_ENV, ''), [
      { type: 'http', status: 403, errorType: 'AccessDeniedException', message },
    ]);
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Access denied (HTTP 403)');
    expect(alert).toHaveTextContent('It needs the IAM action amplifybackend:ListBackendJobs on this app in us-east-1.');
    expect(alert).toHaveTextContent(`AWS said: ${message}`);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await findRows(1)).toEqual([job.jobId]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('an unknown app: “Not found”, naming the environment, app and region', async () => {
    await renderApp({ path: environmentJobsPath({ appId: 'dnoSuchApp1', envName: TEST_ENV }), pollIntervalSeconds: 60 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
    expect(alert).toHaveTextContent(`AWS has no environment ${TEST_ENV} of app dnoSuchApp1 in region us-east-1.`);
    expect(alert).toHaveTextContent('AWS said: App dnoSuchApp1 not found.');
  });

  it('an invalid environment link sends nothing', async () => {
    useAppFakeTimers();
    const { queryClient } = await renderApp({ path: `/apps/${TEST_APP_ID}/environments/%20padded/jobs` });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This environment link is not valid');
    expect(screen.getByRole('alert')).toHaveTextContent('Environment has spaces at its start or end.');
    await passAppTime(queryClient, 150);
    expect(sim.records).toEqual([]);
  });
});
