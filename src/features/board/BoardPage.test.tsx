import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { boardPath, type BoardJob } from '../../shared/domain/boardLink';
import { jobKey } from '../../simulated-aws/jobStore';
import { addJob, getJobRequests, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';
import { sim } from '../../test/server';

vi.setConfig({ testTimeout: 20_000 });

const MINUTE = 60_000;

function boardJob(spec: { appId: string; envName: string; jobId: string; region?: string }): BoardJob {
  return { region: spec.region ?? 'us-east-1', appId: spec.appId, envName: spec.envName, jobId: spec.jobId };
}

/** Earlier COMPLETED jobs of `operation` in the environment, each `minutes` long, hours ago. */
function addHistory(envName: string, operation: string, minutes: number[]) {
  minutes.forEach((length, index) =>
    addJob({
      envName,
      operation,
      startedAt: Date.now() - (index + 2) * 60 * MINUTE,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: length * MINUTE },
      ],
    }),
  );
}

/** A row once the board shows it (the page is loaded on demand: the first test to open it waits for it). */
function findRow(jobId: string): Promise<HTMLElement> {
  return screen.findByRole('listitem', { name: `Job ${jobId}` });
}

function row(jobId: string): HTMLElement {
  return screen.getByRole('listitem', { name: `Job ${jobId}` });
}

const listRequests = () => sim.count({ operation: 'ListBackendJobs' });

describe('the board', () => {
  it('shows one row per job across environments; a 404 stays on its own row', async () => {
    const running = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const failed = addJob({
      envName: 'prod',
      operation: 'UpdateBackendAPI',
      steps: [{ status: 'FAILED', atMs: 0 }],
      error: 'Schema validation failed <script>alert(1)</script>',
    });
    const missing = boardJob({ appId: TEST_APP_ID, envName: TEST_ENV, jobId: 'no-such-job' });
    await renderApp({ path: boardPath([boardJob(running), boardJob(failed), missing]) });

    // The first test of the file also loads the app's code and credentials: allow it more time.
    await waitFor(() => expect(within(row(running.jobId)).getByText('RUNNING')).toBeInTheDocument(), { timeout: 15_000 });
    expect(within(row(running.jobId)).getByRole('link', { name: running.jobId })).toHaveAttribute(
      'href',
      // The board's own region is the config's: the job page needs no ?region= for it.
      `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs/${running.jobId}`,
    );
    await waitFor(() => expect(within(row(failed.jobId)).getByText('FAILED')).toBeInTheDocument());
    expect(within(row(failed.jobId)).getByText(/Schema validation failed <script>/)).toBeInTheDocument();
    expect(within(row(failed.jobId)).getByText('UpdateBackendAPI')).toBeInTheDocument();
    await waitFor(() => expect(within(row('no-such-job')).getByRole('button', { name: 'Try again' })).toBeInTheDocument());
    expect(within(row(running.jobId)).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(within(row('no-such-job')).getByText('Not found')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('1 running, 1 failed, 1 not found · Amplify Job Watch'));
  });

  it('asks about every row at once, so no status waits for its turn in the interval', async () => {
    const jobs = Array.from({ length: 4 }, () => addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] }));
    // Spread over a 5-minute interval, the last row's first check would wait almost 4 minutes.
    await renderApp({ path: boardPath(jobs.map(boardJob)), pollIntervalSeconds: 300 });
    for (const job of jobs) {
      await waitFor(() => expect(within(row(job.jobId)).getByText('RUNNING')).toBeInTheDocument(), { timeout: 15_000 });
    }
    expect(jobs.map((job) => getJobRequests(job.jobId))).toEqual([1, 1, 1, 1]);
  });

  it('lists invalid entries with their reason and watches the valid ones', async () => {
    const job = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    await renderApp({ path: `${boardPath([boardJob(job)])}&job=mars-1/a/b/c&job=only/three/parts` });
    expect(await screen.findByText(/Region “mars-1” is not one where AmplifyBackend runs/)).toBeInTheDocument();
    expect(screen.getByText(/found 3 parts/)).toBeInTheDocument();
    await waitFor(() => expect(within(row(job.jobId)).getByText('COMPLETED')).toBeInTheDocument());
    await waitFor(() => expect(document.title).toBe('All 1 done · Amplify Job Watch'));
  });

  it('Remove takes the job out of the address and keeps focus on the page', async () => {
    const a = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const b = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user } = await renderApp({ path: boardPath([boardJob(a), boardJob(b)]) });
    await user.click(await screen.findByRole('button', { name: `Remove job ${a.jobId} from the board` }));
    expect(window.location.pathname + window.location.search).toBe(boardPath([boardJob(b)]));
    expect(screen.queryByRole('listitem', { name: `Job ${a.jobId}` })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Board' })).toHaveFocus();
  });

  it('“Copy link” copies the board’s whole address, as it is after a Remove', async () => {
    const a = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const b = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user } = await renderApp({ path: boardPath([boardJob(a), boardJob(b)]) });
    const copy = await screen.findByRole('button', { name: 'Copy link to this board' });
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe(new URL(boardPath([boardJob(a), boardJob(b)]), window.location.href).href);

    await user.click(screen.getByRole('button', { name: `Remove job ${a.jobId} from the board` }));
    await user.click(screen.getByRole('button', { name: 'Copy link to this board' }));
    expect(await navigator.clipboard.readText()).toBe(new URL(boardPath([boardJob(b)]), window.location.href).href);
  });

  it('refuses more than 25 jobs and names the ones it left out', async () => {
    const jobs = Array.from({ length: 27 }, (_, index) =>
      boardJob({ appId: TEST_APP_ID, envName: TEST_ENV, jobId: `j${index}` }),
    );
    await renderApp({ path: boardPath(jobs) });
    const warning = await screen.findByText(/A board watches at most 25 jobs, so these 2 jobs in the link are not watched/);
    const named = within(warning.closest('section') as HTMLElement);
    expect(named.getByRole('link', { name: 'j25' })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs/j25`,
    );
    expect(named.getByRole('link', { name: 'j26' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem', { name: /^Job j/ })).toHaveLength(25);
  });

  it('a board of jobs AWS does not know says “not found”, never “done”, and names the jobs past 25', async () => {
    const jobs = Array.from({ length: 32 }, (_, index) =>
      boardJob({ appId: TEST_APP_ID, envName: TEST_ENV, jobId: `gone-${index}` }),
    );
    const { user } = await renderApp({ path: boardPath(jobs) });

    await waitFor(() => expect(document.title).toBe('25 not found · Amplify Job Watch'), { timeout: 15_000 });
    expect(screen.getAllByText('Not found', { selector: '.board-row__status span' })).toHaveLength(25);
    expect(screen.queryByText('Not checked')).toBeNull();
    const live = document.querySelector('.board [aria-live="polite"]');
    await waitFor(() => expect(live).toHaveTextContent('Nothing left to watch on the board: 25 not found.'));
    expect(live).not.toHaveTextContent(/ended/);

    // Seven past the maximum: five by name, then how many more.
    const warning = (await screen.findByText(/these 7 jobs in the link are not watched/)).closest('section') as HTMLElement;
    expect(
      within(warning)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([...[25, 26, 27, 28, 29].map((n) => `Job gone-${n} (${TEST_APP_ID} / ${TEST_ENV} / us-east-1)`), 'and 2 more']);

    // Removing a row makes room: the first job past the maximum moves in, and none is lost.
    await user.click(screen.getByRole('button', { name: 'Remove job gone-0 from the board' }));
    expect(window.location.pathname + window.location.search).toBe(boardPath(jobs.slice(1)));
    expect(await screen.findByRole('listitem', { name: 'Job gone-25' })).toBeInTheDocument();
    expect(screen.getByText(/these 6 jobs in the link are not watched/)).toBeInTheDocument();
  });

  it('“?” opens the list of keyboard shortcuts, as on the job page', async () => {
    const job = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user } = await renderApp({ path: boardPath([boardJob(job)]) });
    await waitFor(() => expect(within(row(job.jobId)).getByText('COMPLETED')).toBeInTheDocument());
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Show these shortcuts')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says how durations are measured once for the board, not on every row', async () => {
    addHistory('once', 'CreateBackendAuth', [2, 3, 3, 4]);
    const jobs = [0, 1, 2].map(() => addJob({ envName: 'once', steps: [{ status: 'RUNNING', atMs: 0 }] }));
    await renderApp({ path: boardPath(jobs.map(boardJob)) });
    for (const job of jobs) expect(await within(await findRow(job.jobId)).findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getAllByText(/^Durations are updateTime − createTime/)).toHaveLength(1);
    for (const job of jobs) expect(within(row(job.jobId)).queryByText(/^Durations are/)).toBeNull();
  });

  it('estimates a running job from the environment’s earlier jobs, read once for the environment', async () => {
    addHistory('est', 'CreateBackendAuth', [2, 3, 3, 4]);
    addHistory('est', 'DeleteBackend', [30, 30, 30]);
    const first = addJob({ envName: 'est', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({ envName: 'est', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const few = addJob({ envName: 'est', operation: 'DeleteBackendAPI', steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: boardPath([boardJob(first), boardJob(second), boardJob(few)]) });

    expect(
      await within(await findRow(first.jobId)).findByText('Usually takes 2–4 min (4 earlier CreateBackendAuth jobs)'),
    ).toBeInTheDocument();
    const bar = within(row(first.jobId)).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuetext', expect.stringMatching(/^about \d min left$/) as string);
    expect(await within(row(second.jobId)).findByText(/Usually takes 2–4 min/)).toBeInTheDocument();
    expect(await within(row(few.jobId)).findByText('No estimate yet (0 earlier jobs)')).toBeInTheDocument();
    expect(listRequests()).toBe(1);
  });

  it('says “Taking longer than usual” once the job has run longer than the slowest earlier job', async () => {
    addHistory('late', 'CreateBackendAuth', [1, 1, 2]);
    const late = addJob({ envName: 'late', startedAt: Date.now() - 5 * MINUTE, steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: boardPath([boardJob(late)]) });
    expect(
      await within(await findRow(late.jobId)).findByText(/Taking longer than usual: 3 min \d\d s past the slowest of them/),
    ).toBeInTheDocument();
  });

  it('a denied ListBackendJobs leaves one short line and is not asked again', async () => {
    sim.listFaults.set(jobKey('us-east-1', TEST_APP_ID, 'denied', ''), [
      {
        type: 'http',
        status: 403,
        errorType: 'AccessDeniedException',
        message: 'not authorized to perform: amplifybackend:ListBackendJobs',
      },
    ]);
    const a = addJob({ envName: 'denied', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const b = addJob({ envName: 'denied', steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: boardPath([boardJob(a), boardJob(b)]) });
    expect(
      await within(await findRow(a.jobId)).findByText(/No estimate: listing this environment’s jobs .* was denied/),
    ).toBeInTheDocument();
    expect(within(row(a.jobId)).getByText('RUNNING')).toBeInTheDocument();
    await waitFor(() => expect(getJobRequests(a.jobId)).toBeGreaterThanOrEqual(2), { timeout: 8000 });
    expect(listRequests()).toBe(1);
  });
});
