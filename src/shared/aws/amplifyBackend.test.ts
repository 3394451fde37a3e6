import { describe, expect, it } from 'vitest';
import { backendJobPath, deserializeBackendJob, resolveEndpoint } from './amplifyBackend';
import { AwsError } from './awsError';

const ENDPOINT_PREFIX = 'https://amplifybackend.us-east-1.amazonaws.com';

/** The segments the service will see, decoded the way a server decodes a path. */
function segmentsOf(path: string): string[] {
  const url = new URL(ENDPOINT_PREFIX + path);
  return url.pathname.split('/').slice(1).map(decodeURIComponent);
}

function wire(text: string, status = 200, headers: Record<string, string> = {}) {
  return { text, status, headers: new Headers(headers) };
}

function invalidResponseFrom(text: string, headers: Record<string, string> = {}): AwsError {
  try {
    deserializeBackendJob(wire(text, 200, headers));
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('backendJobPath', () => {
  it("builds GetBackendJob's path", () => {
    expect(backendJobPath({ appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: '7f3c9e2a-5b1d' })).toBe(
      '/backend/d2k9xq7v1ab3cd/job/staging/7f3c9e2a-5b1d',
    );
  });

  it.each([
    ['a slash', 'a/b'],
    ['a percent sign', '100%'],
    ['an encoded-looking value', 'a%2Fb'],
    ['a plus', 'a+b'],
    ['a space', 'a b'],
    ['unicode', 'Überprüfung-日本'],
    ['an emoji', 'job-🚀'],
    ['a question mark', 'what?x=1'],
    ['a hash', 'a#b'],
    ['a backslash', 'a\\b'],
    ['a semicolon and ampersand', 'a;b&c=d'],
  ])('keeps an ID with %s as one segment that decodes back to it', (_label, id) => {
    const path = backendJobPath({ appId: id, envName: id, jobId: id });
    const url = new URL(ENDPOINT_PREFIX + path);
    // Nothing may spill into the query or fragment.
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(segmentsOf(path)).toEqual(['backend', id, 'job', id, id]);
  });

  it('keeps the three IDs in their own places', () => {
    expect(segmentsOf(backendJobPath({ appId: 'app', envName: 'env/x', jobId: 'job 1' }))).toEqual([
      'backend',
      'app',
      'job',
      'env/x',
      'job 1',
    ]);
  });
});

describe('resolveEndpoint', () => {
  it('uses the regional endpoint and signs for it', () => {
    expect(resolveEndpoint({}, 'eu-west-1')).toEqual({
      baseUrl: 'https://amplifybackend.eu-west-1.amazonaws.com',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
    });
  });

  it('follows the region of the request', () => {
    expect(resolveEndpoint({}, 'ap-southeast-2').baseUrl).toBe('https://amplifybackend.ap-southeast-2.amazonaws.com');
  });

  it('sends to an override and signs for its host (port included) by default', () => {
    expect(resolveEndpoint({ amplifyBackendEndpoint: 'http://127.0.0.1:4010' }, 'eu-west-1')).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      signingHost: '127.0.0.1:4010',
    });
  });

  it('signs for signingHost when a proxy stands in front of the real host', () => {
    expect(
      resolveEndpoint(
        { amplifyBackendEndpoint: 'https://dash.example.com/aws/', signingHost: 'amplifybackend.eu-west-1.amazonaws.com' },
        'eu-west-1',
      ),
    ).toEqual({ baseUrl: 'https://dash.example.com/aws', signingHost: 'amplifybackend.eu-west-1.amazonaws.com' });
  });

  it('keeps a proxy path prefix in front of the job path', () => {
    const { baseUrl } = resolveEndpoint({ amplifyBackendEndpoint: 'https://dash.example.com/aws' }, 'eu-west-1');
    const url = new URL(baseUrl + backendJobPath({ appId: 'a', envName: 'e', jobId: 'j' }));
    expect(url.pathname).toBe('/aws/backend/a/job/e/j');
  });
});

describe('deserializeBackendJob', () => {
  it('reads every member of a full job', () => {
    const job = deserializeBackendJob(
      wire(
        JSON.stringify({
          appId: 'app1',
          backendEnvironmentName: 'staging',
          jobId: 'job1',
          operation: 'CreateBackendAuth',
          status: 'FAILED',
          createTime: '1617375907613',
          updateTime: '2021-04-02T15:10:00Z',
          error: 'Stack failed',
        }),
      ),
    );
    // toMatchObject: the model may carry extras (such as the raw JSON) beyond the wire members.
    expect(job).toMatchObject({
      appId: 'app1',
      backendEnvironmentName: 'staging',
      jobId: 'job1',
      operation: 'CreateBackendAuth',
      status: 'FAILED',
      createTime: { raw: '1617375907613', date: new Date('2021-04-02T15:05:07.613Z') },
      updateTime: { raw: '2021-04-02T15:10:00Z', date: new Date('2021-04-02T15:10:00Z') },
      error: 'Stack failed',
    });
  });

  it('tolerates missing members', () => {
    const job = deserializeBackendJob(wire(JSON.stringify({ status: 'RUNNING' })));
    expect(job.status).toBe('RUNNING');
    expect(job.jobId).toBeUndefined();
    expect(job.createTime).toBeUndefined();
    expect(job.error).toBeUndefined();
  });

  it('ignores members that are not strings instead of showing them', () => {
    const job = deserializeBackendJob(
      wire(JSON.stringify({ jobId: 'job1', status: 7, createTime: 1617375907613, error: { code: 'x' }, operation: null })),
    );
    expect(job.jobId).toBe('job1');
    for (const member of [
      'appId',
      'backendEnvironmentName',
      'operation',
      'status',
      'createTime',
      'updateTime',
      'error',
    ] as const) {
      expect(job[member], member).toBeUndefined();
    }
  });

  it("ignores the SDK's PascalCase names, which are not what travels", () => {
    expect(() => deserializeBackendJob(wire(JSON.stringify({ JobId: 'job1', Status: 'RUNNING' })))).toThrow(AwsError);
  });

  it('keeps an unreadable time raw', () => {
    const job = deserializeBackendJob(wire(JSON.stringify({ status: 'RUNNING', createTime: 'soon' })));
    expect(job.createTime).toEqual({ raw: 'soon' });
  });

  it.each([
    ['HTML', '<html>502 Bad Gateway</html>', 'not JSON'],
    ['an empty body', '', 'not JSON'],
    ['a JSON array', '[{"status":"RUNNING"}]', 'not a JSON object'],
    ['JSON null', 'null', 'not a JSON object'],
    ['a JSON string', '"RUNNING"', 'not a JSON object'],
    ['an empty object', '{}', 'none of the fields'],
    ['an object of other things', '{"message":"hello","jobs":[]}', 'none of the fields'],
    ['an object whose job members are not strings', '{"status":1,"jobId":2}', 'none of the fields'],
  ])('refuses %s as invalid-response', (_label, text, words) => {
    const error = invalidResponseFrom(text);
    expect(error.kind).toBe('invalid-response');
    expect(error.status).toBe(200);
    expect(error.serverMessage).toContain(words);
  });

  it('carries the request id of a refused body, for support', () => {
    expect(invalidResponseFrom('nope', { 'x-amzn-requestid': 'req-42' }).requestId).toBe('req-42');
  });
});
