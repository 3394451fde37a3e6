import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TokenStorage } from '../../shared/config/appConfig';
import { DEMO_USER_POOL_CLIENT_ID } from '../../simulated-aws/demoUsers';
import { addJob, getJobRequests } from '../../test/renderApp';
import { renderAppWithConfig, signInThroughDialog, userPoolConfig } from '../../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

/** Where Amplify keeps a user pool session: `CognitoIdentityServiceProvider.<client id>.…`. */
const TOKEN_PREFIX = `CognitoIdentityServiceProvider.${DEMO_USER_POOL_CLIENT_ID}.`;

function tokenKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(TOKEN_PREFIX)) keys.push(key.slice(TOKEN_PREFIX.length));
  }
  return keys.sort();
}

/** Opens a running job with guests refused, signs in as the demo user and waits for the job. */
async function signInWith(tokenStorage?: TokenStorage): Promise<void> {
  const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
  const config = userPoolConfig({ authFlowType: 'USER_PASSWORD_AUTH', pollIntervalSeconds: 60 });
  if (tokenStorage) config.tokenStorage = tokenStorage;
  const { user } = await renderAppWithConfig(config, { path: job.path });
  await signInThroughDialog(user);
  await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
  expect(getJobRequests(job.jobId)).toBeGreaterThanOrEqual(1);
}

const SESSION_KEYS = ['LastAuthUser', 'demo.accessToken', 'demo.idToken', 'demo.refreshToken'];

describe('where the user pool tokens are kept after signing in', () => {
  it('by default ("tokenStorage": "session") in this tab’s sessionStorage, none in localStorage', async () => {
    await signInWith();
    expect(tokenKeys(sessionStorage)).toEqual(expect.arrayContaining(SESSION_KEYS));
    expect(tokenKeys(localStorage)).toEqual([]);
  });

  it('with "tokenStorage": "local" in localStorage, to outlive the tab, none in sessionStorage', async () => {
    await signInWith('local');
    expect(tokenKeys(localStorage)).toEqual(expect.arrayContaining(SESSION_KEYS));
    expect(tokenKeys(sessionStorage)).toEqual([]);
  });
});
