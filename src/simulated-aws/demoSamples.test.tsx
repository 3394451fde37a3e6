import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/renderApp';
import { sim } from '../test/server';
import { DEMO_APP_ID, DEMO_ENV, demoJobSpecs } from './demoJobs';

vi.setConfig({ testTimeout: 20_000 });

const MINUTE = 60_000;

function jobStatus(): HTMLElement {
  return screen.getByRole('region', { name: 'Job status' });
}

describe('the demo’s sample jobs', () => {
  it('start when they are opened, not when the page loaded', async () => {
    // The demo started 45 s ago and the visitor has been reading the home page since.
    for (const spec of demoJobSpecs(Date.now() - 45_000)) sim.jobs.put(spec);
    const { user } = await renderApp({ path: '/', demo: true });
    const samples = await screen.findByRole('region', { name: 'Sample jobs in the demo' });

    // "fails about 20 s after you open it": just opened, it runs.
    await user.click(within(samples).getByRole('link', { name: /^UpdateBackendAPI: runs, fails about 20 s after you open it/ }));
    await waitFor(() => expect(jobStatus()).toHaveTextContent('RUNNING'), { timeout: 15_000 });
    expect(jobStatus()).toHaveTextContent(/Running for \d s/);
  });

  it('are not in the environment’s list until opened; the finished one always is', () => {
    const now = Date.now();
    for (const spec of demoJobSpecs(now - MINUTE)) sim.jobs.put(spec);
    const listed = () => sim.jobs.list('us-east-1', DEMO_APP_ID, DEMO_ENV).map((job) => job.operation);
    expect(listed()).toEqual(['CreateBackendStorage']);
    const first = demoJobSpecs(now)[0]!;
    sim.jobs.open('us-east-1', DEMO_APP_ID, DEMO_ENV, first.jobId);
    expect(listed()).toEqual(['CreateBackendAuth', 'CreateBackendStorage']);
  });
});
