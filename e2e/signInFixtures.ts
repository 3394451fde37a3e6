import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { startSimServer, type SimServer } from '../src/simulated-aws/node/httpServer';
import type { SimUserSpec } from '../src/simulated-aws/userPool';
import { createSimHandle, expect, simulatedAccountConfig, test as base, type Sim } from './fixtures';
import { APP_ORIGIN, SIM_ORIGIN } from './simConfig';

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

/** The Hosted UI domain a test deployment names; the page's requests to it go to a simulated AWS. */
export const HOSTED_UI_DOMAIN = 'job-watch-e2e.auth.us-east-1.amazoncognito.com';

/** `Auth.Cognito.loginWith` for a deployment with the Hosted UI, coming back to this dashboard's root. */
export function hostedUiLoginWith() {
  return {
    username: true,
    oauth: {
      domain: HOSTED_UI_DOMAIN,
      scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
      redirectSignIn: [`${APP_ORIGIN}/`],
      redirectSignOut: [`${APP_ORIGIN}/`],
      responseType: 'code',
    },
  };
}

/**
 * Serves https://HOSTED_UI_DOMAIN from the simulated AWS at `origin` (its /oauth2/authorize sign-in
 * form, /login, /logout, /oauth2/token), passing redirects back to the browser as they are.
 * Returns the paths the page asked the Hosted UI for, in order.
 */
export async function serveHostedUi(page: Page, origin: string): Promise<string[]> {
  const paths: string[] = [];
  await page.route(`https://${HOSTED_UI_DOMAIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    paths.push(url.pathname);
    const response = await route.fetch({ url: `${origin}${url.pathname}${url.search}`, maxRedirects: 0 });
    await route.fulfill({ response });
  });
  return paths;
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
