import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppFakeTimers } from '../../test/appTime';
import { addJob, renderApp, setJobStatus } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('focus on the job page', () => {
  it('when Pause goes away because the job ended, focus moves to the status, not the page body', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: job.path });
    const status = await screen.findByRole('region', { name: 'Job status' });
    await waitFor(() => expect(status).toHaveTextContent('RUNNING'));
    const pause = screen.getByRole('button', { name: 'Pause auto-refresh' });
    pause.focus();
    expect(pause).toHaveFocus();

    setJobStatus(job, 'COMPLETED');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('COMPLETED'));
    expect(screen.queryByRole('button', { name: 'Pause auto-refresh' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Job status' })).toHaveFocus();
  });
});
