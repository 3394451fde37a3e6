import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { branchJobsPath, hostingJobPagePath } from '../../shared/domain/jobRoutes';
import type { SimHostingJobSpec } from '../../simulated-aws/hostingJobStore';
import { jobKey } from '../../simulated-aws/jobStore';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import { addHostingJob, getHostingJobRequests, renderApp, TEST_APP_ID, TEST_BRANCH } from '../../test/renderApp';
import { server, sim } from '../../test/server';

vi.setConfig({ testTimeout: 20_000 });

const LIST_URL = 'https://amplify.us-east-1.amazonaws.com/apps/:appId/branches/:branchName/jobs';
const HOUR = 60 * 60 * 1000;

/** Each ListJobs request's URL, as it left the page. */
let listUrls: URL[] = [];

beforeEach(() => {
  listUrls = [];
  // Looks at each request on its way to the simulated AWS and lets it through unchanged.
  server.use(
    http.get(LIST_URL, ({ request }) => {
      listUrls.push(new URL(request.url));
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
});

const listPath = (branchName = TEST_BRANCH, region?: string) => branchJobsPath({ appId: TEST_APP_ID, branchName, region });

/** A build that started `ageMs` ago and ended 90 s later (or still runs). */
function build(ageMs: number, outcome: 'SUCCEED' | 'FAILED' | 'RUNNING', extra: Partial<SimHostingJobSpec> = {}) {
  const timeline = [{ status: 'RUNNING', atMs: 0 }];
  if (outcome !== 'RUNNING') timeline.push({ status: outcome, atMs: 90_000 });
  return addHostingJob({ startedAt: Date.now() - ageMs, steps: [{ stepName: 'BUILD', timeline }], ...extra });
}

/** The table's body rows (a plain DOM query: role queries over 50 rows are slow on a busy machine). */
function rows(): HTMLElement[] {
  return [...screen.getByRole('table').querySelectorAll<HTMLElement>('tbody tr')];
}

function cellOf(row: HTMLElement, column: string): HTMLElement {
  const cell = row.querySelector<HTMLElement>(`td[data-label="${column}"]`);
  if (!cell) throw new Error(`no ${column} cell`);
  return cell;
}

/** The job IDs in the table, top to bottom. */
async function findRows(count: number): Promise<string[]> {
  return waitFor(() => {
    const ids = rows().map((row) => cellOf(row, 'Job ID').textContent ?? '');
    expect(ids).toHaveLength(count);
    return ids;
  });
}

const listRequests = () => sim.count({ service: 'amplify', operation: 'ListJobs' });

describe('the job list of a branch', () => {
  it('lists the jobs newest first: status in words, a link to each job, type, commit, start, end and duration', async () => {
    const older = build(3 * HOUR, 'FAILED', { jobType: 'WEB_HOOK' });
    const newest = build(1 * HOUR, 'SUCCEED', {
      commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
      commitMessage: '<img src=x onerror=alert(1)> Fix the login page',
    });
    const middle = build(2 * HOUR, 'SUCCEED', { jobType: 'MANUAL' });
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });

    expect(await findRows(3)).toEqual([newest.jobId, middle.jobId, older.jobId]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Jobs of branch main of app ${TEST_APP_ID}`);
    expect(document.title).toMatch(/^Jobs · main · /);
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Status',
      'Job ID',
      'Type',
      'Commit',
      'Started',
      'Ended',
      'Duration',
      'Board',
    ]);
    expect(screen.getByRole('table')).toHaveAccessibleDescription('All 3 jobs, newest first (by created time).');

    const [first, , last] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(cellOf(first, 'Status')).toHaveTextContent('SUCCEEDED');
    expect(cellOf(last, 'Status')).toHaveTextContent('FAILED');
    expect(within(first).getByRole('link', { name: newest.jobId })).toHaveAttribute(
      'href',
      hostingJobPagePath({ appId: TEST_APP_ID, branchName: 'main', jobId: newest.jobId }),
    );
    expect(cellOf(first, 'Type')).toHaveTextContent('RELEASE');
    expect(cellOf(last, 'Type')).toHaveTextContent('WEB_HOOK');
    // The commit message is text, never markup; the commit ID is shortened as git does.
    expect(cellOf(first, 'Commit')).toHaveTextContent('3f2a9c1 <img src=x onerror=alert(1)> Fix the login page');
    expect(cellOf(first, 'Commit').querySelector('img')).toBeNull();
    expect(cellOf(last, 'Commit')).toHaveTextContent('—');

    const started = cellOf(first, 'Started').querySelector('time');
    const ended = cellOf(first, 'Ended').querySelector('time');
    expect(started?.getAttribute('datetime')).toBe(new Date(newest.startedAt ?? 0).toISOString());
    expect(ended?.getAttribute('datetime')).toBe(new Date((newest.startedAt ?? 0) + 90_000).toISOString());
    expect(cellOf(first, 'Duration')).toHaveTextContent('1 min 30 s');
    expect(within(first).getByRole('link', { name: `Add job ${newest.jobId} to the board` })).toBeInTheDocument();
    expect(screen.getByText('No listed job is running; not refreshing.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/');
  });

  it('a running job has no end yet, counts its duration so far, and can be watched with the others running', async () => {
    const running = build(5 * 60_000, 'RUNNING');
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await findRows(1);
    const [row] = rows() as [HTMLElement];
    expect(cellOf(row, 'Status')).toHaveTextContent('RUNNING');
    expect(cellOf(row, 'Ended')).toHaveTextContent('not yet');
    expect(cellOf(row, 'Duration')).toHaveTextContent(/^5 min \d\d s so far$/);
    expect(screen.getByRole('link', { name: 'Watch all running' })).toHaveAttribute(
      'href',
      `/watch?build=us-east-1/${TEST_APP_ID}/main/${running.jobId}`,
    );
  });

  it('cuts a long commit message, with Show all for the rest', async () => {
    const message = `Rework the sign-in flow ${'and more '.repeat(20)}END`;
    build(HOUR, 'SUCCEED', { commitId: 'abcdef1234567', commitMessage: message });
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await findRows(1);
    const commit = cellOf(rows()[0] as HTMLElement, 'Commit');
    expect(commit).not.toHaveTextContent('END');
    expect(commit).toHaveTextContent(`abcdef1 ${message.slice(0, 72)}…`);
    await user.click(within(commit).getByRole('button', { name: 'Show all' }));
    expect(commit).toHaveTextContent(message);
    expect(within(commit).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('paging', () => {
  it('asks for 50 jobs, and Load more for the next page with nextToken', async () => {
    const jobs = Array.from({ length: 55 }, (_, i) => build((i + 1) * HOUR, 'SUCCEED'));
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });

    expect(await findRows(50)).toEqual(jobs.slice(0, 50).map((job) => job.jobId));
    expect(screen.getByRole('table')).toHaveAccessibleDescription(
      'Newest first (by created time), in the order AWS listed them: 50 jobs so far, “Load more” asks for the next page.',
    );
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await findRows(55)).toEqual(jobs.map((job) => job.jobId));
    expect(screen.getByText(/^5 more jobs loaded\./)).toHaveAttribute('role', 'status');

    expect(listUrls.map((url) => url.searchParams.get('maxResults'))).toEqual(['50', '50']);
    expect(listUrls[0]?.searchParams.has('nextToken')).toBe(false);
    expect(listUrls[1]?.searchParams.get('nextToken')).toEqual(expect.any(String));
    expect(listUrls[1]?.searchParams.get('nextToken')).not.toBe('');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    // The button went with the last page: focus goes on to the first job it brought.
    expect(document.activeElement?.tagName).toBe('A');
    expect(document.activeElement?.textContent).toBe(jobs[50]?.jobId);
  });
});

describe('errors', () => {
  it('access denied: says so in words, names amplify:ListJobs, quotes AWS, and offers Try again', async () => {
    const job = build(HOUR, 'SUCCEED');
    const message = 'User: arn:aws:sts::123456789012:assumed-role/Guest/x is not authorized to perform: amplify:ListJobs';
    sim.hostingListFaults.set(jobKey('us-east-1', TEST_APP_ID, TEST_BRANCH, ''), [
      { type: 'http', status: 403, errorType: 'AccessDeniedException', message },
    ]);
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Access denied (HTTP 403)');
    expect(alert).toHaveTextContent('It needs the IAM action amplify:ListJobs on this app in us-east-1.');
    expect(alert).toHaveTextContent(`AWS said: ${message}`);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await findRows(1)).toEqual([job.jobId]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('an unknown branch: “Not found”, naming the branch, app and region', async () => {
    build(HOUR, 'SUCCEED');
    await renderApp({ path: listPath('release'), pollIntervalSeconds: 60 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
    expect(alert).toHaveTextContent(`AWS has no branch release of app ${TEST_APP_ID} in region us-east-1.`);
    expect(alert).toHaveTextContent('AWS said: Branch release not found.');
  });

  it('an app that is not in the region of the link: “Not found” in that region', async () => {
    build(HOUR, 'SUCCEED');
    await renderApp({ path: listPath(TEST_BRANCH, 'eu-west-1'), pollIntervalSeconds: 60 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Not found in eu-west-1 (HTTP 404)');
    expect(alert).toHaveTextContent(`AWS has no branch main of app ${TEST_APP_ID} in region eu-west-1.`);
    expect(alert).toHaveTextContent(`AWS said: App ${TEST_APP_ID} not found.`);
  });

  it('an invalid branch link sends nothing', async () => {
    useAppFakeTimers();
    const { queryClient } = await renderApp({ path: `/apps/${TEST_APP_ID}/branches/%20padded/jobs` });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This branch link is not valid');
    expect(screen.getByRole('alert')).toHaveTextContent('Branch has spaces at its start or end.');
    await passAppTime(queryClient, 150);
    expect(sim.records).toEqual([]);
  });
});

describe('refreshing', () => {
  it('refreshes while a listed job runs and stops once every listed job has ended', async () => {
    useAppFakeTimers();
    build(2 * HOUR, 'SUCCEED');
    addHostingJob({
      steps: [
        {
          stepName: 'BUILD',
          timeline: [
            { status: 'RUNNING', atMs: 0 },
            { status: 'SUCCEED', atMs: 12_000 },
          ],
        },
      ],
    });
    const { queryClient } = await renderApp({ path: listPath(), pollIntervalSeconds: 5 });
    await findRows(2);
    expect(screen.getByText('Refreshing every 5 s while a listed job runs.')).toBeInTheDocument();
    const first = listRequests();

    await passAppTime(queryClient, 5_000);
    expect(listRequests()).toBe(first + 1);

    await vi.advanceTimersByTimeAsync(10_000);
    await waitFor(() => expect(cellOf(rows()[0] as HTMLElement, 'Status')).toHaveTextContent('SUCCEEDED'));
    expect(screen.getByText('No listed job is running; not refreshing.')).toBeInTheDocument();
    await passAppTime(queryClient, 0);
    const afterEnd = listRequests();

    await passAppTime(queryClient, 60_000);
    expect(listRequests()).toBe(afterEnd);
  });
});

describe('a branch whose name has a slash', () => {
  it('feature%2Flogin: one segment in the link, the request and the job links, and the job page opens it', async () => {
    const job = build(HOUR, 'FAILED', { branchName: 'feature/login' });
    const { user } = await renderApp({
      path: `/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs`,
      pollIntervalSeconds: 60,
    });

    expect(await findRows(1)).toEqual([job.jobId]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Jobs of branch feature/login of app');
    expect(listUrls[0]?.pathname).toBe(`/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs`);
    const link = screen.getByRole('link', { name: job.jobId });
    expect(link).toHaveAttribute('href', `/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs/${job.jobId}`);

    await user.click(link);
    expect(window.location.pathname).toBe(`/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs/${job.jobId}`);
    await waitFor(() => expect(getHostingJobRequests(job.jobId)).toBeGreaterThan(0));
    expect(sim.records.filter((record) => record.operation === 'GetJob').map((record) => record.status)).not.toContain(404);
  });
});
