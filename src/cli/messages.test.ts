import { describe, expect, it } from 'vitest';
import { AwsError, type AwsErrorKind } from '../shared/aws/awsError';
import { jobErrorContext } from '../shared/ui/describeError';
import { problemText, problemTitle } from './messages';

const backend = jobErrorContext({}, { region: 'eu-west-1', appId: 'd2k9', envName: 'staging', jobId: '7f3c' });
const hosting = jobErrorContext({}, { kind: 'hosting', region: 'eu-west-1', appId: 'd2k9', branchName: 'main', jobId: '12' });

const error = (kind: AwsErrorKind, serverMessage?: string) => new AwsError({ kind, serverMessage, status: 403 });

describe('problemText', () => {
  it('says what to set when the SDK found no credentials, without the SDK’s own words', () => {
    expect(problemText(error('no-credentials', 'Could not load credentials from any providers'), backend)).toBe(
      'No AWS credentials. Set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role is attached.',
    );
  });

  it('quotes the SDK when it found settings it could not use', () => {
    expect(problemText(error('credentials-failed', 'The SSO session has expired'), backend)).toMatch(
      /aws sso login`\. The AWS SDK said: “The SSO session has expired”$/,
    );
  });

  it('gives terminal advice where the page’s speaks of reloading or config.json', () => {
    for (const kind of ['expired-credentials', 'invalid-credentials', 'signature-mismatch', 'network'] as const) {
      const text = problemText(error(kind), backend);
      expect(text).not.toMatch(/reload|config\.json|browser/i);
    }
    expect(problemText(error('signature-mismatch'), hosting)).toContain('signed for host amplify.eu-west-1.amazonaws.com');
  });

  it('names the region and the way to change it when a job is not found', () => {
    expect(problemText(error('not-found', 'Job 7f3c not found for environment staging.'), backend)).toBe(
      'Not found in eu-west-1 (HTTP 403). AWS has no job 7f3c of app d2k9, environment staging in region eu-west-1. Check the IDs; if the app lives in another region, put ?region=<that region> in the link (or --region for links without one). AWS said: “Job 7f3c not found for environment staging.”',
    );
  });

  it('keeps the page’s words where they fit a terminal: the IAM action a denial needs', () => {
    expect(problemText(error('access-denied'), hosting)).toContain('It needs the IAM action amplify:GetJob');
    expect(problemTitle(error('access-denied'), backend)).toBe('Access denied (HTTP 403)');
  });
});
