import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type * as OfflineShell from '../shared/browser/offlineShell';
import { drawBootError } from './bootError';
import { ErrorBoundary } from './ErrorBoundary';

const reloadFresh = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('../shared/browser/offlineShell', async (original) => ({
  ...(await original<typeof OfflineShell>()),
  reloadFresh,
}));

const chunkError = new TypeError('Failed to fetch dynamically imported module: https://jobs.example.com/assets/JobPage-B.js');

/** A container the start-up error draws into (plain DOM, as before React), removed after the test. */
function page(): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'));
  onTestFinished(() => root.remove());
  return root;
}

function Throws({ error }: { error: Error }): never {
  throw error;
}

describe('the error pages’ Reload fetches afresh after a chunk failed to load', () => {
  it('the start-up error page says part of the dashboard did not load, and its Reload drops what was kept', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    drawBootError(page(), chunkError);
    expect(screen.getByRole('alert')).toHaveTextContent('Part of the dashboard did not load');
    await user.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reloadFresh).toHaveBeenCalledWith(chunkError);
  });

  it('a lazy page whose chunk did not load lands on the error boundary, whose Reload does the same', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Throws error={chunkError} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Part of the dashboard did not load');
    await user.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reloadFresh).toHaveBeenCalledWith(chunkError);
  });

  it('another start-up error says nothing about a new version', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    drawBootError(page(), new Error('Amplify.configure threw'));
    expect(screen.getByRole('alert')).not.toHaveTextContent('Part of the dashboard did not load');
  });
});
