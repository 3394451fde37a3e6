import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardPath } from '../../shared/domain/boardLink';
import type { BackendJobRef, HostingJobRef } from '../../shared/domain/jobRef';
import type { SimHostingJobSpec, SimHostingStepSpec } from '../../simulated-aws/hostingJobStore';
import type { SimJobSpec } from '../../simulated-aws/jobStore';
import { useAppFakeTimers } from '../../test/appTime';
import { addHostingJob, addJob, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;
const BUILD_FAILURE = 'Build failed: npm ERR! missing script: build <img src=x onerror=alert(1)>';

const backendRef = (spec: SimJobSpec): BackendJobRef => ({
  region: 'us-east-1',
  appId: spec.appId,
  envName: spec.envName,
  jobId: spec.jobId,
});

const hostingRef = (spec: SimHostingJobSpec): HostingJobRef => ({
  kind: 'hosting',
  region: 'us-east-1',
  appId: spec.appId,
  branchName: spec.branchName,
  jobId: spec.jobId,
});

const step = (stepName: string, ...timeline: [string, number][]): SimHostingStepSpec => ({
  stepName,
  timeline: timeline.map(([status, atMs]) => ({ status, atMs })),
});

const SUCCEEDED_STEPS = [step('BUILD', ['RUNNING', 0], ['SUCCEED', 0]), step('DEPLOY', ['RUNNING', 0], ['SUCCEED', 0])];
const FAILED_IN_BUILD = [{ ...step('BUILD', ['RUNNING', 0], ['FAILED', 0]), statusReason: BUILD_FAILURE }];

function backendRow(jobId: string): HTMLElement {
  return screen.getByRole('listitem', { name: `Job ${jobId}` });
}

function buildRow(jobId: string, branchName: string): HTMLElement {
  return screen.getByRole('listitem', { name: `Hosting build ${jobId} of branch ${branchName}` });
}

describe('a board of both kinds of job', () => {
  it('shows a backend job and a hosting build side by side, each saying its kind; a build that failed in BUILD names the step and its reason', async () => {
    const backend = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const build = addHostingJob({ branchName: 'feature/login', steps: FAILED_IN_BUILD });
    const { user } = await renderApp({ path: boardPath([backendRef(backend), hostingRef(build)]) });

    await waitFor(() => expect(within(backendRow(backend.jobId)).getByText('RUNNING')).toBeInTheDocument(), {
      timeout: 15_000,
    });
    await waitFor(() => expect(within(buildRow(build.jobId, 'feature/login')).getByText('FAILED')).toBeInTheDocument());
    const backendItem = within(backendRow(backend.jobId));
    const buildItem = within(buildRow(build.jobId, 'feature/login'));

    // Each row says which kind of job it is, and where it lives.
    expect(backendRow(backend.jobId)).toHaveTextContent(`Backend · environment ${TEST_ENV}`);
    expect(buildRow(build.jobId, 'feature/login')).toHaveTextContent('Hosting build · branch feature/login');
    expect(buildItem.getByRole('link', { name: build.jobId })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs/${build.jobId}`,
    );
    expect(backendItem.getByRole('link', { name: backend.jobId })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs/${backend.jobId}`,
    );
    // The failed step and its reason, as text, on the build's own row.
    const failure = buildItem.getByText(/^Failed in step/).closest('p') as HTMLElement;
    expect(failure).toHaveTextContent(`Failed in step BUILD: ${BUILD_FAILURE}`);
    expect(failure.querySelector('img')).toBeNull();
    expect(backendItem.queryByText(/Failed in step/)).toBeNull();
    expect(buildItem.getByText('RELEASE')).toBeInTheDocument();
    expect(buildItem.getByRole('link', { name: /Open in the Amplify console.*branch feature\/login/ })).toBeInTheDocument();

    await waitFor(() => expect(document.title).toBe('1 running, 1 failed · Amplify Job Watch'));
    expect(screen.getAllByRole('button', { name: 'Copy link to this board' })).toHaveLength(1);

    await user.click(
      buildItem.getByRole('button', { name: `Remove hosting build ${build.jobId} of branch feature/login from the board` }),
    );
    expect(window.location.pathname + window.location.search).toBe(boardPath([backendRef(backend)]));
    expect(screen.getByRole('heading', { level: 1, name: 'Board' })).toHaveFocus();
  });

  it('counts both kinds in the one title: a SUCCEED build is done, like a COMPLETED backend job', async () => {
    const backend = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const succeeded = addHostingJob({ steps: SUCCEEDED_STEPS });
    const failed = addHostingJob({ steps: FAILED_IN_BUILD });
    await renderApp({ path: boardPath([hostingRef(succeeded), backendRef(backend), hostingRef(failed)]) });

    await waitFor(() => expect(document.title).toBe('All 3 done, 1 failed · Amplify Job Watch'), { timeout: 15_000 });
    expect(within(buildRow(succeeded.jobId, 'main')).getByText('SUCCEEDED')).toBeInTheDocument();
    const live = document.querySelector('.board [aria-live="polite"]');
    await waitFor(() => expect(live).toHaveTextContent('All 3 jobs on the board have ended: 1 failed.'));
  });

  it('announces each kind’s change in its own words, then once that everything on the board has ended', async () => {
    useAppFakeTimers();
    // Long enough for both rows' first answers (RUNNING) to arrive on a busy machine, app time passing with real time.
    const build = addHostingJob({ steps: [step('BUILD', ['RUNNING', 0], ['SUCCEED', 10_000])] });
    const backend = addJob({
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 10_000 },
      ],
    });
    await renderApp({ path: boardPath([hostingRef(build), backendRef(backend)]) });
    await waitFor(() => expect(within(buildRow(build.jobId, 'main')).getByText('RUNNING')).toBeInTheDocument(), {
      timeout: 15_000,
    });
    await waitFor(() => expect(within(backendRow(backend.jobId)).getByText('RUNNING')).toBeInTheDocument());
    expect(document.title).toBe('2 running · Amplify Job Watch');
    // Everything the polite region says, in order: each row's change may come with a different answer.
    const live = document.querySelector('.board [aria-live="polite"]') as HTMLElement;
    const said: string[] = [];
    const listener = new MutationObserver(() => said.push(live.textContent));
    listener.observe(live, { subtree: true, childList: true, characterData: true });

    await vi.advanceTimersByTimeAsync(11_000);
    await waitFor(() => expect(document.title).toBe('All 2 done · Amplify Job Watch'));
    await waitFor(() => expect(live).toHaveTextContent('All 2 jobs on the board have ended: none failed.'));
    listener.disconnect();
    const spoken = said.join(' ');
    expect(spoken).toContain(`Hosting build ${build.jobId} of branch main: SUCCEEDED`);
    expect(spoken).toContain(`Job ${backend.jobId.slice(0, 8)}…: COMPLETED`);
    expect(spoken.match(/All 2 jobs on the board have ended/g)).toHaveLength(1);
  });

  it('estimates a running build from its branch’s earlier builds, and says how durations are measured once per kind', async () => {
    const branchName = 'estimates';
    const envName = 'estimates';
    [2, 3, 3, 4].forEach((minutes, index) => {
      const startedAt = Date.now() - (index + 2) * 60 * MINUTE;
      addHostingJob({
        branchName,
        startedAt,
        steps: [step('BUILD', ['RUNNING', 0], ['SUCCEED', minutes * MINUTE])],
      });
      addJob({
        envName,
        startedAt,
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'COMPLETED', atMs: minutes * MINUTE },
        ],
      });
    });
    const build = addHostingJob({ branchName, steps: [step('BUILD', ['RUNNING', 0])] });
    const backend = addJob({ envName, steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: boardPath([hostingRef(build), backendRef(backend)]) });

    expect(
      await within(buildRow(build.jobId, branchName)).findByText('Usually takes 2–4 min (4 earlier RELEASE jobs)', undefined, {
        timeout: 15_000,
      }),
    ).toBeInTheDocument();
    expect(within(buildRow(build.jobId, branchName)).getByRole('progressbar')).toBeInTheDocument();
    expect(await within(backendRow(backend.jobId)).findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getAllByText(/^Durations are endTime − startTime of the branch’s/)).toHaveLength(1);
    expect(screen.getAllByText(/^Durations are updateTime − createTime of the environment’s/)).toHaveLength(1);
    expect(within(buildRow(build.jobId, branchName)).queryByText(/^Durations are/)).toBeNull();
  });

  it('a build this role may not read says so on its row, naming amplify:GetJob; the backend row is unaffected', async () => {
    const backend = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const denied = addHostingJob({
      steps: SUCCEEDED_STEPS,
      faults: [
        { type: 'http', status: 403, errorType: 'AccessDeniedException', message: 'not authorized to perform: amplify:GetJob' },
      ],
    });
    await renderApp({ path: boardPath([backendRef(backend), hostingRef(denied)]) });

    const row = () => within(buildRow(denied.jobId, 'main'));
    await waitFor(() => expect(row().getByRole('button', { name: 'Try again' })).toBeInTheDocument(), { timeout: 15_000 });
    expect(row().getByText(/It needs the IAM action amplify:GetJob on this app in us-east-1/)).toBeInTheDocument();
    expect(row().getByText('not authorized to perform: amplify:GetJob')).toBeInTheDocument();
    await waitFor(() => expect(within(backendRow(backend.jobId)).getByText('COMPLETED')).toBeInTheDocument());
    expect(within(backendRow(backend.jobId)).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('lists a build entry with a job ID that is not a number, or with three parts, as not understood, with the reason', async () => {
    const build = addHostingJob({ steps: SUCCEEDED_STEPS });
    await renderApp({
      path: `${boardPath([hostingRef(build)])}&build=us-east-1/${TEST_APP_ID}/main/latest&build=us-east-1/${TEST_APP_ID}/main`,
    });
    const panel = within(
      (await screen.findByRole('heading', { name: '2 entries in the link were not understood' })).closest(
        'section',
      ) as HTMLElement,
    );
    expect(panel.getByText(`us-east-1/${TEST_APP_ID}/main/latest`).closest('li')).toHaveTextContent(
      /digits only \(for example 12\)/,
    );
    expect(panel.getByText(`us-east-1/${TEST_APP_ID}/main`).closest('li')).toHaveTextContent(
      'Expected region/app/branch/job (four parts separated by “/”), found 3 parts.',
    );
    await waitFor(() => expect(within(buildRow(build.jobId, 'main')).getByText('SUCCEEDED')).toBeInTheDocument());
    expect(screen.getAllByRole('listitem', { name: /^(Job|Hosting build) / })).toHaveLength(1);
  });
});
