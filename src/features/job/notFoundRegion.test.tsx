import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jobPagePath } from '../../shared/domain/jobRoutes';
import { addJob, renderApp, TEST_APP_ID, TEST_ENV, uniqueJobId } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

describe('a job link AWS answers with 404', () => {
  it('when the app is not in this region: the advice names the region, and the Region control finds the job elsewhere', async () => {
    const job = addJob({ region: 'eu-west-1', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await renderApp({ path: job.path, pollIntervalSeconds: 60 });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
    expect(alert).toHaveTextContent('if the app lives in another region, choose that region below');
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(region).toHaveValue('us-east-1');
    const open = screen.getByRole('button', { name: 'Open in this region' });
    expect(open).toBeDisabled();

    await user.selectOptions(region, 'eu-west-1');
    await user.click(open);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
    expect(window.location.search).toBe('?region=eu-west-1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: `Job ${job.jobId}` }));
  });

  it('when the app exists but the job does not: the advice is about the IDs, not the region', async () => {
    // The app has a job in this region, so AWS knows the app here.
    addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const missing = uniqueJobId();
    await renderApp({ path: jobPagePath({ appId: TEST_APP_ID, envName: TEST_ENV, jobId: missing }), pollIntervalSeconds: 60 });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
    expect(alert).toHaveTextContent(/AWS found the app but no job .* Check the environment name and the job ID\./);
    expect(alert).not.toHaveTextContent(/another region|choose that region/);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
