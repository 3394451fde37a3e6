import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addJob, renderApp } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => vi.restoreAllMocks());

describe('closing the shortcuts dialog with Escape', () => {
  it('gives focus back to the page’s main region (what had it) without scrolling to it', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    await screen.findByRole('region', { name: 'Job status' });
    // "Skip to content", or a page that was just opened: <main> has the focus.
    const main = document.getElementById('main') as HTMLElement;
    main.focus();
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');

    await waitFor(() => expect(document.activeElement).toBe(main));
    // Every time focus went to <main> (StrictMode runs the dialog's effect twice), it did so without scrolling.
    const toMain = focus.mock.calls.filter((_, index) => focus.mock.contexts[index] === main);
    expect(toMain.length).toBeGreaterThan(0);
    expect(toMain.every(([options]) => options?.preventScroll === true)).toBe(true);
  });

  it('gives focus back to the button that had it', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    const refresh = await screen.findByRole('button', { name: 'Refresh now' });
    refresh.focus();
    await user.keyboard('?');
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(refresh));
  });
});
