import type { Page, Request } from '@playwright/test';
import { jobStatus, recordRequests, serveConfig, type RequestLog } from './fixtures';
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
  type TestUser,
} from './signInFixtures';
import { APP_ORIGIN } from './simConfig';

const IDP = 'AWSCognitoIdentityProviderService.';
const IDENTITY = 'AWSCognitoIdentityService.';

/** The Cognito calls the page made, in order, as `Service.Operation` (x-amz-target). */
function targets(requests: RequestLog): string[] {
  return requests
    .toSim()
    .map((request) => request.headers()['x-amz-target'])
    .filter((target): target is string => typeof target === 'string');
}

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

  test('the page beneath the first sign-in dialog shows no error', async ({ page, sim }) => {
    await serveConfig(page, signInConfig());
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(signInDialog(page)).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
    // Give the page beneath a moment to settle after the dialog opened.
    await page.waitForTimeout(500);
    await expect(page.getByText('No AWS credentials')).toHaveCount(0, { timeout: 1000 });
    await expect(page).not.toHaveTitle(/^Error/, { timeout: 1000 });
  });

  test('with "authFlowType": "USER_PASSWORD_AUTH" the password goes in InitiateAuth, no SRP', async ({
    page,
    sim,
    request,
    requests,
  }, testInfo) => {
    await serveConfig(page, signInConfig(undefined, { authFlowType: 'USER_PASSWORD_AUTH' }));
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob({ region: 'ap-southeast-2' });
    await page.goto(job.path);

    await expect(signInDialog(page)).toBeVisible();
    await submitCredentials(page, user);
    await expect(signInDialog(page)).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);

    const initiate = withTarget(requests, `${IDP}InitiateAuth`);
    expect(initiate).toHaveLength(1);
    expect(initiate[0]?.headers()['x-amz-target']).toBe(`${IDP}InitiateAuth`);
    expect(initiate[0]?.postDataJSON()).toMatchObject({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    });
    expect(withTarget(requests, `${IDP}RespondToAuthChallenge`)).toHaveLength(0);
  });

  test('a wrong password says so in words and the form stays usable', async ({ page, sim, request }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await submitCredentials(page, { ...user, password: 'Wrong-password-1' });
    await expect(dialog.getByRole('alert')).toHaveText('Wrong username or password.');
    await expect(dialog).toBeVisible();
    const username = dialog.getByLabel('Username', { exact: true });
    const password = dialog.getByLabel('Password', { exact: true });
    await expect(username).toBeEditable();
    await expect(username).toHaveValue(user.username);
    await expect(password).toBeEditable();
    await expect(dialog.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();

    await password.fill(user.password);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });

  test('TOTP MFA: a wrong code is refused, the right one signs in', async ({ page, sim, request, requests }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex, { mfa: 'TOTP' });
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await submitCredentials(page, user);
    const code = dialog.getByLabel('Code from your authenticator app');
    await expect(code).toBeVisible();
    await expect(code).toBeFocused();
    await code.fill('654321');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByRole('alert')).toContainText('That code is not right');
    await expect(jobStatus(page)).toHaveCount(0);

    await code.fill(CODE);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);
    const answers = withTarget(requests, `${IDP}RespondToAuthChallenge`).map(
      (r) => (r.postDataJSON() as { ChallengeName: string }).ChallengeName,
    );
    expect(answers).toEqual(['PASSWORD_VERIFIER', 'SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA']);
  });

  test('a user who must choose a new password sets one and sees the job', async ({ page, sim, request }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex, { state: 'force-change-password', password: 'Temp-password-1' });
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await submitCredentials(page, user);
    await expect(dialog).toContainText('Your password must be changed before you can continue.');
    await dialog.getByLabel('New password').fill('Brand-new-password-2');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(header(page)).toContainText(`Signed in as ${user.username}`);
  });

  test('"Forgot password?": code and new password, then sign in with it', async ({ page, sim, request, requests }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await dialog.getByLabel('Username', { exact: true }).fill(user.username);
    await dialog.getByRole('button', { name: 'Forgot password?' }).click();
    await expect(dialog).toContainText('Cognito will send a code to reset the password.');
    // The username typed so far is carried over.
    await expect(dialog.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await dialog.getByRole('button', { name: 'Send code' }).click();

    await expect(dialog).toContainText(/A code was sent to u\*\*\*@e\*\*\*\. Enter it with a new password\./);
    await dialog.getByLabel('Reset code').fill(CODE);
    await dialog.getByLabel('New password').fill('Reset-password-3');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Your password has been changed. Sign in with the new password.');
    expect(targets(requests)).toEqual(expect.arrayContaining([`${IDP}ForgotPassword`, `${IDP}ConfirmForgotPassword`]));

    await submitCredentials(page, { username: user.username, password: 'Reset-password-3' });
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });

  test('a user whose password must be reset is led through the reset, then signs in', async ({
    page,
    sim,
    request,
  }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex, { state: 'reset-required' });
    const job = await sim.createJob();
    await page.goto(job.path);

    const dialog = signInDialog(page);
    await submitCredentials(page, user);
    await expect(dialog).toContainText(
      'A password reset is required for this account. Cognito will send a code to reset the password.',
    );
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await dialog.getByLabel('Reset code').fill(CODE);
    await dialog.getByLabel('New password').fill('Reset-password-4');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Your password has been changed. Sign in with the new password.');

    await submitCredentials(page, { username: user.username, password: 'Reset-password-4' });
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
  });

  test('signing out revokes the refresh token, offers Sign in again and (no guests) asks to sign in', async ({
    page,
    sim,
    request,
    requests,
  }, testInfo) => {
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);
    await submitCredentials(page, user);
    await expect(jobStatus(page)).toContainText('RUNNING');
    expect(await tokenKeys(page, 'sessionStorage')).toHaveLength(3);
    await expect
      .poll(() => trailKeys(page))
      .toEqual(['amplify-job-watch.last-known.v1', 'amplify-job-watch.recent-jobs.v1', 'amplify-job-watch.timelines.v1']);

    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => withTarget(requests, `${IDP}RevokeToken`).length).toBe(1);
    const revoke = withTarget(requests, `${IDP}RevokeToken`)[0];
    expect(Object.keys(revoke?.postDataJSON() as object).sort()).toEqual(['ClientId', 'Token']);
    expect((await revoke?.response())?.status()).toBe(200);

    const dialog = signInDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Sign in to watch the job.');
    await expect(header(page)).not.toContainText('Signed in as');
    expect(await tokenKeys(page, 'sessionStorage')).toEqual([]);
    // Nothing of the user's trail stays for the next person at this browser.
    expect(await trailKeys(page)).toEqual([]);

    // The header's own Sign in button is back once the dialog is put away.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(header(page).getByRole('button', { name: 'Sign in' })).toBeVisible();
    await header(page).getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeVisible();
  });

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

    // Tab walks the dialog's controls in order and never reaches the page beneath (it is inert).
    const focused: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element?.closest('[role="dialog"]')) return `outside: ${element?.tagName ?? 'none'}`;
          return element.getAttribute('name') ?? element.textContent?.trim() ?? element.tagName;
        }),
      );
    }
    expect(focused).toEqual(['password', 'Show password', 'Sign in', 'Forgot password?', 'Cancel']);

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

  test('with "tokenStorage": "local" the tokens are in localStorage', async ({ page, sim, request }, testInfo) => {
    await serveConfig(page, signInConfig(undefined, { tokenStorage: 'local' }));
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);
    await submitCredentials(page, user);
    await expect(jobStatus(page)).toContainText('RUNNING');

    expect((await tokenKeys(page, 'localStorage')).sort()).toEqual(
      ['accessToken', 'idToken', 'refreshToken'].map(
        (kind) => `CognitoIdentityServiceProvider.${USER_POOL_CLIENT_ID}.${user.username}.${kind}`,
      ),
    );
    expect(await tokenKeys(page, 'sessionStorage')).toEqual([]);
  });

  test('a browser clock 20 minutes behind: one "Signature expired", then the job and a note about the clock', async ({
    page,
    sim,
    request,
    requests,
  }, testInfo) => {
    await page.clock.install({ time: Date.now() - 20 * 60 * 1000 });
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);

    await submitCredentials(page, user);
    await expect(signInDialog(page)).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    const note = page.getByRole('status').filter({ hasText: 'clock' });
    await expect(note).toContainText(/This computer’s clock is (19 min 5\d s|20 min 0\d s) behind AWS’s\./);
    await expect(page.getByText('This computer’s clock is wrong')).toHaveCount(0);

    const calls = requests.getBackendJob(job.jobId);
    const first = await calls[0]?.response();
    expect(first?.status()).toBe(403);
    expect(((await first?.json()) as { message: string }).message).toMatch(/^Signature expired: /);
    expect((await calls[1]?.response())?.status()).toBe(200);
    // Signed with the local clock first, then with AWS's: 20 minutes apart.
    const signedAt = (r: Request | undefined) => {
      const stamp = r?.headers()['x-amz-date'] ?? '';
      return Date.parse(stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    };
    expect(signedAt(calls[1]) - signedAt(calls[0])).toBeGreaterThan(19 * 60 * 1000);
    // Only that one: every later check is signed with the learned offset.
    await expect.poll(() => requests.getBackendJob(job.jobId).length).toBeGreaterThanOrEqual(3);
    for (const call of requests.getBackendJob(job.jobId).slice(1)) expect((await call.response())?.status()).toBe(200);

    // Cognito is not bothered by the skew: the sign-in (SRP, whose TIMESTAMP carries the wrong
    // time), GetId and GetCredentialsForIdentity are unsigned and all succeed on the first try.
    const cognito = requests.toSim().filter((r) => r.headers()['x-amz-target']);
    expect(cognito.map((r) => r.headers()['x-amz-target'])).toEqual([
      `${IDP}InitiateAuth`,
      `${IDP}RespondToAuthChallenge`,
      `${IDENTITY}GetId`,
      `${IDENTITY}GetCredentialsForIdentity`,
    ]);
    for (const call of cognito) expect((await call.response())?.status()).toBe(200);
  });
});

test.describe('a long watch while signed in', () => {
  // Each test gets an AWS of its own: these control routes expire every credential or token of
  // an instance, which on the shared one would reach into the other worker's tests.
  test.use({ bypassCSP: true });

  async function signedInWatch(page: Page, privateSim: PrivateSim, user: TestUser) {
    await serveConfig(page, signInConfig(privateSim.origin));
    const job = await privateSim.createJob({ region: 'eu-central-1' });
    await page.goto(job.path);
    await submitCredentials(page, user);
    await expect(jobStatus(page)).toContainText('RUNNING');
    return job;
  }

  test('credentials expiring mid-watch are renewed by themselves: each request in flight refused once, one forced refresh, no error', async ({
    page,
    privateSim,
    request,
  }, testInfo) => {
    const requests = recordRequests(page);
    const user = await createUser(request, testInfo.workerIndex, {}, privateSim.origin);
    const job = await signedInWatch(page, privateSim, user);
    await expect.poll(() => requests.getBackendJob(job.jobId).length).toBeGreaterThanOrEqual(2);
    const credentialCallsBefore = await privateSim.count({ operation: 'GetCredentialsForIdentity' });

    await control(request, privateSim.origin, 'expire-credentials');
    const before = requests.getBackendJob(job.jobId).length;
    // The next check is refused as expired, fresh credentials are fetched, and the check is sent again.
    await expect.poll(() => privateSim.count({ operation: 'GetCredentialsForIdentity' })).toBe(credentialCallsBefore + 1);
    await expect.poll(() => requests.getBackendJob(job.jobId).length).toBeGreaterThanOrEqual(before + 2);
    await completeJob(privateSim, job);
    await expect(jobStatus(page)).toContainText('COMPLETED');

    // Requests signed with the expired credentials are refused, whichever they are: the job's check, and
    // the estimate's ListBackendJobs when it was under way at the same moment. Each once, all signed with
    // the same old key; each is then sent again with the new one and answered.
    const backend = requests.all.filter((r) => new URL(r.url()).pathname.startsWith('/backend/'));
    const statuses = await Promise.all(backend.map(async (r) => (await r.response())?.status()));
    const refusedAt = statuses.flatMap((status, index) => (status === 403 ? [index] : []));
    expect(refusedAt.length).toBeGreaterThanOrEqual(1);
    expect(refusedAt.length).toBeLessThanOrEqual(2);
    const keyOf = (r: Request | undefined) => /Credential=([^/]+)/.exec(r?.headers()['authorization'] ?? '')?.[1];
    expect(new Set(refusedAt.map((index) => keyOf(backend[index]))).size).toBe(1);
    for (const index of refusedAt) {
      const refused = backend[index];
      const expired = await refused?.response();
      expect(((await expired?.json()) as { message: string }).message).toBe(
        'The security token included in the request is expired',
      );
      const resent = backend.slice(index + 1).find((r) => r.method() === refused?.method() && r.url() === refused.url());
      expect(resent && (await resent.response())?.status()).toBe(200);
      expect(keyOf(resent)).not.toBe(keyOf(refused));
    }
    expect(requests.getBackendJob(job.jobId).length).toBeGreaterThanOrEqual(before + 2);
    // Amplify's forced refresh renews the user pool tokens first, then the credentials with them.
    expect(await privateSim.count({ operation: 'GetTokensFromRefreshToken' })).toBe(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('AWS credentials expired')).toHaveCount(0);
    await expect(signInDialog(page)).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  });

  test('a session gone mid-watch brings the sign-in dialog back; signing in resumes the watch', async ({
    page,
    privateSim,
    request,
  }, testInfo) => {
    const user = await createUser(request, testInfo.workerIndex, {}, privateSim.origin);
    const job = await signedInWatch(page, privateSim, user);

    // Revoking refresh tokens and expiring access/ID tokens changes nothing the page can see yet:
    // it holds AWS credentials that are still valid (Amplify keeps them 50 minutes) and tokens
    // whose `exp` has not passed. Proving an absence: the watch goes on.
    await control(request, privateSim.origin, 'revoke-refresh-tokens');
    await control(request, privateSim.origin, 'expire-access-tokens');
    const checks = await privateSim.count({ operation: 'GetBackendJob', jobId: job.jobId });
    await expect
      .poll(() => privateSim.count({ operation: 'GetBackendJob', jobId: job.jobId }))
      .toBeGreaterThanOrEqual(checks + 2);
    await expect(signInDialog(page)).toHaveCount(0);

    // Once the credentials expire, the forced refresh needs the refresh token: refused, the session is over.
    await control(request, privateSim.origin, 'expire-credentials');
    const dialog = signInDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      'Your session has ended. Sign in again to keep watching; the page carries on where it was.',
    );
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    expect(await privateSim.count({ operation: 'GetTokensFromRefreshToken' })).toBeGreaterThanOrEqual(1);

    await submitCredentials(page, user);
    await expect(dialog).toHaveCount(0);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
    await completeJob(privateSim, job);
    await expect(jobStatus(page)).toContainText('COMPLETED');
  });

  test('a session gone mid-watch keeps the last job visible behind the sign-in dialog', async ({
    page,
    privateSim,
    request,
  }, testInfo) => {
    const user = await createUser(request, testInfo.workerIndex, {}, privateSim.origin);
    const job = await signedInWatch(page, privateSim, user);
    await control(request, privateSim.origin, 'revoke-refresh-tokens');
    await control(request, privateSim.origin, 'expire-access-tokens');
    await control(request, privateSim.origin, 'expire-credentials');

    await expect(signInDialog(page)).toBeVisible();
    // Give the page beneath a moment to settle after the dialog opened.
    await page.waitForTimeout(500);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 1000 });
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
    await expect(page.getByText('No AWS credentials')).toHaveCount(0);
  });
});

test.describe('a long watch after signing in with the Hosted UI', () => {
  test.use({ bypassCSP: true });

  test('a session gone mid-watch signs out here only: no trip to the Hosted UI logout, the watch resumes behind the dialog', async ({
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
    // …and the tab stayed on the job, which is still there behind the dialog.
    await expect(page).toHaveURL(`${APP_ORIGIN}${job.path}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(`Job ${job.jobId}`);
    await expect(jobStatus(page)).toContainText('RUNNING');
    // Nobody signed out: what this browser remembers of the watch stays.
    expect(await trailKeys(page)).toEqual([
      'amplify-job-watch.last-known.v1',
      'amplify-job-watch.recent-jobs.v1',
      'amplify-job-watch.timelines.v1',
    ]);

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
