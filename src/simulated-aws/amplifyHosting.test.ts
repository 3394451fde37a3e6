import { Sha256 } from '@aws-crypto/sha256-browser';
import { SignatureV4 } from '@smithy/signature-v4';
import { beforeEach, describe, expect, it } from 'vitest';
import { sim } from '../test/server';
import { simCredentialSource } from '../test/simCredentials';
import type { SimHostingJobSpec } from './hostingJobStore';
import { jobKey } from './jobStore';

const REGION = 'us-east-1';
const HOST = `amplify.${REGION}.amazonaws.com`;
const APP = 'd9hostingapp01';

interface Options {
  query?: Record<string, string>;
  service?: string;
  region?: string;
  signed?: boolean;
}

// The simulated AWS forgets issued credentials after each test: fetch fresh ones for each.
let credentials = simCredentialSource();
beforeEach(() => {
  credentials = simCredentialSource();
});

/** A GET to Amplify Hosting, signed as the AWS SDK signs it (path segments escaped once more). */
async function get(path: string, options: Options = {}): Promise<Response> {
  const query = options.query ?? {};
  const search = new URLSearchParams(query).toString();
  const url = `https://${HOST}${path}${search ? `?${search}` : ''}`;
  if (options.signed === false) return fetch(url);
  const signer = new SignatureV4({
    service: options.service ?? 'amplify',
    region: options.region ?? REGION,
    credentials: await credentials(),
    sha256: Sha256,
  });
  const signed = await signer.sign({ method: 'GET', protocol: 'https:', hostname: HOST, path, headers: { host: HOST }, query });
  const { host: _host, ...headers } = signed.headers;
  return fetch(url, { headers });
}

function jobPath(branchName: string, jobId?: string, appId = APP): string {
  const base = `/apps/${encodeURIComponent(appId)}/branches/${encodeURIComponent(branchName)}/jobs`;
  return jobId === undefined ? base : `${base}/${encodeURIComponent(jobId)}`;
}

function put(spec: Partial<SimHostingJobSpec> & Pick<SimHostingJobSpec, 'jobId'>): void {
  sim.hostingJobs.put({ appId: APP, branchName: 'main', steps: [], ...spec });
}

async function error(response: Response): Promise<{ status: number; type: string | null; message: unknown }> {
  const body = (await response.json()) as { message?: unknown };
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), message: body.message };
}

describe('simulated Amplify Hosting: GetJob', () => {
  it('answers { job: { summary, steps } } with times as epoch-second numbers', async () => {
    const startedAt = Date.now() - 30_000;
    put({
      jobId: '12',
      commitId: 'a1b2c3d',
      commitMessage: 'Add sign-in page',
      startedAt,
      steps: [
        {
          stepName: 'BUILD',
          timeline: [
            { status: 'RUNNING', atMs: 0 },
            { status: 'SUCCEED', atMs: 10_000 },
          ],
          logUrl: 'https://logs.example/build',
        },
        { stepName: 'DEPLOY', timeline: [{ status: 'RUNNING', atMs: 10_000 }] },
      ],
    });
    const response = await get(jobPath('main', '12'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { job: { summary: Record<string, unknown>; steps: Record<string, unknown>[] } };
    expect(Object.keys(body)).toEqual(['job']);
    expect(body.job.summary).toEqual({
      jobArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}/branches/main/jobs/12`,
      jobId: '12',
      commitId: 'a1b2c3d',
      commitMessage: 'Add sign-in page',
      commitTime: startedAt / 1000,
      startTime: startedAt / 1000,
      status: 'RUNNING',
      jobType: 'RELEASE',
    });
    expect(body.job.steps).toEqual([
      {
        stepName: 'BUILD',
        status: 'SUCCEED',
        startTime: startedAt / 1000,
        endTime: (startedAt + 10_000) / 1000,
        logUrl: 'https://logs.example/build',
      },
      { stepName: 'DEPLOY', status: 'RUNNING', startTime: (startedAt + 10_000) / 1000 },
    ]);
    expect(sim.count({ service: 'amplify', operation: 'GetJob', jobId: '12' })).toBe(1);
    expect(sim.count({ service: 'amplifybackend' })).toBe(0);
  });

  it('finds a branch with a slash as one percent-encoded segment (feature%2Flogin), not as two', async () => {
    put({ branchName: 'feature/login', jobId: '3' });
    expect(jobPath('feature/login', '3')).toBe(`/apps/${APP}/branches/feature%2Flogin/jobs/3`);
    const response = await get(jobPath('feature/login', '3'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { job: { summary: { jobArn: string } } }).job.summary.jobArn).toContain(
      '/branches/feature%2Flogin/jobs/3',
    );

    const split = await get(`/apps/${APP}/branches/feature/login/jobs/3`);
    expect(await error(split)).toMatchObject({ status: 404, type: 'NotFoundException' });
  });

  it('says 404 NotFoundException for an unknown app, branch or job', async () => {
    put({ jobId: '1' });
    expect(await error(await get(jobPath('main', '1', 'dnosuchapp0000')))).toEqual({
      status: 404,
      type: 'NotFoundException',
      message: 'App dnosuchapp0000 not found.',
    });
    expect(await error(await get(jobPath('dev', '1')))).toEqual({
      status: 404,
      type: 'NotFoundException',
      message: 'Branch dev not found.',
    });
    expect(await error(await get(jobPath('main', '2')))).toEqual({
      status: 404,
      type: 'NotFoundException',
      message: 'Job 2 not found.',
    });
    expect(sim.count({ service: 'amplify', operation: 'GetJob' })).toBe(3);
  });

  it('refuses a request signed for amplifybackend, for another region, or not signed', async () => {
    put({ jobId: '1' });
    expect(await error(await get(jobPath('main', '1'), { service: 'amplifybackend' }))).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
    });
    expect(await error(await get(jobPath('main', '1'), { region: 'eu-west-1' }))).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
    });
    expect(await error(await get(jobPath('main', '1'), { signed: false }))).toMatchObject({
      status: 403,
      type: 'MissingAuthenticationTokenException',
    });
    expect(sim.count({ service: 'amplify', operation: 'GetJob', jobId: '1' })).toBe(3);
  });

  it('starts a sample that starts when opened at its first GetJob', async () => {
    put({
      jobId: '5',
      startsWhenOpened: true,
      startedAt: Date.now() - 60 * 60_000,
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 5_000 }] }],
    });
    expect(((await (await get(jobPath('main'))).json()) as { jobSummaries: unknown[] }).jobSummaries).toEqual([]);
    const opened = (await (await get(jobPath('main', '5'))).json()) as { job: { summary: { status: string } } };
    expect(opened.job.summary.status).toBe('PROVISIONING');
    const listed = (await (await get(jobPath('main'))).json()) as { jobSummaries: { jobId: string }[] };
    expect(listed.jobSummaries.map((job) => job.jobId)).toEqual(['5']);
  });

  it('answers scripted faults first, one per request', async () => {
    put({
      jobId: '1',
      faults: [
        { type: 'http', status: 429, errorType: 'LimitExceededException', message: 'Rate exceeded' },
        { type: 'html', status: 502 },
      ],
    });
    expect(await error(await get(jobPath('main', '1')))).toEqual({
      status: 429,
      type: 'LimitExceededException',
      message: 'Rate exceeded',
    });
    const html = await get(jobPath('main', '1'));
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect((await get(jobPath('main', '1'))).status).toBe(200);
    expect(sim.count({ service: 'amplify', operation: 'GetJob', jobId: '1' })).toBe(3);
  });
});

describe('simulated Amplify Hosting: ListJobs', () => {
  function putHistory(count: number, branchName = 'main'): void {
    const now = Date.now();
    for (let n = 1; n <= count; n += 1) put({ branchName, jobId: String(n), startedAt: now - (count - n + 1) * 60_000 });
  }

  async function list(query: Record<string, string>, branchName = 'main') {
    const response = await get(jobPath(branchName), { query });
    return {
      status: response.status,
      body: (await response.json()) as { jobSummaries: { jobId: string }[]; nextToken?: string },
    };
  }

  it('pages a branch newest first with maxResults and nextToken', async () => {
    putHistory(5);
    putHistory(2, 'feature/login');
    const first = await list({ maxResults: '2' });
    expect(first.status).toBe(200);
    expect(first.body.jobSummaries.map((job) => job.jobId)).toEqual(['5', '4']);
    expect(first.body.nextToken).toEqual(expect.any(String));
    const second = await list({ maxResults: '2', nextToken: first.body.nextToken ?? '' });
    expect(second.body.jobSummaries.map((job) => job.jobId)).toEqual(['3', '2']);
    const last = await list({ maxResults: '2', nextToken: second.body.nextToken ?? '' });
    expect(last.body).toEqual({ jobSummaries: [expect.objectContaining({ jobId: '1' })] });
    expect((await list({}, 'feature/login')).body.jobSummaries.map((job) => job.jobId)).toEqual(['2', '1']);
    expect(sim.count({ service: 'amplify', operation: 'ListJobs' })).toBe(4);
  });

  it('gives summaries in the shape GetJob does, times as numbers', async () => {
    const startedAt = Date.now() - 90_000;
    put({
      jobId: '4',
      jobType: 'WEB_HOOK',
      startedAt,
      steps: [{ stepName: 'BUILD', timeline: [{ status: 'FAILED', atMs: 30_000 }] }],
    });
    const { body } = await list({});
    expect(body.jobSummaries).toEqual([
      {
        jobArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}/branches/main/jobs/4`,
        jobId: '4',
        commitTime: startedAt / 1000,
        startTime: startedAt / 1000,
        status: 'FAILED',
        endTime: (startedAt + 30_000) / 1000,
        jobType: 'WEB_HOOK',
      },
    ]);
  });

  it('sends at most 50 a page, unless asked for fewer', async () => {
    putHistory(53);
    const first = await list({});
    expect(first.body.jobSummaries).toHaveLength(50);
    expect(first.body.jobSummaries[0]?.jobId).toBe('53');
    const rest = await list({ nextToken: first.body.nextToken ?? '' });
    expect(rest.body.jobSummaries.map((job) => job.jobId)).toEqual(['3', '2', '1']);
    expect(rest.body).not.toHaveProperty('nextToken');
  });

  it('refuses a maxResults outside 1–50 or a token it did not give with BadRequestException', async () => {
    putHistory(1);
    for (const maxResults of ['0', '51', 'ten', '2.5', '']) {
      const response = await get(jobPath('main'), { query: { maxResults } });
      expect(await error(response)).toMatchObject({ status: 400, type: 'BadRequestException' });
    }
    const response = await get(jobPath('main'), { query: { nextToken: '%%%' } });
    expect(await error(response)).toMatchObject({ status: 400, type: 'BadRequestException' });
  });

  it('says 404 NotFoundException for an unknown app or branch', async () => {
    putHistory(1);
    expect(await error(await get(jobPath('main', undefined, 'dnosuchapp0000')))).toMatchObject({
      status: 404,
      type: 'NotFoundException',
    });
    expect(await error(await get(jobPath('dev')))).toEqual({
      status: 404,
      type: 'NotFoundException',
      message: 'Branch dev not found.',
    });
  });

  it('answers scripted list faults first', async () => {
    putHistory(1);
    sim.hostingListFaults.set(jobKey(REGION, APP, 'main', ''), [
      { type: 'http', status: 500, errorType: 'InternalFailureException' },
    ]);
    expect(await error(await get(jobPath('main')))).toMatchObject({ status: 500, type: 'InternalFailureException' });
    expect((await list({})).status).toBe(200);
  });
});

describe('the simulated AWS routes Amplify Hosting', () => {
  it('only from amplify.<region> hosts (and its own origins), leaving amplifybackend as it was', async () => {
    put({ jobId: '1' });
    const path = jobPath('main', '1');
    expect(await sim.handle(new Request(`https://amplifybackend.${REGION}.amazonaws.com${path}`))).toBeUndefined();
    expect(await sim.handle(new Request(`https://cognito-identity.${REGION}.amazonaws.com${path}`))).toBeUndefined();
    const backend = await sim.handle(new Request(`https://amplifybackend.${REGION}.amazonaws.com/backend/a/job/e/j`));
    expect(backend?.status).toBe(403);
    expect(sim.count({ service: 'amplifybackend', operation: 'GetBackendJob' })).toBe(1);
    expect(sim.count({ service: 'amplify' })).toBe(0);
  });

  it('forgets hosting jobs and list faults on reset', () => {
    put({ jobId: '1' });
    sim.hostingListFaults.set(jobKey(REGION, APP, 'main', ''), [{ type: 'network' }]);
    sim.reset();
    expect(sim.hostingJobs.hasApp(REGION, APP)).toBe(false);
    expect(sim.hostingListFaults.size).toBe(0);
  });
});
