import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_GUIDE } from '../../simulated-aws/demoGuide';
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

  it('lists the hosting builds beside the backend samples, the branch’s builds and a board of both kinds', async () => {
    await renderApp({ path: '/', demo: true });
    const samples = await screen.findByRole('region', { name: 'Sample jobs in the demo' });
    const backend = within(samples).getByRole('list', { name: 'Backend jobs' });
    expect(within(backend).getAllByRole('link')).toHaveLength(DEMO_GUIDE.sampleJobs.length);
    const builds = within(samples).getByRole('list', { name: 'Hosting builds' });
    expect(DEMO_GUIDE.hostingJobs.length).toBeGreaterThanOrEqual(2);
    for (const build of DEMO_GUIDE.hostingJobs) {
      expect(within(builds).getByRole('link', { name: build.label })).toHaveAttribute(
        'href',
        `/apps/${build.appId}/branches/${encodeURIComponent(build.branchName)}/jobs/${build.jobId}`,
      );
    }
    // The branch with a slash is among them, as one encoded segment.
    expect(
      within(builds)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toContainEqual(expect.stringMatching(/\/branches\/feature%2Flogin\/jobs\//));
    const first = DEMO_GUIDE.hostingJobs[0];
    expect(within(samples).getByRole('link', { name: `All builds of the demo’s ${first?.branchName} branch` })).toHaveAttribute(
      'href',
      `/apps/${first?.appId}/branches/${first?.branchName}/jobs`,
    );
    const board = within(samples).getByRole('link', { name: 'A board with backend jobs and hosting builds side by side' });
    const search = new URL(board.getAttribute('href') ?? '', 'https://x.example').searchParams;
    expect(search.getAll('job').length).toBeGreaterThan(0);
    expect(search.getAll('build').length).toBeGreaterThan(0);
  });
});
