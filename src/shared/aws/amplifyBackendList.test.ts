import { describe, expect, it } from 'vitest';
import {
  AMPLIFY_BACKEND_SERVICE,
  backendJobPath,
  backendJobsPath,
  createAmplifyBackendClient,
  deserializeBackendJobPage,
} from './amplifyBackend';
import { AwsError } from './awsError';
import type { SignedRequest, SignedResponse } from './signedFetch';

const ENDPOINT_PREFIX = 'https://amplifybackend.us-east-1.amazonaws.com';

function wire(body: unknown, headers: Record<string, string> = {}) {
  return { text: typeof body === 'string' ? body : JSON.stringify(body), status: 200, headers: new Headers(headers) };
}

function refusal(body: unknown, headers: Record<string, string> = {}): AwsError {
  try {
    deserializeBackendJobPage(wire(body, headers));
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(body)} to be refused`);
}

const FULL_JOB = {
  appId: 'd2k9xq7v1ab3cd',
  backendEnvironmentName: 'staging',
  jobId: '7f3c9e2a-5b1d',
  operation: 'CreateBackendAuth',
  status: 'COMPLETED',
  createTime: '1714564800000',
  updateTime: '2024-05-01T12:05:00Z',
};

describe('deserializeBackendJobPage', () => {
  it('reads every job of a page with its members and times', () => {
    const page = deserializeBackendJobPage(
      wire({ jobs: [FULL_JOB, { ...FULL_JOB, jobId: 'second', status: 'FAILED', error: 'Boom' }] }),
    );
    expect(page.jobs).toHaveLength(2);
    expect(page.jobs[0]).toMatchObject({
      appId: 'd2k9xq7v1ab3cd',
      backendEnvironmentName: 'staging',
      jobId: '7f3c9e2a-5b1d',
      operation: 'CreateBackendAuth',
      status: 'COMPLETED',
      createTime: { raw: '1714564800000', date: new Date(1714564800000) },
      updateTime: { raw: '2024-05-01T12:05:00Z', date: new Date('2024-05-01T12:05:00Z') },
    });
    expect(page.jobs[1]).toMatchObject({ jobId: 'second', status: 'FAILED', error: 'Boom' });
  });

  it('keeps each job’s JSON as it came, unknown members included, for the raw view', () => {
    const entry = { ...FULL_JOB, somethingNew: { nested: [1, 2] }, status: 'RUNNING' };
    const page = deserializeBackendJobPage(wire({ jobs: [entry] }));
    expect(page.jobs[0]?.raw).toEqual(entry);
  });

  it('keeps the order the service sent', () => {
    const page = deserializeBackendJobPage(wire({ jobs: [{ jobId: 'b' }, { jobId: 'a' }, { jobId: 'c' }] }));
    expect(page.jobs.map((job) => job.jobId)).toEqual(['b', 'a', 'c']);
  });

  it('reads an empty page, and a page without a jobs member, as no jobs', () => {
    expect(deserializeBackendJobPage(wire({ jobs: [] }))).toEqual({ jobs: [] });
    expect(deserializeBackendJobPage(wire({}))).toEqual({ jobs: [] });
  });

  it('skips entries that are not jobs, keeping the rest', () => {
    const page = deserializeBackendJobPage(
      wire({
        jobs: [
          null,
          42,
          'job',
          true,
          [],
          ['jobId', 'x'],
          {},
          { jobId: 7, status: null },
          { unrelated: 'x' },
          { jobId: 'kept', status: 'RUNNING' },
        ],
      }),
    );
    expect(page.jobs.map((job) => job.jobId)).toEqual(['kept']);
  });

  it('keeps an entry with at least one readable member, dropping members of the wrong type', () => {
    const page = deserializeBackendJobPage(
      wire({ jobs: [{ jobId: 'j', status: 5, createTime: 1714564800000, error: { message: 'x' } }] }),
    );
    expect(page.jobs).toHaveLength(1);
    expect(page.jobs[0]).toMatchObject({ jobId: 'j', status: undefined, createTime: undefined, error: undefined });
  });

  it('keeps the nextToken for the next page', () => {
    expect(deserializeBackendJobPage(wire({ jobs: [FULL_JOB], nextToken: 'eyJwYWdlIjoyfQ==' })).nextToken).toBe(
      'eyJwYWdlIjoyfQ==',
    );
  });

  it.each([
    ['an empty string', ''],
    ['null', null],
    ['a number', 2],
    ['an object', { page: 2 }],
  ])('drops a nextToken that is %s, so paging stops instead of asking again forever', (_label, nextToken) => {
    const page = deserializeBackendJobPage(wire({ jobs: [FULL_JOB], nextToken }));
    expect(page).not.toHaveProperty('nextToken');
  });

  it.each([
    ['an object', { 0: FULL_JOB }],
    ['a string', 'jobs'],
    ['a number', 3],
    ['null', null],
    ['true', true],
  ])('refuses a body whose jobs is %s, as an invalid response', (_label, jobs) => {
    const error = refusal({ jobs }, { 'x-amzn-requestid': 'req-42' });
    expect(error.kind).toBe('invalid-response');
    expect(error.status).toBe(200);
    expect(error.serverMessage).toMatch(/jobs/);
    expect(error.requestId).toBe('req-42');
  });

  it.each([
    ['not JSON', '<html>proxy error</html>'],
    ['empty', ''],
    ['a JSON list', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"jobs"'],
  ])('refuses a body that is %s, as an invalid response', (_label, text) => {
    const error = refusal(text);
    expect(error.kind).toBe('invalid-response');
    expect(error.serverMessage).toBeTruthy();
  });
});

describe('backendJobsPath', () => {
  it('builds ListBackendJobs’ path', () => {
    expect(backendJobsPath({ appId: 'd2k9xq7v1ab3cd', envName: 'staging' })).toBe('/backend/d2k9xq7v1ab3cd/job/staging');
  });

  it('is the job path without its last segment', () => {
    const key = { appId: 'a b', envName: 'e/f', jobId: 'j?1' };
    expect(backendJobPath(key)).toBe(`${backendJobsPath(key)}/${encodeURIComponent(key.jobId)}`);
  });

  it.each([
    ['a slash', 'a/b'],
    ['a percent sign', '100%'],
    ['an encoded-looking value', 'a%2Fb'],
    ['a space and a plus', 'a b+c'],
    ['unicode', 'Überprüfung-日本-🚀'],
    ['a question mark', 'what?x=1'],
    ['a hash', 'a#b'],
    ['three dots', '...'],
  ])('keeps IDs with %s as single segments that decode back to them', (_label, id) => {
    const url = new URL(ENDPOINT_PREFIX + backendJobsPath({ appId: id, envName: id }));
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(url.pathname.split('/').slice(1).map(decodeURIComponent)).toEqual(['backend', id, 'job', id]);
  });
});

describe('listBackendJobs', () => {
  function recordingFetch(body: unknown = { jobs: [FULL_JOB], nextToken: 'n2' }) {
    const requests: SignedRequest[] = [];
    const signedFetch = (request: SignedRequest): Promise<SignedResponse> => {
      requests.push(request);
      return Promise.resolve(wire(body));
    };
    return { requests, signedFetch };
  }

  it('POSTs the filters as JSON to the environment’s jobs path, signed for the region', async () => {
    const { requests, signedFetch } = recordingFetch();
    const client = createAmplifyBackendClient({}, signedFetch);
    const page = await client.listBackendJobs(
      { region: 'eu-west-1', appId: 'app 1', envName: 'staging' },
      { status: 'RUNNING', operation: 'CreateBackendAuth', maxResults: 25, nextToken: 'n1' },
    );
    expect(page.jobs.map((job) => job.jobId)).toEqual(['7f3c9e2a-5b1d']);
    expect(page.nextToken).toBe('n2');
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: 'POST',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      signingPath: '/backend/app%201/job/staging',
      region: 'eu-west-1',
      service: AMPLIFY_BACKEND_SERVICE,
    });
    expect(request?.url.href).toBe('https://amplifybackend.eu-west-1.amazonaws.com/backend/app%201/job/staging');
    expect(JSON.parse(request?.body ?? 'null')).toEqual({
      status: 'RUNNING',
      operation: 'CreateBackendAuth',
      maxResults: 25,
      nextToken: 'n1',
    });
  });

  it('leaves empty and missing filters out of the body', async () => {
    const { requests, signedFetch } = recordingFetch({ jobs: [] });
    const client = createAmplifyBackendClient({}, signedFetch);
    await client.listBackendJobs(
      { region: 'us-east-1', appId: 'a', envName: 'e' },
      { status: '', operation: undefined, maxResults: 25 },
    );
    expect(JSON.parse(requests[0]?.body ?? 'null')).toEqual({ maxResults: 25 });
  });

  it('sends to a configured proxy while signing for the real host', async () => {
    const { requests, signedFetch } = recordingFetch({ jobs: [] });
    const client = createAmplifyBackendClient(
      { amplifyBackendEndpoint: 'https://proxy.example.com/aws', signingHost: 'amplifybackend.us-east-1.amazonaws.com' },
      signedFetch,
    );
    await client.listBackendJobs({ region: 'us-east-1', appId: 'a', envName: 'e' }, {});
    expect(requests[0]?.url.href).toBe('https://proxy.example.com/aws/backend/a/job/e');
    expect(requests[0]?.signingHost).toBe('amplifybackend.us-east-1.amazonaws.com');
    expect(requests[0]?.signingPath).toBe('/backend/a/job/e');
  });

  it('passes the abort signal on', async () => {
    const { requests, signedFetch } = recordingFetch({ jobs: [] });
    const signal = new AbortController().signal;
    await createAmplifyBackendClient({}, signedFetch).listBackendJobs(
      { region: 'us-east-1', appId: 'a', envName: 'e' },
      {},
      signal,
    );
    expect(requests[0]?.signal).toBe(signal);
  });

  it('rejects with an invalid-response error when the page is unreadable', async () => {
    const { signedFetch } = recordingFetch({ jobs: 'nope' });
    await expect(
      createAmplifyBackendClient({}, signedFetch).listBackendJobs({ region: 'us-east-1', appId: 'a', envName: 'e' }, {}),
    ).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
