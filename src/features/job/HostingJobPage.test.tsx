import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostingJobPagePath } from '../../shared/domain/jobRoutes';
import { stepsInTurn, type SimHostingJobSpec } from '../../simulated-aws/hostingJobStore';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import { addHostingJob, getHostingJobRequests, renderApp, TEST_APP_ID } from '../../test/renderApp';
import { sim } from '../../test/server';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.useRealTimers();
});

/** App time passed to show that something did NOT happen: five poll intervals at 0.1 s. */
const QUIET_MS = 500;

const pathOf = (spec: SimHostingJobSpec) =>
  hostingJobPagePath({ appId: spec.appId, branchName: spec.branchName, jobId: spec.jobId });

function statusRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Job status' });
}

async function findStatus(word: string): Promise<void> {
  await waitFor(() => expect(statusRegion()).toHaveTextContent(word));
}

function stepItems(): HTMLElement[] {
  const steps = screen.getByRole('region', { name: 'Steps' });
  return within(steps).getAllByRole('listitem');
}

const BUILD_DEPLOY_VERIFY = [
  {
    ...stepsInTurn(['BUILD'])[0]!,
    logUrl: 'https://aws-amplify-prod-us-east-1-artifacts.s3.amazonaws.com/build.log?X-Amz-Signature=abc',
  },
  ...stepsInTurn(['DEPLOY', 'VERIFY'], { startMs: 1000 }),
];

describe('a hosting job page', () => {
  it('follows a build through BUILD, DEPLOY and VERIFY to SUCCEEDED, every step in order, then stops asking AWS', async () => {
    useAppFakeTimers();
    const job = addHostingJob({
      commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
      commitMessage: 'Add the login page',
      steps: BUILD_DEPLOY_VERIFY,
    });
    const { queryClient } = await renderApp({ path: pathOf(job) });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(`Hosting job ${job.jobId}`);
    await findStatus('RUNNING');
    expect(screen.getByText('Add the login page')).toBeInTheDocument();
    expect(screen.getByText('3f2a9c1')).toBeInTheDocument();
    expect(screen.getByText('RELEASE')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(3500);
    await findStatus('SUCCEEDED');
    expect(stepItems().map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^BUILD\s*SUCCEEDED.*Took 1 s/),
      expect.stringMatching(/^DEPLOY\s*SUCCEEDED.*Took 1 s/),
      expect.stringMatching(/^VERIFY\s*SUCCEEDED.*Took 1 s/),
    ]);
    expect(screen.getByText(/The job has finished; no more checks\./)).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`SUCCEEDED · ${job.jobId} · Amplify Job Watch`));
    const requests = getHostingJobRequests(job.jobId);
    await passAppTime(queryClient, QUIET_MS);
    expect(getHostingJobRequests(job.jobId)).toBe(requests);
  });

  it('a build that fails in BUILD says which step failed and why, first, and stops asking AWS', async () => {
    useAppFakeTimers();
    const reason = 'npm ci exited with code 1: <img src=x onerror="alert(1)"> ERESOLVE could not resolve';
    const job = addHostingJob({
      steps: [
        ...stepsInTurn(['BUILD'], { stepMs: 500, last: 'FAILED', statusReason: reason }),
        // Scripted as if it would run: after a failed BUILD it never starts.
        { stepName: 'DEPLOY', timeline: [{ status: 'RUNNING', atMs: 600 }] },
      ],
    });
    const { queryClient } = await renderApp({ path: pathOf(job) });
    await findStatus('RUNNING');
    await vi.advanceTimersByTimeAsync(700);
    await findStatus('FAILED');
    const panel = screen.getByRole('region', { name: 'Step BUILD failed' });
    expect(panel).toHaveTextContent(reason);
    // Markup in AWS's text stays text.
    expect(panel.querySelector('img')).toBeNull();
    // Where the eye lands first: before the facts and the steps.
    const steps = screen.getByRole('region', { name: 'Steps' });
    expect(panel.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(stepItems()).toHaveLength(1);
    const requests = getHostingJobRequests(job.jobId);
    await passAppTime(queryClient, QUIET_MS);
    expect(getHostingJobRequests(job.jobId)).toBe(requests);
  });

  it('links a step’s log only when it is https, in a new tab that gets neither this page nor its address', async () => {
    useAppFakeTimers();
    const job = addHostingJob({
      steps: [
        { stepName: 'BUILD', timeline: [{ status: 'SUCCEED', atMs: 0 }], logUrl: 'https://logs.example.com/build.log' },
        { stepName: 'DEPLOY', timeline: [{ status: 'SUCCEED', atMs: 0 }], logUrl: 'javascript:alert(1)' },
        { stepName: 'VERIFY', timeline: [{ status: 'SUCCEED', atMs: 0 }], logUrl: 'http://logs.example.com/verify.log' },
      ],
    });
    await renderApp({ path: pathOf(job) });
    await findStatus('SUCCEEDED');
    const links = within(screen.getByRole('region', { name: 'Steps' })).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName(/^Log of BUILD\s*\(opens in a new tab\)$/);
    expect(links[0]).toHaveAttribute('href', 'https://logs.example.com/build.log');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('opens a job on a branch whose name has a slash, sent as one segment', async () => {
    useAppFakeTimers();
    const job = addHostingJob({
      branchName: 'feature/login',
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
    });
    expect(pathOf(job)).toContain('/branches/feature%2Flogin/jobs/');
    await renderApp({ path: pathOf(job) });
    await findStatus('RUNNING');
    expect(screen.getByRole('link', { name: 'feature/login' })).toHaveAttribute(
      'href',
      `/apps/${TEST_APP_ID}/branches/feature%2Flogin/jobs`,
    );
    expect(getHostingJobRequests(job.jobId)).toBeGreaterThan(0);
    // The console shows a branch's deployments, not one job: that is where the link goes.
    expect(screen.getByRole('link', { name: /Open in the Amplify console/ })).toHaveAttribute(
      'href',
      `https://us-east-1.console.aws.amazon.com/amplify/apps/${TEST_APP_ID}/branches/feature%2Flogin/deployments?region=us-east-1`,
    );
  });

  it('keeps watching while CANCELLING and a status it does not know, and stops at CANCELLED', async () => {
    useAppFakeTimers();
    const job = addHostingJob({
      steps: [],
      timeline: [
        { status: 'QUEUED_SOMEWHERE_NEW', atMs: 0 },
        { status: 'CANCELLING', atMs: 500 },
        { status: 'CANCELLED', atMs: 1000 },
      ],
    });
    const { queryClient } = await renderApp({ path: pathOf(job) });
    await findStatus('QUEUED_SOMEWHERE_NEW');
    await vi.advanceTimersByTimeAsync(600);
    await findStatus('CANCELLING');
    expect(screen.queryByText(/The job has finished/)).toBeNull();
    await vi.advanceTimersByTimeAsync(600);
    await findStatus('CANCELLED');
    const requests = getHostingJobRequests(job.jobId);
    await passAppTime(queryClient, QUIET_MS);
    expect(getHostingJobRequests(job.jobId)).toBe(requests);
  });

  const manySteps = (count: number) =>
    addHostingJob({
      steps: Array.from({ length: count }, (_, index) => ({
        stepName: `STEP_${index + 1}`,
        timeline: [{ status: 'SUCCEED', atMs: 0 }],
      })),
    });
  /** Counted by selector: role queries over hundreds of rows are slow in jsdom and prove nothing more here. */
  const stepRows = () => screen.getByRole('region', { name: 'Steps' }).querySelectorAll('li');

  it('an answer with 500 steps stays one screen: the first 20, and a button that says how many there are', async () => {
    useAppFakeTimers();
    await renderApp({ path: pathOf(manySteps(500)) });
    await findStatus('SUCCEEDED');
    expect(stepRows()).toHaveLength(20);
    expect(stepRows()[0]).toHaveTextContent('STEP_1');
    expect(screen.getByRole('button', { name: 'Show all 500 steps' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('"Show all" lists every step, and the first 20 again on request', async () => {
    useAppFakeTimers();
    const { user } = await renderApp({ path: pathOf(manySteps(23)) });
    await findStatus('SUCCEEDED');
    await user.click(screen.getByRole('button', { name: 'Show all 23 steps' }));
    expect(stepRows()).toHaveLength(23);
    expect(stepRows()[22]).toHaveTextContent('STEP_23');
    await user.click(screen.getByRole('button', { name: 'Show the first 20 steps' }));
    expect(stepRows()).toHaveLength(20);
  });

  it('refuses a job ID that is not the branch’s job number before any request', async () => {
    useAppFakeTimers();
    await renderApp({ path: `/apps/${TEST_APP_ID}/branches/main/jobs/12abc` });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('This job link is not valid');
    expect(screen.getByRole('alert')).toHaveTextContent('digits only');
    expect(sim.count({ service: 'amplify' })).toBe(0);
  });

  it('404: says the job is not found in that region and names the branch', async () => {
    useAppFakeTimers();
    await renderApp({ path: `/apps/${TEST_APP_ID}/branches/main/jobs/999999` });
    expect(await screen.findByText(/Not found in us-east-1/)).toBeInTheDocument();
    expect(screen.getByText(/job 999999 of app .*, branch main/)).toBeInTheDocument();
  });

  it('an answer with only a status still shows the job, every missing fact said plainly', async () => {
    useAppFakeTimers();
    const job = addHostingJob({
      faults: [{ type: 'body', status: 200, body: JSON.stringify({ job: { summary: { status: 'SUCCEED' } } }) }],
    });
    await renderApp({ path: pathOf(job) });
    await findStatus('SUCCEEDED');
    expect(screen.getByText('no message')).toBeInTheDocument();
    expect(screen.getByText('No steps yet.')).toBeInTheDocument();
    expect(screen.getAllByText('not reported').length).toBeGreaterThan(0);
  });

  it('a 200 answer that is not a job is reported as unreadable, not shown as a job', async () => {
    useAppFakeTimers();
    const job = addHostingJob({ faults: [{ type: 'body', status: 200, body: '{"unexpected":true}' }] });
    await renderApp({ path: pathOf(job) });
    expect(await screen.findByText(/The response had no "job" with a summary\./)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Job status' })).toBeNull();
  });

  it('throttled twice (LimitExceededException), it says it is retrying, then shows the job: the backend job’s retry rules', async () => {
    useAppFakeTimers();
    const throttled = { type: 'http', status: 429, errorType: 'LimitExceededException', message: 'Rate exceeded' } as const;
    const job = addHostingJob({
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
      faults: [throttled, throttled],
    });
    await renderApp({ path: pathOf(job) });
    expect(await screen.findByText(/AWS is throttling requests/)).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(10_000);
    await findStatus('RUNNING');
    expect(getHostingJobRequests(job.jobId)).toBeGreaterThanOrEqual(3);
  });
});
