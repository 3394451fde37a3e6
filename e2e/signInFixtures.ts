import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { startSimServer, type SimServer } from '../src/simulated-aws/node/httpServer';
import type { SimUserSpec } from '../src/simulated-aws/userPool';
import { createSimHandle, expect, simulatedAccountConfig, test as base, type Sim } from './fixtures';
import { SIM_ORIGIN } from './simConfig';

export { expect };

/** The pool name SRP proofs are made with in the simulation (SRP fails for any other pool ID). */
export const USER_POOL_ID = 'us-east-1_DemoJobWatch';
export const USER_POOL_CLIENT_ID = 'e2e0job0watch0client';
/** Every code the simulated user pool "sends". */
export const CODE = '123456';

/**
 * A deployment whose identity pool gives credentials to signed-in users only, with its user pool
 * (and everything else) at the simulated AWS at `origin`.
 */
export function signInConfig(origin: string = SIM_ORIGIN, overrides: Record<string, unknown> = {}) {
  return simulatedAccountConfig({
    Auth: {
      Cognito: {
        identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
        allowGuestAccess: false,
        identityPoolEndpoint: origin,
        userPoolId: USER_POOL_ID,
        userPoolClientId: USER_POOL_CLIENT_ID,
        userPoolEndpoint: origin,
      },
    },
    amplifyBackendEndpoint: origin,
    ...overrides,
  });
}

export interface TestUser {
  username: string;
  password: string;
}

let users = 0;

/** A user only this test signs in as (so lockouts and password changes stay within the test). */
export async function createUser(
  request: APIRequestContext,
  workerIndex: number,
  spec: Partial<SimUserSpec> = {},
  origin: string = SIM_ORIGIN,
): Promise<TestUser> {
  users += 1;
  const username = spec.username ?? `user-${workerIndex}-${Date.now().toString(36)}-${users}`;
  const password = spec.password ?? 'Right-password-1';
  const response = await request.post(`${origin}/__sim/users`, {
    data: { email: `${username}@example.com`, ...spec, username, password },
  });
  expect(response.status()).toBe(201);
  return { username, password };
}

/** The sign-in dialog over the page. */
export function signInDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Sign in' });
}

/** Fills the dialog's username and password and presses its Sign in button. */
export async function submitCredentials(page: Page, user: TestUser): Promise<void> {
  const dialog = signInDialog(page);
  await dialog.getByLabel('Username', { exact: true }).fill(user.username);
  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A control route of a simulated AWS (`/__sim/…`). */
export async function control(request: APIRequestContext, origin: string, route: string, data?: unknown): Promise<void> {
  const response = await request.post(`${origin}/__sim/${route}`, data === undefined ? {} : { data });
  expect(response.ok(), `${route} answered ${response.status()}`).toBeTruthy();
}

export interface PrivateSim extends Sim {
  origin: string;
  server: SimServer;
}

/**
 * A simulated AWS of the test's own, on a free loopback port. For tests that use control routes
 * acting on every credential or token of an instance (expire-credentials, revoke-refresh-tokens,
 * expire-access-tokens): on the shared instance they would hit the other worker's tests too.
 * The build's CSP names only the shared instance's origin, so these tests run with `bypassCSP`.
 */
export const test = base.extend<{ privateSim: PrivateSim }>({
  privateSim: async ({ request }, use, testInfo) => {
    const server = await startSimServer({ port: 0 });
    try {
      await use({ ...createSimHandle(request, testInfo, server.origin), origin: server.origin, server });
    } finally {
      await server.close();
    }
  },
});
