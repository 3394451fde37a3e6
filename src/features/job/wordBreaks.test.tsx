import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addJob, renderApp } from '../../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

describe('long tokens on the job page wrap only at :: / - _', () => {
  it('the job’s error, the job ID and the environment get a <wbr> after each separator and none inside a word', async () => {
    const job = addJob({
      envName: 'feature_login-staging',
      steps: [{ status: 'FAILED', atMs: 0 }],
      error: 'Invalid request provided: AWS::AppSync::GraphQLSchema: Schema validation failed.',
    });
    await renderApp({ path: job.path });
    const error = await screen.findByRole('region', { name: 'The job reported an error' });
    const text = error.querySelector('pre');
    expect(text).toHaveTextContent('Invalid request provided: AWS::AppSync::GraphQLSchema: Schema validation failed.');
    expect(text?.innerHTML).toBe('Invalid request provided: AWS::<wbr>AppSync::<wbr>GraphQLSchema: Schema validation failed.');

    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.innerHTML).toContain(job.jobId.split('-').join('-<wbr>'));

    const environment = screen.getByText('Environment').nextElementSibling?.querySelector('.mono');
    expect(environment?.innerHTML).toBe('feature_<wbr>login-<wbr>staging');
  });
});
