import { describe, expect, it } from 'vitest';
import { AWS_ERROR_KINDS, AwsError } from '../aws/awsError';
import { describeError, type ErrorContext } from './describeError';

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

  it('an answer over the size limit: too large, with the limit and that checks go on', () => {
    const said = describeError(new AwsError({ kind: 'too-large', status: 200, requestId: 'r-1' }), CONTEXT);
    expect(said).toMatchObject({ title: 'The answer was too large to read', status: 200, requestId: 'r-1' });
    expect(said.detail).toContain('more than 1 MB');
    expect(said.detail).toContain('checks again');
  });

  it('anything else is the dashboard’s own failure, with its message', () => {
    expect(describeError(new Error('boom'), CONTEXT)).toEqual({ title: 'Something went wrong in the dashboard', detail: 'boom' });
  });
});
