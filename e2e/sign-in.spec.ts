import type { Page, Request } from '@playwright/test';
import { jobStatus, serveConfig, type RequestLog } from './fixtures';
import {
  CODE,
  control,
  createUser,
  expect,
  hostedUiLoginWith,
  serveHostedUi,
  signInConfig,
  signInDialog,
  submitCredentials,
  test,
  USER_POOL_CLIENT_ID,
  type PrivateSim,
} from './signInFixtures';
import { APP_ORIGIN } from './simConfig';

const IDP = 'AWSCognitoIdentityProviderService.';
const IDENTITY = 'AWSCognitoIdentityService.';

function withTarget(requests: RequestLog, target: string): Request[] {
  return requests.toSim().filter((request) => request.headers()['x-amz-target'] === target);
}

/** Keys of the user pool tokens Amplify keeps in a storage area. */
async function tokenKeys(page: Page, area: 'localStorage' | 'sessionStorage'): Promise<string[]> {
  return page.evaluate(
    (name) =>
      Object.keys(window[name]).filter((key) =>
        /^CognitoIdentityServiceProvider\..*\.(accessToken|idToken|refreshToken)$/.test(key),
      ),
    area,
  );
}

/** What this browser remembers of the jobs it watched (recent jobs, observed timelines). */
async function trailKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) =>
        ['amplify-job-watch.last-known.v1', 'amplify-job-watch.recent-jobs.v1', 'amplify-job-watch.timelines.v1'].includes(key),
      )
      .sort(),
  );
}

function header(page: Page) {
  return page.getByRole('banner');
}

test.describe('signing in when the identity pool has no guest access', () => {
  // Only a browser proves it: Amplify's real SRP sign-in over HTTP to Cognito, and where it keeps the tokens in the browser's storage.
  test('a deep link asks to sign in (SRP by default), then shows the job at the same address; tokens stay in sessionStorage', async ({
    page,
    sim,
    request,
    requests,
  }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob({ region: 'eu-west-1' });
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('This identity pool gives AWS credentials only to signed-in users.');
    // Asked to sign in, not told that something failed.
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByLabel('Username', { exact: true })).toBeFocused();
    expect(requests.getBackendJob()).toHaveLength(0);

    await submitCredentials(page, user);
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    expect(new URL(page.url()).searchParams.get('region')).toBe('eu-west-1');
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);
    await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

    // The tokens stay in this tab (sessionStorage); nothing of the user pool goes to localStorage.
    expect((await tokenKeys(page, 'sessionStorage')).sort()).toEqual(
      ['accessToken', 'idToken', 'refreshToken'].map(
        (kind) => `CognitoIdentityServiceProvider.${USER_POOL_CLIENT_ID}.${user.username}.${kind}`,
      ),
    );
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('CognitoIdentityServiceProvider'))),
    ).toEqual([]);

    // The default flow is SRP: InitiateAuth(USER_SRP_AUTH), then the password verifier; the password never travels.
    const initiate = withTarget(requests, `${IDP}InitiateAuth`);
    expect(initiate).toHaveLength(1);
    expect(initiate[0]?.postDataJSON()).toMatchObject({ AuthFlow: 'USER_SRP_AUTH' });
    expect(initiate[0]?.postData()).not.toContain(user.password);
    const challenge = withTarget(requests, `${IDP}RespondToAuthChallenge`);
    expect(challenge.map((r) => (r.postDataJSON() as { ChallengeName: string }).ChallengeName)).toEqual(['PASSWORD_VERIFIER']);
    // Then authenticated credentials, with the user's ID token as the login.
    const credentialsCall = withTarget(requests, `${IDENTITY}GetCredentialsForIdentity`).at(-1);
    expect(Object.keys((credentialsCall?.postDataJSON() as { Logins?: object }).Logins ?? {})).toEqual([
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_DemoJobWatch',
    ]);
  });

  // Only a browser proves it: real Tab order inside the modal dialog, the page beneath inert, and Enter through password and MFA.
  test('keyboard only: focus starts in the dialog, Tab reaches every field, Enter submits', async ({
    page,
    sim,
    request,
  }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex, { mfa: 'TOTP' });
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    const username = dialog.getByLabel('Username', { exact: true });
    const password = dialog.getByLabel('Password', { exact: true });
    await expect(username).toBeFocused();

    // Tab walks the dialog's controls in order and never reaches the page beneath (it is inert): after the
    // last one it leaves the document for the browser's own controls (BODY, headless), then comes back.
    const focused: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element?.closest('dialog')) return `outside: ${element?.tagName ?? 'none'}`;
          return element.getAttribute('name') ?? element.textContent?.trim() ?? element.tagName;
        }),
      );
    }
    expect(focused).toEqual(['password', 'Show password', 'Sign in', 'Forgot password?', 'Cancel', 'outside: BODY', 'username']);
    // Modal, in the top layer: a point on the page beneath hits the dialog's backdrop, and the page cannot take focus.
    expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.tagName)).toBe('DIALOG');
    await page.locator('#main').evaluate((main) => main.focus());
    await expect(page.locator('#main')).not.toBeFocused();

    await username.focus();
    await page.keyboard.type(user.username);
    await page.keyboard.press('Tab');
    await expect(password).toBeFocused();
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');

    const code = dialog.getByLabel('Code from your authenticator app');
    await expect(code).toBeFocused();
    await page.keyboard.type(CODE);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });
});

test.describe('a long watch after signing in with the Hosted UI', () => {
  test.use({ bypassCSP: true });

  // Only a browser proves it: the Hosted UI redirect and its return to the deep link, and what the tab keeps when the session ends.
  test('a session gone mid-watch signs out here only: no trip to the Hosted UI logout, it forgets what a sign-out forgets, the watch resumes after signing in', async ({
    page,
    privateSim,
    request,
  }, testInfo) => {
    const user = await createUser(request, testInfo.workerIndex, {}, privateSim.origin);
    const config = signInConfig(privateSim.origin);
    await serveConfig(page, { ...config, Auth: { Cognito: { ...config.Auth.Cognito, loginWith: hostedUiLoginWith() } } });
    const hostedUi = await serveHostedUi(page, privateSim.origin);
    const job = await privateSim.createJob({ region: 'eu-central-1' });
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await dialog.getByRole('button', { name: 'Sign in with the hosted sign-in page' }).click();
    // The simulated Hosted UI's own form, then back to the deep link.
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);
    expect(hostedUi).toEqual(['/oauth2/authorize', '/login', '/oauth2/token']);

    await control(request, privateSim.origin, 'revoke-refresh-tokens');
    await control(request, privateSim.origin, 'expire-access-tokens');
    await control(request, privateSim.origin, 'expire-credentials');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      'Your session has ended. Sign in again to keep watching; the page carries on where it was.',
    );
    // Signed out in this tab only: the header says so and the tokens are gone…
    await expect(header(page)).not.toContainText('Signed in as');
    expect(await tokenKeys(page, 'sessionStorage')).toEqual([]);
    // …the tab stayed on the job's address, behind the dialog…
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
    // …and, as after a sign-out, the answers the page held and this browser's trail of the watch are gone.
    await expect(page.getByRole('main')).not.toContainText('RUNNING');
    await expect.poll(() => trailKeys(page)).toEqual([]);

    // Signing in again (here with the password) resumes the watch at the same address.
    await submitCredentials(page, user);
    await expect(dialog).toHaveCount(0);
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);
    await completeJob(privateSim, job);
    await expect(jobStatus(page)).toContainText('COMPLETED');
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    expect(hostedUi).not.toContain('/logout');
    expect(await privateSim.count({ operation: 'Logout' })).toBe(0);
  });
});

async function completeJob(sim: PrivateSim, job: Awaited<ReturnType<PrivateSim['createJob']>>) {
  await sim.replaceJob(job, { steps: [{ status: 'COMPLETED', atMs: 0 }] });
}
