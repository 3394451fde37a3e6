import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

describe('the demo’s home page', () => {
  it('puts the sample jobs first, before the form and the recent jobs, where a newcomer sees them without scrolling', async () => {
    await renderApp({ path: '/', demo: true });
    const samples = await screen.findByRole('region', { name: 'Sample jobs in the demo' });
    const form = screen.getByRole('region', { name: 'Open a job' });
    expect(samples.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Only the heading and the one-paragraph introduction come before them.
    const page = samples.parentElement as HTMLElement;
    expect([...page.children].slice(0, [...page.children].indexOf(samples)).map((element) => element.tagName)).toEqual([
      'H1',
      'P',
    ]);
  });

  it('says what signing in adds in the demo: nothing to watch, only the sign-in steps to try', async () => {
    await renderApp({ path: '/', demo: true });
    const samples = await screen.findByRole('region', { name: 'Sample jobs in the demo' });
    expect(samples).toHaveTextContent('No sign-in needed: in the demo every visitor may watch these jobs.');
    expect(samples).toHaveTextContent('only tries out the sign-in steps');
  });
});
