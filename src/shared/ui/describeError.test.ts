import { describe, expect, it } from 'vitest';
import { AWS_ERROR_KINDS, AwsError } from '../aws/awsError';
import { describeError, hostingErrorContext, jobErrorContext, type ErrorContext } from './describeError';

const CONTEXT: ErrorContext = {
  action: 'amplifybackend:GetBackendJob',
  region: 'eu-west-1',
  resource: 'job 7f3c of app d2k9, environment staging',
  signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
  timeoutSeconds: 15,
};

describe('describeError', () => {
  it('says every kind of AWS error in words of its own', () => {
    const titles = AWS_ERROR_KINDS.map((kind) => describeError(new AwsError({ kind }), CONTEXT).title);
    expect(titles.every((title) => title.length > 0)).toBe(true);
    expect(new Set(titles).size).toBe(AWS_ERROR_KINDS.length);
  });

  it.each([
    ['bad-request', 400, 'AWS rejected the request (HTTP 400)', 'request for job 7f3c of app d2k9, environment staging invalid'],
    ['access-denied', 403, 'Access denied (HTTP 403)', 'amplifybackend:GetBackendJob on this app in eu-west-1'],
    ['expired-credentials', 403, 'AWS credentials expired (HTTP 403)', 'Reload the page'],
    ['invalid-credentials', 403, 'AWS did not recognise the credentials (HTTP 403)', 'Reload the page'],
    ['signature-mismatch', 403, 'Request signature refused (HTTP 403)', 'host amplifybackend.eu-west-1.amazonaws.com'],
    ['clock-skew', 403, 'This computer’s clock is wrong (HTTP 403)', 'more than 5 minutes'],
    ['not-found', 404, 'Not found in eu-west-1 (HTTP 404)', 'no job 7f3c of app d2k9, environment staging in region eu-west-1'],
    ['throttled', 429, 'AWS is throttling requests (HTTP 429)', 'continue by themselves'],
    ['service-unavailable', 503, 'The AmplifyBackend service is having trouble (HTTP 503)', 'usually brief'],
    ['http', 418, 'Unexpected answer from AWS (HTTP 418)', 'does not expect'],
    ['http', undefined, 'Unexpected answer from AWS', 'does not expect'],
    ['invalid-response', 200, 'The answer could not be read as a job', 'not a backend job'],
    ['network', undefined, 'Can’t reach AWS', 'request to amplifybackend.eu-west-1.amazonaws.com did not get through'],
    ['timeout', undefined, 'AWS did not answer in time', 'within 15 seconds'],
    ['no-credentials', undefined, 'No AWS credentials', 'allowGuestAccess is off'],
    ['credentials-failed', undefined, 'Couldn’t get AWS credentials from Cognito', 'Cognito refused'],
  ] as const)('%s, HTTP %s: “%s”, saying “%s”', (kind, status, title, inDetail) => {
    const said = describeError(new AwsError({ kind, status, serverMessage: 'AWS says', requestId: 'r-1' }), CONTEXT);
    expect(said).toMatchObject({ title, status, serverMessage: 'AWS says', requestId: 'r-1' });
    expect(said.detail).toContain(inDetail);
  });

  it('names the Amplify Hosting service and its config fields for a hosting request', () => {
    const hosting: ErrorContext = { ...CONTEXT, service: 'Amplify Hosting' };
    expect(describeError(new AwsError({ kind: 'service-unavailable', status: 502 }), hosting).title).toBe(
      'The Amplify Hosting service is having trouble (HTTP 502)',
    );
    expect(describeError(new AwsError({ kind: 'signature-mismatch' }), hosting).detail).toContain(
      'Check amplifyEndpoint and amplifySigningHost in config.json.',
    );
  });

  it('an answer over the size limit: too large, with the limit and that checks go on', () => {
    const said = describeError(new AwsError({ kind: 'too-large', status: 200, requestId: 'r-1' }), CONTEXT);
    expect(said).toMatchObject({ title: 'The answer was too large to read', status: 200, requestId: 'r-1' });
    expect(said.detail).toContain('more than 1 MB');
    expect(said.detail).toContain('checks again');
  });

  it('a hosting request’s context is signed for the Amplify host and speaks of Amplify Hosting; a backend one of AmplifyBackend', () => {
    const hosting = { kind: 'hosting', region: 'eu-west-1', appId: 'd2k9', branchName: 'main', jobId: '12' } as const;
    expect(jobErrorContext({}, hosting)).toEqual({
      action: 'amplify:GetJob',
      region: 'eu-west-1',
      resource: 'job 12 of app d2k9, branch main',
      signingHost: 'amplify.eu-west-1.amazonaws.com',
      timeoutSeconds: 15,
      service: 'Amplify Hosting',
    });
    expect(
      hostingErrorContext(
        { amplifyEndpoint: 'https://proxy.test/amplify', amplifySigningHost: 'amplify.test' },
        'us-east-1',
        'amplify:ListJobs',
        'branch main',
      ),
    ).toMatchObject({
      signingHost: 'amplify.test',
      service: 'Amplify Hosting',
    });
    expect(jobErrorContext({}, { region: 'eu-west-1', appId: 'd2k9', envName: 'staging', jobId: '7f3c' })).toEqual({
      action: 'amplifybackend:GetBackendJob',
      region: 'eu-west-1',
      resource: 'job 7f3c of app d2k9, environment staging',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      timeoutSeconds: 15,
    });
  });

  it('anything else is the dashboard’s own failure, with its message', () => {
    expect(describeError(new Error('boom'), CONTEXT)).toEqual({ title: 'Something went wrong in the dashboard', detail: 'boom' });
  });
});
