import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/renderApp';

/** A page that fails while drawing, as a bug in any page would. */
vi.mock('../features/home/HomePage', () => ({
  HomePage: () => {
    throw new Error('Cannot read properties of undefined (reading "jobs") <b>not markup</b>');
  },
}));

describe('a page that throws while rendering', () => {
  it('shows a recovery screen inside the app, never a white page: what broke, Reload and the way home', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Something broke on this page' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The dashboard hit an unexpected error while drawing this page.');
    // The error's message is shown as text.
    expect(alert).toHaveTextContent('Cannot read properties of undefined (reading "jobs") <b>not markup</b>');
    expect(alert.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    // The app around the page is still there: its header and its link home.
    const main = document.getElementById('main');
    expect(main).not.toBeNull();
    expect(within(main!).getByRole('heading', { level: 1 })).toHaveTextContent('Something broke on this page');
    expect(screen.getByRole('link', { name: 'Amplify Job Watch' })).toBeInTheDocument();
  });
});
