import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { passAppTime, useAppFakeTimers } from '../test/appTime';
import { renderApp, TEST_APP_ID, TEST_ENV } from '../test/renderApp';
import { sim } from '../test/server';

vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => useAppFakeTimers());
afterEach(() => vi.useRealTimers());

const jobs = `/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs`;

describe('an invalid link opened in a new tab (boot sends a valid deep link’s first requests before rendering)', () => {
  it.each([
    ['a job link with a control character in the app ID', `/apps/ab%01cd/environments/${TEST_ENV}/jobs/j1`, 'job'],
    ['a job link with an unknown ?region=', `${jobs}/j1?region=mars-east-1`, 'job'],
    ['a job link with a 300-character job ID', `${jobs}/${'a'.repeat(300)}`, 'job'],
    ['an environment link with a space-padded environment', `/apps/${TEST_APP_ID}/environments/%20dev/jobs`, 'environment'],
    ['an environment link with an unknown ?region=', `${jobs}?region=mars-east-1`, 'environment'],
  ])('%s sends nothing at all: no Cognito call, no AmplifyBackend call', async (_name, path, what) => {
    const { queryClient } = await renderApp({ path, bootRequests: true });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(`This ${what} link is not valid`);
    await passAppTime(queryClient, 150);
    expect(sim.records).toEqual([]);
  });
});
