import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { boardPath } from '../../shared/domain/boardLink';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { setTimeZoneMode } from '../../shared/ui/timeZonePreference';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import { addJob, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

const HOUR = 60 * 60 * 1000;
const listPath = (extra: { status?: string; operation?: string } = {}) =>
  environmentJobsPath({ appId: TEST_APP_ID, envName: TEST_ENV, ...extra });

function finished(status: 'COMPLETED' | 'FAILED', ageMs: number, operation = 'CreateBackendAuth') {
  return addJob({ startedAt: Date.now() - ageMs, steps: [{ status, atMs: 0 }], operation });
}

async function rowCount(count: number): Promise<void> {
  await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(count + 1));
}

describe('filters and history', () => {
  it('each filter change adds a history entry; Back restores the previous filter', async () => {
    finished('COMPLETED', HOUR);
    finished('FAILED', 2 * HOUR);
    const { user } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await rowCount(2);
    const before = window.history.length;

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'FAILED');
    await rowCount(1);
    expect(window.history.length).toBe(before + 1);

    act(() => window.history.back());
    await waitFor(() => expect(window.location.search).toBe(''));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue(''));
    await rowCount(2);
  });

  it('“Clear filters” when nothing matches: every filter goes, and focus moves to the Status filter', async () => {
    finished('COMPLETED', HOUR, 'UpdateBackendAPI');
    const { user } = await renderApp({
      path: listPath({ status: 'RUNNING', operation: 'UpdateBackendAPI' }),
      pollIntervalSeconds: 60,
    });
    expect(await screen.findByText('No jobs match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(window.location.search).toBe('');
    await rowCount(1);
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Operation' })).toHaveValue('');
  });

  it('an environment without jobs and without filters offers nothing to clear', async () => {
    finished('COMPLETED', HOUR); // the app exists, in another environment
    await renderApp({ path: environmentJobsPath({ appId: TEST_APP_ID, envName: 'quiet' }), pollIntervalSeconds: 60 });
    expect(await screen.findByText('No jobs match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });
});

describe('the list and the board', () => {
  it('“Add to board” on each row and “Watch all running” for the running jobs', async () => {
    const running = addJob({ startedAt: Date.now() - HOUR, steps: [{ status: 'RUNNING', atMs: 0 }] });
    const done = finished('COMPLETED', 2 * HOUR);
    const alsoRunning = addJob({ startedAt: Date.now() - 3 * HOUR, steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await rowCount(3);

    const key = { region: 'us-east-1', appId: TEST_APP_ID, envName: TEST_ENV };
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const links = rows.map((row) =>
      within(row)
        .getByRole('link', { name: /^Add job .* to the board$/ })
        .getAttribute('href'),
    );
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: `Add job ${running.jobId} to the board` })).toHaveTextContent(
      'Add to board',
    );
    expect(links).toEqual([running, done, alsoRunning].map((job) => boardPath([{ ...key, jobId: job.jobId }])));
    expect(screen.getByRole('link', { name: 'Watch all running' })).toHaveAttribute(
      'href',
      boardPath([running, alsoRunning].map((job) => ({ ...key, jobId: job.jobId }))),
    );
  });

  it('no “Watch all running” when nothing runs', async () => {
    finished('COMPLETED', HOUR);
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await rowCount(1);
    expect(screen.queryByRole('link', { name: 'Watch all running' })).not.toBeInTheDocument();
  });
});

describe('last refreshed', () => {
  it('says when the list was last loaded, as a time with seconds like the job page', async () => {
    finished('COMPLETED', HOUR);
    await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
    await rowCount(1);
    const time = screen.getByText(/^Last refreshed/).querySelector('time');
    expect(time).not.toBeNull();
    const at = Date.parse(time?.getAttribute('datetime') ?? '');
    // With seconds, as the job page's "Last checked" writes it.
    expect(time?.textContent).toBe(
      new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    );
  });

  it('keeps the time of the last load while nothing refreshes, however long the page stays open', async () => {
    useAppFakeTimers();
    try {
      finished('COMPLETED', HOUR);
      const { queryClient } = await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
      await rowCount(1);
      const shown = () =>
        screen
          .getByText(/^Last refreshed/)
          .querySelector('time')
          ?.getAttribute('datetime');
      const loadedAt = shown();
      expect(loadedAt).toBeDefined();
      // Every listed job has ended: nothing is asked again, and the page re-renders its clock meanwhile.
      await passAppTime(queryClient, 2 * 60_000);
      expect(screen.getByText('No listed job is running; not refreshing.')).toBeInTheDocument();
      expect(shown()).toBe(loadedAt);
      expect(Date.now() - Date.parse(loadedAt ?? '')).toBeGreaterThanOrEqual(2 * 60_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows the Local / UTC switch', async () => {
    setTimeZoneMode('utc');
    try {
      finished('COMPLETED', HOUR);
      await renderApp({ path: listPath(), pollIntervalSeconds: 60 });
      await rowCount(1);
      const time = screen.getByText(/^Last refreshed/).querySelector('time');
      const at = Date.parse(time?.getAttribute('datetime') ?? '');
      const utc = new Date(at).toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZone: 'UTC',
      });
      expect(time?.textContent).toBe(`${utc} UTC`);
    } finally {
      setTimeZoneMode('local');
    }
  });
});
