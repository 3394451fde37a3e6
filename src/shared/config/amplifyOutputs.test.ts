import { parseAmplifyOutputs } from '@aws-amplify/core/internals/utils';
import { describe, expect, it } from 'vitest';
import { fromAmplifyOutputs, isAmplifyOutputs, parseConfigDocument } from './amplifyOutputs';
import { parseAppConfig } from './appConfig';
import { loadConfig } from './loadConfig';

/** What `npx ampx sandbox` / a Gen 2 pipeline writes for an app with auth (trimmed of unrelated sections' detail). */
const OUTPUTS = {
  $schema:
    'https://raw.githubusercontent.com/aws-amplify/amplify-backend/main/packages/client-config/src/client-config-schema/schema_v1.4.json',
  version: '1.4',
  auth: {
    user_pool_id: 'eu-west-1_AbCdEfGhI',
    aws_region: 'eu-west-1',
    user_pool_client_id: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
    identity_pool_id: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    mfa_methods: [],
    standard_required_attributes: ['email'],
    username_attributes: ['email'],
    user_verification_types: ['email'],
    groups: [],
    mfa_configuration: 'NONE',
    password_policy: {
      min_length: 8,
      require_lowercase: true,
      require_numbers: true,
      require_symbols: true,
      require_uppercase: true,
    },
    oauth: {
      identity_providers: ['GOOGLE'],
      redirect_sign_in_uri: ['https://jobs.example.com/'],
      redirect_sign_out_uri: ['https://jobs.example.com/'],
      response_type: 'code',
      scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      domain: 'jobwatch.auth.eu-west-1.amazoncognito.com',
    },
    unauthenticated_identities_enabled: true,
  },
  data: {
    url: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql',
    aws_region: 'eu-west-1',
    default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
    authorization_types: [],
  },
  storage: { aws_region: 'eu-west-1', bucket_name: 'files' },
};

/** The same deployment written as a plain config.json. */
const PLAIN = {
  region: 'eu-west-1',
  Auth: {
    Cognito: {
      identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      allowGuestAccess: true,
      userPoolId: 'eu-west-1_AbCdEfGhI',
      userPoolClientId: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
      loginWith: {
        email: true,
        phone: false,
        username: false,
        oauth: {
          domain: 'jobwatch.auth.eu-west-1.amazoncognito.com',
          scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
          redirectSignIn: ['https://jobs.example.com/'],
          redirectSignOut: ['https://jobs.example.com/'],
          responseType: 'code',
          providers: ['Google'],
        },
      },
    },
  },
};

function file(body: unknown) {
  return (() =>
    Promise.resolve(
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    )) as unknown as typeof fetch;
}

describe('amplify_outputs.json as config.json', () => {
  it('is recognised by its 1.x version and auth section, and a plain config is not', () => {
    expect(isAmplifyOutputs(OUTPUTS)).toBe(true);
    expect(isAmplifyOutputs(PLAIN)).toBe(false);
    expect(isAmplifyOutputs({ ...OUTPUTS, version: '2' })).toBe(false);
    expect(isAmplifyOutputs({ version: '1', data: {} })).toBe(false);
    expect(isAmplifyOutputs({ ...OUTPUTS, Auth: PLAIN.Auth })).toBe(false);
  });

  it('gives the same AppConfig as the equivalent plain config.json', async () => {
    const plain = parseAppConfig(PLAIN);
    const outputs = parseConfigDocument(OUTPUTS);
    expect(plain.ok).toBe(true);
    expect(outputs).toEqual(plain);

    const [loadedPlain, loadedOutputs] = await Promise.all([loadConfig(file(PLAIN)), loadConfig(file(OUTPUTS))]);
    expect(loadedPlain.kind).toBe('ready');
    expect(loadedOutputs).toEqual(loadedPlain);
  });

  it('converts auth the way Amplify itself reads the file', () => {
    const ours = fromAmplifyOutputs(OUTPUTS).Auth as { Cognito: Record<string, unknown> };
    const amplify: Record<string, unknown> = { ...parseAmplifyOutputs(OUTPUTS).Auth?.Cognito };
    for (const key of ['identityPoolId', 'allowGuestAccess', 'userPoolId', 'userPoolClientId', 'loginWith']) {
      expect(ours.Cognito[key], key).toEqual(amplify[key]);
    }
  });

  it('uses auth.aws_region for job links unless the file adds a top-level region', () => {
    const plain = parseConfigDocument({ ...OUTPUTS, region: 'us-east-1', pollIntervalSeconds: 10 });
    expect(plain.ok && plain.config.region).toBe('us-east-1');
    expect(plain.ok && plain.config.pollIntervalSeconds).toBe(10);
    expect(plain.ok && plain.config.Auth.Cognito.userPoolId).toBe('eu-west-1_AbCdEfGhI');
  });

  it('checks the endpoint rules against the page’s origin in this form too, naming the field', () => {
    const result = parseConfigDocument(
      { ...OUTPUTS, amplifyBackendEndpoint: 'https://proxy.example.com' },
      { pageOrigin: 'https://jobs.example.com' },
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['amplifyBackendEndpoint']);
  });

  it('keeps the dashboard settings placed beside Amplify sections', () => {
    const result = parseConfigDocument(
      {
        ...OUTPUTS,
        amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
        signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
        tokenStorage: 'local',
      },
      { pageOrigin: 'https://jobs.example.com' },
    );
    expect(result.ok && result.config).toMatchObject({
      amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      tokenStorage: 'local',
    });
  });

  it('reads guest access off and a minimal auth section (no oauth, no username attributes)', () => {
    const result = parseConfigDocument({
      version: '1',
      auth: {
        aws_region: 'us-east-1',
        user_pool_id: 'us-east-1_Pool1',
        user_pool_client_id: 'client123',
        identity_pool_id: 'us-east-1:00000000-0000-4000-8000-000000000000',
        unauthenticated_identities_enabled: false,
      },
    });
    expect(result).toEqual(
      parseAppConfig({
        region: 'us-east-1',
        Auth: {
          Cognito: {
            identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
            allowGuestAccess: false,
            userPoolId: 'us-east-1_Pool1',
            userPoolClientId: 'client123',
          },
        },
      }),
    );
  });

  it('takes authentication_flow_type as the sign-in flow', () => {
    const result = parseConfigDocument({ ...OUTPUTS, auth: { ...OUTPUTS.auth, authentication_flow_type: 'USER_PASSWORD_AUTH' } });
    expect(result.ok && result.config.authFlowType).toBe('USER_PASSWORD_AUTH');
  });

  it('names problems by the fields of amplify_outputs.json', () => {
    const { identity_pool_id: _dropped, ...withoutIdentityPool } = OUTPUTS.auth;
    const result = parseConfigDocument({
      ...OUTPUTS,
      pollIntervalSecond: 10,
      auth: {
        ...withoutIdentityPool,
        aws_region: 'eu-south-2',
        oauth: { ...OUTPUTS.auth.oauth, response_type: 'token' },
      },
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['auth.identity_pool_id', 'auth.aws_region', 'auth.oauth.response_type', 'pollIntervalSecond']),
    );
    expect(fields).toHaveLength(4);
    const region = result.ok ? undefined : result.problems.find((problem) => problem.field === 'auth.aws_region');
    expect(region?.expected).toMatch(/top-level "region"/);
  });

  it('reports a top-level region by its own name', () => {
    const result = parseConfigDocument({ ...OUTPUTS, region: 'mars-1' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['region']);
  });

  it('reports username_attributes that is not a list', () => {
    const result = parseConfigDocument({ ...OUTPUTS, auth: { ...OUTPUTS.auth, username_attributes: 'email', oauth: undefined } });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['auth.username_attributes']);
  });

  it('is shown as invalid by loadConfig, not as the demo', async () => {
    const result = await loadConfig(file({ version: '1', auth: { aws_region: 'us-east-1' } }));
    expect(result).toEqual({
      kind: 'invalid',
      problems: [expect.objectContaining({ field: 'auth.identity_pool_id' })],
    });
  });
});
