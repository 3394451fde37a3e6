import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AmplifyBackendClient, BackendJob } from '../aws/amplifyBackend';
import { AwsError } from '../aws/awsError';
import { JobEstimate } from './JobEstimate';

const ENV = { region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', envName: 'staging' };

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
        <JobEstimate client={client} env={ENV} job={runningJob('a')} now={Date.now()} />
        <JobEstimate client={client} env={ENV} job={second} now={Date.now()} />
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
        <JobEstimate client={client} env={ENV} job={{ ...runningJob('c'), status: 'COMPLETED' }} now={Date.now()} />
      </QueryClientProvider>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(listBackendJobs).not.toHaveBeenCalled();
  });
});
