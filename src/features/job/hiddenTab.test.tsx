import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepWatchingInBackground } from '../../shared/browser/visibility';
import { HIDDEN_SLOWDOWN } from '../../shared/domain/pollingPolicy';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import { addJob, getJobRequests, renderApp } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

const INTERVAL_SECONDS = 10;
const INTERVAL_MS = INTERVAL_SECONDS * 1000;
const HIDDEN_INTERVAL_MS = INTERVAL_MS * HIDDEN_SLOWDOWN;

function setVisibility(state: 'visible' | 'hidden'): void {
  act(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => {
  vi.useRealTimers();
  setVisibility('visible');
  focusManager.setFocused(undefined);
});

describe('the job page in a hidden tab', () => {
  it('checks about four times less often while hidden, says so, and checks at once when shown again', async () => {
    useAppFakeTimers();
    // As boot does: a hidden tab keeps watching, and showing it again counts as a focus.
    keepWatchingInBackground();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path, pollIntervalSeconds: INTERVAL_SECONDS });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
    await passAppTime(queryClient, 0);
    const first = getJobRequests(job.jobId);

    setVisibility('hidden');
    expect(await screen.findByText(/^Next check in .*\(slower while this tab is hidden\)\.$/)).toBeInTheDocument();
    // A visible tab would have asked three times by now; the hidden one waits its longer interval.
    await passAppTime(queryClient, HIDDEN_INTERVAL_MS - INTERVAL_MS);
    expect(getJobRequests(job.jobId)).toBe(first);
    await passAppTime(queryClient, INTERVAL_MS + 1000);
    expect(getJobRequests(job.jobId)).toBe(first + 1);

    // Shown again, right after a check: asks at once instead of waiting out the visible interval.
    setVisibility('visible');
    await waitFor(() => expect(getJobRequests(job.jobId)).toBe(first + 2));
    expect(screen.queryByText(/slower while this tab is hidden/)).not.toBeInTheDocument();
  });
});
