import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addJob, getJobRequests, renderApp } from '../test/renderApp';

vi.setConfig({ testTimeout: 20_000 });

describe('the address of a page', () => {
  it('never changes where requests go: endpoint-like query parameters are ignored', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const hostile = 'endpoint=https://evil.example&amplifyBackendEndpoint=https://evil.example&identityPoolId=x';
    await renderApp({ path: `${job.path}${job.path.includes('?') ? '&' : '?'}${hostile}` });
    const status = await screen.findByRole('region', { name: 'Job status' });
    await waitFor(() => expect(status).toHaveTextContent('RUNNING'));
    expect(getJobRequests(job.jobId)).toBeGreaterThanOrEqual(1);
    const urls = fetchSpy.mock.calls.map(([input]) =>
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    expect(urls.filter((url) => url.includes('evil'))).toEqual([]);
  });
});
