import { describe, expect, it } from 'vitest';
import { sim } from '../../test/server';
import { simCredentialSource } from '../../test/simCredentials';
import {
  createAmplifyHostingClient,
  deserializeHostingJob,
  deserializeHostingJobPage,
  hostingJobFromWire,
  hostingJobPath,
  resolveHostingEndpoint,
} from './amplifyHosting';
import { AwsError } from './awsError';
import { createClockOffset } from './clockOffset';
import { createSignedFetch, type SignedRequest } from './signedFetch';
import { storableRaw } from './watchedJob';

const answer = (body: unknown) => ({
  status: 200,
  headers: new Headers({ 'x-amzn-requestid': 'req-1' }),
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

const STARTED = 1_733_300_000; // epoch seconds, as the service sends them

const getJobAnswer = {
  job: {
    summary: {
      jobArn: 'arn:aws:amplify:us-east-1:123456789012:apps/d2k9xq7v1ab3cd/branches/main/jobs/12',
      jobId: '12',
      commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
      commitMessage: 'Add the login page',
      commitTime: STARTED - 60,
      startTime: STARTED,
      status: 'FAILED',
      endTime: STARTED + 72.5,
      jobType: 'RELEASE',
    },
    steps: [
      { stepName: 'BUILD', status: 'SUCCEED', startTime: STARTED + 1, endTime: STARTED + 50, logUrl: 'https://s3/log?sig' },
      { stepName: 'DEPLOY', status: 'FAILED', startTime: STARTED + 50, endTime: STARTED + 72.5, statusReason: 'Access denied' },
      { stepName: 'VERIFY', status: 'FAILED', statusReason: 'Not reached' },
    ],
  },
};

describe('deserializeHostingJob', () => {
  it('reads GetJob’s summary and steps, with epoch-second times (fractions kept)', () => {
    const job = deserializeHostingJob(answer(getJobAnswer));
    expect(job).toMatchObject({
      kind: 'hosting',
      jobId: '12',
      status: 'FAILED',
      operation: 'RELEASE',
      commitId: '3f2a9c1d4b5e6f708192a3b4c5d6e7f809112233',
      commitMessage: 'Add the login page',
    });
    expect(job.createTime?.date?.toISOString()).toBe(new Date(STARTED * 1000).toISOString());
    expect(job.endTime?.date?.getTime()).toBe((STARTED + 72.5) * 1000);
    expect(job.commitTime?.date?.getTime()).toBe((STARTED - 60) * 1000);
    expect(job.steps.map((step) => [step.stepName, step.status])).toEqual([
      ['BUILD', 'SUCCEED'],
      ['DEPLOY', 'FAILED'],
      ['VERIFY', 'FAILED'],
    ]);
    expect(job.steps[0]?.logUrl).toBe('https://s3/log?sig');
  });

  it('names the first failed step and its reason as the job’s error', () => {
    const job = deserializeHostingJob(answer(getJobAnswer));
    expect(job.failedStep?.stepName).toBe('DEPLOY');
    expect(job.error).toBe('DEPLOY: Access denied');
    const noReason = hostingJobFromWire({
      summary: { jobId: '1', status: 'FAILED' },
      steps: [{ stepName: 'BUILD', status: 'FAILED' }],
    });
    expect(noReason.error).toBe('BUILD failed.');
  });

  it('a running job’s updateTime is the latest time a step reported; a finished one’s is its endTime', () => {
    const running = hostingJobFromWire({
      summary: { jobId: '2', status: 'RUNNING', startTime: STARTED },
      steps: [
        { stepName: 'BUILD', status: 'SUCCEED', startTime: STARTED, endTime: STARTED + 40 },
        { stepName: 'DEPLOY', status: 'RUNNING', startTime: STARTED + 41 },
      ],
    });
    expect(running.updateTime?.date?.getTime()).toBe((STARTED + 41) * 1000);
    expect(deserializeHostingJob(answer(getJobAnswer)).updateTime?.date?.getTime()).toBe((STARTED + 72.5) * 1000);
  });

  it('tolerates missing members and unknown words: shown as they come', () => {
    const job = deserializeHostingJob(answer({ job: { summary: { jobId: '3', status: 'QUEUED_ELSEWHERE' } } }));
    expect(job).toMatchObject({ jobId: '3', status: 'QUEUED_ELSEWHERE', steps: [] });
    expect(job.createTime).toBeUndefined();
    expect(job.error).toBeUndefined();
  });

  it('reads times the AWS CLI printed as ISO 8601, and keeps a time it cannot read as text', () => {
    const job = hostingJobFromWire({ summary: { jobId: '4', startTime: '2024-12-04T10:00:00.000Z', endTime: 'yesterday' } });
    expect(job.createTime?.date?.toISOString()).toBe('2024-12-04T10:00:00.000Z');
    expect(job.endTime).toEqual({ raw: 'yesterday' });
  });

  it.each([
    ['not JSON', '<html>502</html>', 'The response was not JSON.'],
    ['not an object', '[1,2]', 'The response was not a JSON object.'],
    ['no job', { something: 'else' }, 'The response had no "job" with a summary.'],
    ['a job without a summary', { job: { steps: [] } }, 'The response had no "job" with a summary.'],
    ['steps that are not a list', { job: { summary: { jobId: '1' }, steps: 'BUILD' } }, 'The response’s "steps" was not a list.'],
  ])('refuses %s as an unreadable answer, with its request id', (_, body, message) => {
    let error: unknown;
    try {
      deserializeHostingJob(answer(body));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ kind: 'invalid-response', serverMessage: message, requestId: 'req-1' });
  });
});

describe('deserializeHostingJobPage', () => {
  it('reads ListJobs’ summaries and next token; skips entries that are not jobs', () => {
    const page = deserializeHostingJobPage(
      answer({ jobSummaries: [{ jobId: '12', status: 'SUCCEED', startTime: STARTED }, 'junk', null, {}], nextToken: 't2' }),
    );
    expect(page.jobs.map((job) => [job.jobId, job.status])).toEqual([['12', 'SUCCEED']]);
    expect(page.jobs[0]?.steps).toEqual([]);
    expect(page.nextToken).toBe('t2');
    expect(deserializeHostingJobPage(answer({ jobSummaries: [], nextToken: '' }))).toEqual({ jobs: [] });
  });

  it('refuses jobSummaries that is not a list', () => {
    expect(() => deserializeHostingJobPage(answer({ jobSummaries: 'x' }))).toThrow(AwsError);
  });
});

describe('where hosting requests go', () => {
  it('the regional endpoint by default, the configured proxy (signing for amplifySigningHost) otherwise', () => {
    expect(resolveHostingEndpoint({}, 'eu-west-1')).toEqual({
      baseUrl: 'https://amplify.eu-west-1.amazonaws.com',
      signingHost: 'amplify.eu-west-1.amazonaws.com',
    });
    expect(
      resolveHostingEndpoint(
        { amplifyEndpoint: 'https://dash.example.com/amplify/', amplifySigningHost: 'amplify.eu-west-1.amazonaws.com' },
        'eu-west-1',
      ),
    ).toEqual({ baseUrl: 'https://dash.example.com/amplify', signingHost: 'amplify.eu-west-1.amazonaws.com' });
  });

  it('puts a branch with a slash in one segment', () => {
    expect(hostingJobPath({ appId: 'app', branchName: 'feature/login', jobId: '3' })).toBe(
      '/apps/app/branches/feature%2Flogin/jobs/3',
    );
  });

  it('ListJobs sends maxResults and nextToken as a signed query, through a proxy signing for the AWS host', async () => {
    const requests: SignedRequest[] = [];
    const client = createAmplifyHostingClient(
      { amplifyEndpoint: 'https://dash.example.com/amplify', amplifySigningHost: 'amplify.us-east-1.amazonaws.com' },
      (request) => {
        requests.push(request);
        return Promise.resolve(answer({ jobSummaries: [] }));
      },
    );
    await client.listJobs(
      { kind: 'hosting', region: 'us-east-1', appId: 'app', branchName: 'feature/login' },
      { maxResults: 50, nextToken: 'a+b/c=' },
    );
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: new URL('https://dash.example.com/amplify/apps/app/branches/feature%2Flogin/jobs'),
        signingHost: 'amplify.us-east-1.amazonaws.com',
        signingPath: '/apps/app/branches/feature%2Flogin/jobs',
        query: { maxResults: '50', nextToken: 'a+b/c=' },
        service: 'amplify',
        region: 'us-east-1',
      }),
    ]);
  });

  it('GetJob and ListJobs pages are signed so the simulated Amplify Hosting accepts them (a branch with a slash, a next token)', async () => {
    for (let jobId = 1; jobId <= 3; jobId++) {
      sim.hostingJobs.put({ appId: 'app', branchName: 'feature/login', jobId: String(jobId), steps: [] });
    }
    const client = createAmplifyHostingClient(
      {},
      createSignedFetch({ credentials: simCredentialSource(), clock: createClockOffset() }),
    );
    const branch = { kind: 'hosting', region: 'us-east-1', appId: 'app', branchName: 'feature/login' } as const;
    const job = await client.getJob({ ...branch, jobId: '2' });
    expect(job.jobId).toBe('2');
    const first = await client.listJobs(branch, { maxResults: 2 });
    expect(first.jobs.map((entry) => entry.jobId)).toEqual(['3', '2']);
    const second = await client.listJobs(branch, { maxResults: 2, nextToken: first.nextToken });
    expect(second.jobs.map((entry) => entry.jobId)).toEqual(['1']);
  });
});

describe('storableRaw', () => {
  it('keeps a hosting job’s answer for an offline visit without its presigned log and artifact URLs', () => {
    const job = deserializeHostingJob(answer(getJobAnswer));
    const kept = storableRaw(job);
    expect(JSON.stringify(kept)).not.toContain('https://s3/log');
    expect(hostingJobFromWire(kept)).toMatchObject({ jobId: '12', status: 'FAILED', error: 'DEPLOY: Access denied' });
  });
});
