import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AmplifyBackendClient, BackendJob, BackendJobPage } from '../aws/amplifyBackend';
import { AwsError } from '../aws/awsError';
import { parseJobTime } from '../aws/jobTime';
import type { JobClients } from '../aws/watchedJob';
import { EstimateSlot } from './EstimateSlot';
import { DURATION_NOTE, JobEstimate } from './JobEstimate';

const ENV = { region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: 'running' };

/** The estimates here are of AmplifyBackend jobs: no hosting job is asked for. */
function clientsOf(backend: AmplifyBackendClient): JobClients {
  const unused = () => Promise.reject(new Error('not a hosting job'));
  return { backend, hosting: { getJob: unused, listJobs: unused } };
}

function deniedClient() {
  const listBackendJobs = vi.fn(() =>
    Promise.reject(new AwsError({ kind: 'access-denied', status: 403, serverMessage: 'not authorized' })),
  );
  const client: AmplifyBackendClient = { getBackendJob: vi.fn(), listBackendJobs };
  return { client, listBackendJobs };
}

function runningJob(jobId: string): BackendJob {
  return { jobId, operation: 'CreateBackendAuth', status: 'RUNNING', raw: {} };
}

describe('JobEstimate', () => {
  it('a denied history is read once, even by an estimate whose job arrives after the denial', async () => {
    const { client, listBackendJobs } = deniedClient();
    const queryClient = new QueryClient();
    const board = (second: BackendJob | undefined) => (
      <QueryClientProvider client={queryClient}>
        <JobEstimate clients={clientsOf(client)} jobRef={ENV} job={runningJob('a')} now={Date.now()} />
        <JobEstimate clients={clientsOf(client)} jobRef={ENV} job={second} now={Date.now()} />
      </QueryClientProvider>
    );
    const { rerender } = render(board(undefined));
    expect(await screen.findByText(/was denied/)).toBeInTheDocument();

    // The second job's first answer comes in after the denial.
    rerender(board(runningJob('b')));
    expect(await screen.findAllByText(/was denied/)).toHaveLength(2);
    expect(listBackendJobs).toHaveBeenCalledTimes(1);
  });

  it('shows nothing for a job that has ended', () => {
    const { client, listBackendJobs } = deniedClient();
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <JobEstimate
          clients={clientsOf(client)}
          jobRef={ENV}
          job={{ ...runningJob('c'), status: 'COMPLETED' }}
          now={Date.now()}
        />
      </QueryClientProvider>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(listBackendJobs).not.toHaveBeenCalled();
  });
});

const SECOND = 1000;

/** A finished CreateBackendAuth job that took `seconds`, hours ago. */
function earlier(jobId: string, seconds: number): BackendJob {
  const start = Date.now() - 5 * 60 * 60 * SECOND;
  return {
    jobId,
    operation: 'CreateBackendAuth',
    status: 'COMPLETED',
    createTime: parseJobTime(String(start)),
    updateTime: parseJobTime(String(start + seconds * SECOND)),
    raw: {},
  };
}

/** A client whose ListBackendJobs answers only when the test says so. */
function heldClient() {
  let answer: (page: BackendJobPage) => void = () => undefined;
  const listBackendJobs = vi.fn(
    () =>
      new Promise<BackendJobPage>((resolve) => {
        answer = resolve;
      }),
  );
  const client: AmplifyBackendClient = { getBackendJob: vi.fn(), listBackendJobs };
  return { client, answer: (page: BackendJobPage) => answer(page) };
}

/** The block's outline: its classes and the kinds of its rows, which fix its height. */
function outline(block: Element | null) {
  return {
    className: block?.className,
    rows: [...(block?.children ?? [])].map((child) => child.className),
  };
}

describe('JobEstimate’s room on the page', () => {
  // The job started at T0; each render says how late it is (no wall clock involved).
  const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
  const running: BackendJob = { ...runningJob('now'), createTime: parseJobTime(String(T0)) };

  it('takes the same room while the code loads, while the history is read and once it is in', async () => {
    const job = running;
    const slot = render(<EstimateSlot job={job} />);
    const placeholder = outline(slot.container.firstElementChild);
    slot.unmount();

    const { client, answer } = heldClient();
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <JobEstimate clients={clientsOf(client)} jobRef={ENV} job={job} now={T0 + 15 * SECOND} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('Reading earlier jobs for an estimate…')).toBeInTheDocument();
    const reading = outline(container.firstElementChild);

    answer({ jobs: [40, 42, 44, 46].map((seconds, i) => earlier(`e${i}`, seconds)) });
    expect(await screen.findByText('Usually takes 41–45 s (4 earlier CreateBackendAuth jobs)')).toBeInTheDocument();
    const estimated = outline(container.firstElementChild);

    expect(placeholder.className).toBe('estimate estimate--with-note');
    expect(reading).toEqual({
      className: 'estimate estimate--with-note',
      rows: ['estimate__summary', 'estimate__progress', 'estimate__note muted'],
    });
    expect(estimated).toEqual(reading);
  });

  it('puts the time left beside the bar, not on it, and it follows the time left', async () => {
    const { client, answer } = heldClient();
    const job = running;
    const view = (now: number) => (
      <QueryClientProvider client={queryClient}>
        <JobEstimate clients={clientsOf(client)} jobRef={ENV} job={job} now={now} />
      </QueryClientProvider>
    );
    const queryClient = new QueryClient();
    const { rerender } = render(view(T0 + 15 * SECOND));
    answer({ jobs: [40, 42, 44, 46].map((seconds, i) => earlier(`e${i}`, seconds)) });
    const bar = await screen.findByRole('progressbar');
    // Median 43 s, 15 s in: about 30 s left.
    expect(bar).toHaveAttribute('aria-valuetext', 'about 30 s left');
    expect(bar).toHaveTextContent('');
    expect(bar.nextElementSibling).toHaveTextContent('about 30 s left');

    rerender(view(T0 + 33 * SECOND));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'about 10 s left');
    expect(screen.getByRole('progressbar').nextElementSibling).toHaveTextContent('about 10 s left');
  });

  it('leaves the note on durations out when the page shows it once for many estimates', async () => {
    const { client, answer } = heldClient();
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <JobEstimate clients={clientsOf(client)} jobRef={ENV} job={running} now={T0 + 5 * SECOND} note={false} />
      </QueryClientProvider>,
    );
    answer({ jobs: [40, 42, 44].map((seconds, i) => earlier(`e${i}`, seconds)) });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveClass('estimate');
    expect(container.firstElementChild).not.toHaveClass('estimate--with-note');
    expect(screen.queryByText(DURATION_NOTE)).toBeNull();
  });

  it('holds no room for a job that gets no estimate', () => {
    const { container } = render(<EstimateSlot job={{ ...runningJob('done'), status: 'COMPLETED' }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
