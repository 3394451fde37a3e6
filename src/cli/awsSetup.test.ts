import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws/awsError';
import { credentialSourceFrom, endpointOverride, profileRegion, resolveRegion } from './awsSetup';

const CONFIG = `
[default]
region = eu-west-1

[profile ci]   # the pipeline's
region=us-west-2
output = json

[sso-session corp]
region = ap-south-1
`;

describe('profileRegion', () => {
  const read = (files: Record<string, string>) => (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };

  it('reads the default profile’s region from ~/.aws/config', () => {
    expect(profileRegion({ HOME: '/home/me' }, read({ '/home/me/.aws/config': CONFIG }))).toBe('eu-west-1');
  });

  it('reads AWS_PROFILE’s region from AWS_CONFIG_FILE', () => {
    expect(profileRegion({ AWS_PROFILE: 'ci', AWS_CONFIG_FILE: '/etc/aws' }, read({ '/etc/aws': CONFIG }))).toBe('us-west-2');
  });

  it('has none for a profile without a region, or without a config file', () => {
    expect(profileRegion({ AWS_PROFILE: 'corp', AWS_CONFIG_FILE: '/etc/aws' }, read({ '/etc/aws': CONFIG }))).toBeUndefined();
    expect(profileRegion({ HOME: '/nowhere' }, read({}))).toBeUndefined();
  });
});

describe('resolveRegion', () => {
  const profile = () => 'sa-east-1';

  it('takes the link’s, then --region, then AWS_REGION, AWS_DEFAULT_REGION, then the profile’s', () => {
    const env = { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-west-1' };
    expect(resolveRegion('eu-west-1', 'ap-south-1', env, profile)).toEqual({ region: 'eu-west-1', source: 'link' });
    expect(resolveRegion(undefined, 'ap-south-1', env, profile)).toEqual({ region: 'ap-south-1', source: '--region' });
    expect(resolveRegion(undefined, undefined, env, profile)).toEqual({ region: 'us-east-2', source: 'AWS_REGION' });
    expect(resolveRegion(undefined, undefined, { AWS_DEFAULT_REGION: 'us-west-1' }, profile)).toEqual({
      region: 'us-west-1',
      source: 'AWS_DEFAULT_REGION',
    });
    expect(resolveRegion(undefined, undefined, {}, profile)).toEqual({ region: 'sa-east-1', source: 'profile' });
    expect(resolveRegion(undefined, undefined, {}, () => undefined)).toBeUndefined();
  });
});

describe('endpointOverride', () => {
  it('prefers the service’s own variable to AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'https://all.example.com', AWS_ENDPOINT_URL_AMPLIFY: 'https://amplify.example.com/' };
    expect(endpointOverride(env, 'AWS_ENDPOINT_URL_AMPLIFY')).toEqual({
      ok: true,
      endpoint: 'https://amplify.example.com',
      variable: 'AWS_ENDPOINT_URL_AMPLIFY',
    });
    expect(endpointOverride(env, 'AWS_ENDPOINT_URL_AMPLIFYBACKEND')).toMatchObject({ endpoint: 'https://all.example.com' });
    expect(endpointOverride({}, 'AWS_ENDPOINT_URL_AMPLIFY')).toEqual({ ok: true });
  });

  it('allows plain http only to this machine', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010']) {
      expect(endpointOverride({ AWS_ENDPOINT_URL: url }, 'AWS_ENDPOINT_URL_AMPLIFY').ok).toBe(true);
    }
    expect(endpointOverride({ AWS_ENDPOINT_URL: 'http://proxy.corp:8080' }, 'AWS_ENDPOINT_URL_AMPLIFY')).toEqual({
      ok: false,
      message: 'AWS_ENDPOINT_URL must be an https:// URL (plain http only to localhost), not “http://proxy.corp:8080”.',
    });
    expect(endpointOverride({ AWS_ENDPOINT_URL_AMPLIFY: 'not a url' }, 'AWS_ENDPOINT_URL_AMPLIFY').ok).toBe(false);
  });
});

describe('credentialSourceFrom', () => {
  it('hands the SDK’s credentials to the signer, and asks it to refresh when the signer does', async () => {
    const asked: unknown[] = [];
    const source = credentialSourceFrom((options) => {
      asked.push(options);
      return Promise.resolve({ accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' });
    });
    await expect(source()).resolves.toEqual({ accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' });
    await source({ forceRefresh: true });
    expect(asked).toEqual([undefined, { forceRefresh: true }]);
  });

  it('turns “none found anywhere” into no-credentials and any other failure into credentials-failed', async () => {
    const none = credentialSourceFrom(() => Promise.reject(new Error('Could not load credentials from any providers')));
    await expect(none()).rejects.toMatchObject({ kind: 'no-credentials' });
    const sso = credentialSourceFrom(() => Promise.reject(new Error('The SSO session associated with this profile has expired')));
    const error: unknown = await sso().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({
      kind: 'credentials-failed',
      serverMessage: 'The SSO session associated with this profile has expired',
    });
  });
});
