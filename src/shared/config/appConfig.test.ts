import { describe, expect, it } from 'vitest';
import { parseAppConfig, type ConfigParseResult, type ConfigProblem } from './appConfig';
import { AMPLIFY_BACKEND_REGIONS } from './regions';

const IDENTITY_POOL_ID = 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** The smallest config a real deployment can run with. */
function validRaw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: 'eu-west-1',
    Auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID } },
    ...overrides,
  };
}

function withCognito(cognito: Record<string, unknown>): Record<string, unknown> {
  return validRaw({ Auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID, ...cognito } } });
}

function problemsOf(result: ConfigParseResult): ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

function fieldsOf(result: ConfigParseResult): string[] {
  return problemsOf(result).map((problem) => problem.field);
}

describe('parseAppConfig: a valid file', () => {
  it('accepts the minimal config and fills in the defaults', () => {
    const result = parseAppConfig(validRaw());
    // toMatchObject: the config also carries sign-in settings that other screens own.
    expect(result).toMatchObject({
      ok: true,
      config: {
        demo: false,
        region: 'eu-west-1',
        Auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID } },
        pollIntervalSeconds: 5,
      },
    });
  });

  it('does not invent endpoint or signingHost when they are absent', () => {
    const result = parseAppConfig(validRaw());
    if (!result.ok) throw new Error('expected ok');
    expect(result.config).not.toHaveProperty('amplifyBackendEndpoint');
    expect(result.config).not.toHaveProperty('signingHost');
  });

  it('passes unknown Cognito members through untouched, since Amplify reads them', () => {
    const result = parseAppConfig(withCognito({ loginWith: { email: true }, allowGuestAccess: false }));
    if (!result.ok) throw new Error('expected ok');
    expect(result.config.Auth.Cognito.loginWith).toEqual({ email: true });
    expect(result.config.Auth.Cognito.allowGuestAccess).toBe(false);
  });

  it('accepts the fields later screens read (authFlowType, tokenStorage)', () => {
    expect(parseAppConfig(validRaw({ authFlowType: 'USER_SRP_AUTH', tokenStorage: 'session' })).ok).toBe(true);
  });

  it('keeps demo: true and an explicit demo: false', () => {
    const on = parseAppConfig(validRaw({ demo: true }));
    const off = parseAppConfig(validRaw({ demo: false }));
    expect(on.ok && on.config.demo).toBe(true);
    expect(off.ok && off.config.demo).toBe(false);
  });

  it('rejects a demo flag that is not a boolean', () => {
    expect(problemsOf(parseAppConfig(validRaw({ demo: 'yes' })))).toEqual([{ field: 'demo', expected: 'true or false' }]);
  });
});

describe('parseAppConfig: the root', () => {
  it.each([
    ['null', null],
    ['an array', [validRaw()]],
    ['a string', 'eu-west-1'],
    ['a number', 5],
    ['undefined', undefined],
  ])('rejects %s as the whole file', (_label, raw) => {
    expect(problemsOf(parseAppConfig(raw))).toEqual([{ field: '(root)', expected: 'a JSON object' }]);
  });
});

describe('parseAppConfig: region', () => {
  it.each([...AMPLIFY_BACKEND_REGIONS])('accepts %s, a region with AmplifyBackend', (region) => {
    const result = parseAppConfig(validRaw({ region }));
    expect(result.ok && result.config.region).toBe(region);
  });

  it.each([
    ['a region without AmplifyBackend', 'af-south-1'],
    ['a GovCloud region', 'us-gov-west-1'],
    ['a China region', 'cn-north-1'],
    ['upper case', 'US-EAST-1'],
    ['surrounding spaces', ' us-east-1 '],
    ['an empty string', ''],
    ['a number', 1],
    ['null', null],
  ])('rejects %s', (_label, region) => {
    expect(fieldsOf(parseAppConfig(validRaw({ region })))).toEqual(['region']);
  });

  it('requires a region', () => {
    const raw = validRaw();
    delete raw.region;
    const problems = problemsOf(parseAppConfig(raw));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('region');
    expect(problems[0]?.expected).toContain('us-east-1');
  });
});

describe('parseAppConfig: pollIntervalSeconds', () => {
  it('defaults to 5 seconds when absent', () => {
    const result = parseAppConfig(validRaw());
    expect(result.ok && result.config.pollIntervalSeconds).toBe(5);
  });

  it.each([1, 1.5, 5, 60, 300])('accepts %s seconds', (seconds) => {
    const result = parseAppConfig(validRaw({ pollIntervalSeconds: seconds }));
    expect(result.ok && result.config.pollIntervalSeconds).toBe(seconds);
  });

  it.each([
    ['zero', 0],
    ['just under the minimum', 0.999],
    ['negative', -5],
    ['just over the maximum', 300.001],
    ['far too large', 3600],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '5'],
    ['a boolean', true],
  ])('rejects %s', (_label, seconds) => {
    const problems = problemsOf(parseAppConfig(validRaw({ pollIntervalSeconds: seconds })));
    expect(problems).toEqual([{ field: 'pollIntervalSeconds', expected: 'a number of seconds from 1 to 300' }]);
  });
});

/** The dashboard's own origin, where a proxy route may live. */
const PAGE = { pageOrigin: 'https://jobs.example.com' };

describe('parseAppConfig: amplifyBackendEndpoint', () => {
  it.each([
    ['the page’s own origin', 'https://jobs.example.com', 'https://jobs.example.com'],
    [
      'a path on the page’s own origin (the proxy route)',
      'https://jobs.example.com/amplifybackend',
      'https://jobs.example.com/amplifybackend',
    ],
    [
      'the regional AmplifyBackend host',
      'https://amplifybackend.eu-west-1.amazonaws.com',
      'https://amplifybackend.eu-west-1.amazonaws.com',
    ],
    [
      'another supported region’s host',
      'https://amplifybackend.us-east-1.amazonaws.com/',
      'https://amplifybackend.us-east-1.amazonaws.com',
    ],
  ])('accepts %s', (_label, endpoint, stored) => {
    const result = parseAppConfig(validRaw({ amplifyBackendEndpoint: endpoint }), PAGE);
    expect(result.ok && result.config.amplifyBackendEndpoint).toBe(stored);
  });

  it.each([
    ['http on localhost', 'http://localhost:4010', 'http://localhost:4010'],
    ['http on 127.0.0.1', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http on [::1]', 'http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s for a page served from this machine (an emulator)', (_label, endpoint, stored) => {
    const result = parseAppConfig(validRaw({ amplifyBackendEndpoint: endpoint }), { pageOrigin: 'http://127.0.0.1:5173' });
    expect(result.ok && result.config.amplifyBackendEndpoint).toBe(stored);
  });

  it('drops trailing slashes so paths can be appended directly', () => {
    const result = parseAppConfig(validRaw({ amplifyBackendEndpoint: 'https://jobs.example.com/aws//' }), PAGE);
    expect(result.ok && result.config.amplifyBackendEndpoint).toBe('https://jobs.example.com/aws');
  });

  it.each([
    ['plain http to a remote host', 'http://proxy.example.com', 'http:// only for localhost'],
    ['http to a host that merely starts with localhost', 'http://localhost.evil.example', 'http:// only for localhost'],
    ['http to another loopback-looking address', 'http://127.0.0.2:4010', 'http:// only for localhost'],
    ['a javascript: URL', 'javascript:alert(1)', 'http:// only for localhost'],
    ['a data: URL', 'data:text/plain,hi', 'http:// only for localhost'],
    ['a file: URL', 'file:///etc/passwd', 'http:// only for localhost'],
    ['ftp', 'ftp://example.com', 'http:// only for localhost'],
    ['a relative path', '/aws', 'absolute https:// URL'],
    ['not a URL at all', 'proxy.example.com', 'absolute https:// URL'],
    ['a user name and password', 'https://user:secret@jobs.example.com', 'without user name or password'],
    ['a user name only', 'https://user@jobs.example.com', 'without user name or password'],
    ['a query', 'https://jobs.example.com/?x=1', 'without query or fragment'],
    ['a fragment', 'https://jobs.example.com/#top', 'without query or fragment'],
    ['a number', 443, 'absolute https:// URL'],
    ['null', null, 'absolute https:// URL'],
    ['another https host', 'https://proxy.example.com', "the dashboard's own origin (https://jobs.example.com)"],
    ['a sibling of the page’s host', 'https://evil.jobs.example.com/amplifybackend', "dashboard's own origin"],
    ['the page’s host on another port', 'https://jobs.example.com:8443/amplifybackend', "dashboard's own origin"],
    ['the page’s host over http', 'http://jobs.example.com/amplifybackend', 'http:// only for localhost'],
    ['someone’s S3 bucket', 'https://bucket.s3.amazonaws.com', 'https://amplifybackend.<region>.amazonaws.com'],
    ['an API Gateway', 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod', 'amplifybackend.<region>'],
    ['a look-alike AWS host', 'https://amplifybackend.eu-west-1.amazonaws.com.evil.example', 'amplifybackend.<region>'],
    ['an unsupported region', 'https://amplifybackend.mars-1.amazonaws.com', 'amplifybackend.<region>'],
    ['the Cognito host', 'https://cognito-identity.eu-west-1.amazonaws.com', 'amplifybackend.<region>'],
    ['the AWS host on another port', 'https://amplifybackend.eu-west-1.amazonaws.com:8443', 'amplifybackend.<region>'],
    ['the AWS host with a path', 'https://amplifybackend.eu-west-1.amazonaws.com/prod', 'without a path'],
    ['a loopback emulator from a page that is not on this machine', 'http://127.0.0.1:4010', "dashboard's own origin"],
  ])('rejects %s', (_label, endpoint, expectedWords) => {
    const problems = problemsOf(parseAppConfig(validRaw({ amplifyBackendEndpoint: endpoint }), PAGE));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('amplifyBackendEndpoint');
    expect(problems[0]?.expected).toContain(expectedWords);
  });

  it('without a page origin (npm run config) takes AWS hosts and loopback only', () => {
    expect(parseAppConfig(validRaw({ amplifyBackendEndpoint: 'https://amplifybackend.eu-west-1.amazonaws.com' })).ok).toBe(true);
    expect(parseAppConfig(validRaw({ amplifyBackendEndpoint: 'http://127.0.0.1:5173/amplifybackend' })).ok).toBe(true);
    expect(fieldsOf(parseAppConfig(validRaw({ amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend' })))).toEqual([
      'amplifyBackendEndpoint',
    ]);
  });

  // A bare "?" or "#" has an empty url.search / url.hash; kept, it would send every request to
  // "https://jobs.example.com?/backend/…", the root path with the job path in the query string.
  it.each([
    ['an empty query marker', 'https://jobs.example.com?'],
    ['an empty fragment marker', 'https://jobs.example.com#'],
  ])('rejects an endpoint ending in %s', (_label, endpoint) => {
    expect(fieldsOf(parseAppConfig(validRaw({ amplifyBackendEndpoint: endpoint }), PAGE))).toEqual(['amplifyBackendEndpoint']);
  });
});

describe('parseAppConfig: signingHost', () => {
  const endpoint = 'https://jobs.example.com/amplifybackend';

  it('is accepted together with an endpoint and stored in lower case', () => {
    const result = parseAppConfig(
      validRaw({ amplifyBackendEndpoint: endpoint, signingHost: 'AmplifyBackend.EU-West-1.amazonaws.com' }),
      PAGE,
    );
    expect(result.ok && result.config.signingHost).toBe('amplifybackend.eu-west-1.amazonaws.com');
  });

  it('is refused without an endpoint, because there is nothing to proxy', () => {
    const problems = problemsOf(parseAppConfig(validRaw({ signingHost: 'amplifybackend.eu-west-1.amazonaws.com' })));
    expect(problems).toEqual([{ field: 'signingHost', expected: 'only together with amplifyBackendEndpoint' }]);
  });

  it.each([
    ['a URL instead of a host', 'https://amplifybackend.eu-west-1.amazonaws.com'],
    ['a host with a path', 'amplifybackend.eu-west-1.amazonaws.com/prod'],
    ['a host with a space', 'amplify backend.amazonaws.com'],
    ['a label starting with a hyphen', '-bad.example.com'],
    ['an empty string', ''],
    ['a number', 42],
    ['a port', 'localhost:4010'],
    ['the AmplifyBackend host with a port', 'amplifybackend.eu-west-1.amazonaws.com:443'],
    ['another host name', 'proxy.example.com'],
    ['the page’s own host', 'jobs.example.com'],
    ['another AWS service', 'cognito-idp.eu-west-1.amazonaws.com'],
    ['an unsupported region', 'amplifybackend.mars-1.amazonaws.com'],
    ['a look-alike', 'amplifybackend.eu-west-1.amazonaws.com.evil.example'],
  ])('rejects %s', (_label, signingHost) => {
    const problems = problemsOf(parseAppConfig(validRaw({ amplifyBackendEndpoint: endpoint, signingHost }), PAGE));
    expect(problems.map((p) => p.field)).toEqual(['signingHost']);
    expect(problems[0]?.expected).toContain('amplifybackend.<region>.amazonaws.com');
  });

  it('reports both problems when a malformed signingHost comes without an endpoint', () => {
    const problems = problemsOf(parseAppConfig(validRaw({ signingHost: 'https://x' })));
    expect(problems.map((p) => p.field)).toEqual(['signingHost', 'signingHost']);
    expect(problems.map((p) => p.expected)).toEqual([
      expect.stringContaining('amplifybackend.<region>.amazonaws.com'),
      'only together with amplifyBackendEndpoint',
    ]);
  });
});

describe('parseAppConfig: amplifyEndpoint and amplifySigningHost (Amplify Hosting)', () => {
  /** Every kind of value the AmplifyBackend override is tested with, written for the Amplify Hosting host. */
  const samples: unknown[] = [
    'https://jobs.example.com',
    'https://jobs.example.com/amplify',
    'https://amplify.eu-west-1.amazonaws.com',
    'https://amplify.us-east-1.amazonaws.com/',
    'http://localhost:4010',
    'http://127.0.0.1:4010',
    'http://[::1]:4010',
    'http://proxy.example.com',
    'http://localhost.evil.example',
    'javascript:alert(1)',
    '/amplify',
    'https://user:secret@jobs.example.com',
    'https://jobs.example.com/?x=1',
    'https://jobs.example.com#',
    443,
    null,
    'https://proxy.example.com',
    'https://evil.jobs.example.com/amplify',
    'https://jobs.example.com:8443/amplify',
    'https://amplify.eu-west-1.amazonaws.com.evil.example',
    'https://amplify.mars-1.amazonaws.com',
    'https://amplify.eu-west-1.amazonaws.com:8443',
    'https://amplify.eu-west-1.amazonaws.com/prod',
  ];
  const asBackend = (value: unknown) => (typeof value === 'string' ? value.replace('://amplify.', '://amplifybackend.') : value);

  it.each([
    ['a page on the open web', PAGE],
    ['a page served from this machine', { pageOrigin: 'http://127.0.0.1:5173' }],
    ['no page origin (npm run config)', {}],
  ])('accepts and refuses exactly what amplifyBackendEndpoint does, for %s', (_label, options) => {
    for (const value of samples) {
      const hosting = parseAppConfig(validRaw({ amplifyEndpoint: value }), options);
      const backend = parseAppConfig(validRaw({ amplifyBackendEndpoint: asBackend(value) }), options);
      expect({ value, ok: hosting.ok }).toEqual({ value, ok: backend.ok });
      if (!hosting.ok && !backend.ok) {
        expect(hosting.problems.map((p) => p.field)).toEqual(['amplifyEndpoint']);
        expect(hosting.problems[0]?.expected).toBe(
          backend.problems[0]?.expected.replace('amplifybackend.<region>', 'amplify.<region>'),
        );
      }
    }
  });

  it('stores the endpoint without trailing slashes, apart from amplifyBackendEndpoint', () => {
    const result = parseAppConfig(
      validRaw({
        amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
        amplifyEndpoint: 'https://jobs.example.com/amplify//',
      }),
      PAGE,
    );
    expect(result.ok && result.config).toMatchObject({
      amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
      amplifyEndpoint: 'https://jobs.example.com/amplify',
    });
    expect(result.ok && result.config).not.toHaveProperty('amplifySigningHost');
  });

  it('does not invent them when they are absent', () => {
    const result = parseAppConfig(validRaw());
    expect(result.ok && result.config).not.toHaveProperty('amplifyEndpoint');
    expect(result.ok && result.config).not.toHaveProperty('amplifySigningHost');
  });

  it.each([
    ['the AmplifyBackend host', 'https://amplifybackend.eu-west-1.amazonaws.com'],
    ['the Cognito host', 'https://cognito-identity.eu-west-1.amazonaws.com'],
    ['a host that only starts like Amplify’s', 'https://amplifyx.eu-west-1.amazonaws.com'],
  ])('refuses %s as the Amplify Hosting endpoint', (_label, endpoint) => {
    const problems = problemsOf(parseAppConfig(validRaw({ amplifyEndpoint: endpoint }), PAGE));
    expect(problems.map((p) => p.field)).toEqual(['amplifyEndpoint']);
    expect(problems[0]?.expected).toContain('https://amplify.<region>.amazonaws.com');
  });

  it('refuses the Amplify Hosting host as the AmplifyBackend endpoint', () => {
    const problems = problemsOf(
      parseAppConfig(validRaw({ amplifyBackendEndpoint: 'https://amplify.eu-west-1.amazonaws.com' }), PAGE),
    );
    expect(problems.map((p) => p.field)).toEqual(['amplifyBackendEndpoint']);
  });

  it('takes amplifySigningHost beside amplifyEndpoint and stores it in lower case', () => {
    const result = parseAppConfig(
      validRaw({ amplifyEndpoint: 'https://jobs.example.com/amplify', amplifySigningHost: 'Amplify.EU-West-1.amazonaws.com' }),
      PAGE,
    );
    expect(result.ok && result.config.amplifySigningHost).toBe('amplify.eu-west-1.amazonaws.com');
  });

  it('refuses amplifySigningHost without amplifyEndpoint, even beside amplifyBackendEndpoint', () => {
    const problems = problemsOf(
      parseAppConfig(
        validRaw({
          amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
          amplifySigningHost: 'amplify.eu-west-1.amazonaws.com',
        }),
        PAGE,
      ),
    );
    expect(problems).toEqual([{ field: 'amplifySigningHost', expected: 'only together with amplifyEndpoint' }]);
  });

  it.each([
    ['a URL instead of a host', 'https://amplify.eu-west-1.amazonaws.com'],
    ['a host with a path', 'amplify.eu-west-1.amazonaws.com/prod'],
    ['an empty string', ''],
    ['a number', 42],
    ['the Amplify host with a port', 'amplify.eu-west-1.amazonaws.com:443'],
    ['the page’s own host', 'jobs.example.com'],
    ['the AmplifyBackend host', 'amplifybackend.eu-west-1.amazonaws.com'],
    ['an unsupported region', 'amplify.mars-1.amazonaws.com'],
    ['a look-alike', 'amplify.eu-west-1.amazonaws.com.evil.example'],
  ])('refuses %s as amplifySigningHost, by that name', (_label, amplifySigningHost) => {
    const problems = problemsOf(
      parseAppConfig(validRaw({ amplifyEndpoint: 'https://jobs.example.com/amplify', amplifySigningHost }), PAGE),
    );
    expect(problems).toEqual([
      { field: 'amplifySigningHost', expected: 'an Amplify Hosting host: "amplify.<region>.amazonaws.com"' },
    ]);
  });

  it('keeps signingHost for AmplifyBackend: the Amplify Hosting host is refused there', () => {
    const problems = problemsOf(
      parseAppConfig(
        validRaw({
          amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
          signingHost: 'amplify.eu-west-1.amazonaws.com',
        }),
        PAGE,
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(['signingHost']);
  });
});

describe('parseAppConfig: Auth', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', IDENTITY_POOL_ID],
    ['an array', [{ Cognito: { identityPoolId: IDENTITY_POOL_ID } }]],
  ])('reports Auth when it is %s', (_label, auth) => {
    const problems = problemsOf(parseAppConfig(validRaw({ Auth: auth })));
    expect(problems.map((p) => p.field)).toEqual(['Auth']);
    expect(problems[0]?.expected).toContain('identityPoolId');
  });

  it('reports Auth.Cognito when it is missing', () => {
    expect(fieldsOf(parseAppConfig(validRaw({ Auth: {} })))).toEqual(['Auth.Cognito']);
  });

  it('reports Auth.Cognito when it is not an object', () => {
    expect(fieldsOf(parseAppConfig(validRaw({ Auth: { Cognito: 'us-east-1' } })))).toEqual(['Auth.Cognito']);
  });

  it.each([
    ['us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
    ['ap-northeast-3:00000000-0000-0000-0000-000000000000'],
    ['us-gov-west-1:ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ])('accepts the identity pool ID %s', (identityPoolId) => {
    expect(parseAppConfig(validRaw({ Auth: { Cognito: { identityPoolId } } })).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['a bare UUID', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
    ['upper-case hex', 'us-east-1:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D'],
    ['a user pool ID', 'us-east-1_AbC123'],
    ['a truncated UUID', 'us-east-1:0a1b2c3d-4e5f-4a6b-8c7d'],
    ['a region without its number', 'us-east:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
    ['trailing text', `${IDENTITY_POOL_ID}x`],
    ['a number', 123],
  ])('rejects an identity pool ID that is %s', (_label, identityPoolId) => {
    const problems = problemsOf(parseAppConfig(validRaw({ Auth: { Cognito: { identityPoolId } } })));
    expect(problems.map((p) => p.field)).toEqual(['Auth.Cognito.identityPoolId']);
  });

  it('rejects a non-boolean allowGuestAccess', () => {
    expect(fieldsOf(parseAppConfig(withCognito({ allowGuestAccess: 'true' })))).toEqual(['Auth.Cognito.allowGuestAccess']);
  });

  it('accepts userPoolId and userPoolClientId together', () => {
    const result = parseAppConfig(withCognito({ userPoolId: 'eu-west-1_AbC123', userPoolClientId: '1example23456789' }));
    expect(result.ok).toBe(true);
  });

  it('names userPoolClientId when only userPoolId is given', () => {
    const problems = problemsOf(parseAppConfig(withCognito({ userPoolId: 'eu-west-1_AbC123' })));
    expect(problems).toEqual([
      { field: 'Auth.Cognito.userPoolClientId', expected: 'userPoolId and userPoolClientId together, or neither' },
    ]);
  });

  it('names userPoolId when only userPoolClientId is given', () => {
    const problems = problemsOf(parseAppConfig(withCognito({ userPoolClientId: '1example23456789' })));
    expect(problems).toEqual([
      { field: 'Auth.Cognito.userPoolId', expected: 'userPoolId and userPoolClientId together, or neither' },
    ]);
  });

  it.each([
    ['an identity pool ID', 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
    ['no underscore', 'eu-west-1AbC123'],
    ['nothing after the underscore', 'eu-west-1_'],
  ])('rejects a userPoolId that is %s', (_label, userPoolId) => {
    const problems = problemsOf(parseAppConfig(withCognito({ userPoolId, userPoolClientId: 'abc123' })));
    expect(problems.map((p) => p.field)).toEqual(['Auth.Cognito.userPoolId']);
  });

  it.each([
    ['punctuation', 'abc-123'],
    ['an empty string', ''],
    ['longer than 128 characters', 'a'.repeat(129)],
  ])('rejects a userPoolClientId with %s', (_label, userPoolClientId) => {
    const problems = problemsOf(parseAppConfig(withCognito({ userPoolId: 'eu-west-1_AbC123', userPoolClientId })));
    expect(problems.map((p) => p.field)).toEqual(['Auth.Cognito.userPoolClientId']);
  });

  it('accepts a userPoolClientId of exactly 128 characters', () => {
    expect(parseAppConfig(withCognito({ userPoolId: 'eu-west-1_AbC123', userPoolClientId: 'a'.repeat(128) })).ok).toBe(true);
  });

  it('applies the endpoint rules to identityPoolEndpoint and userPoolEndpoint', () => {
    expect(parseAppConfig(withCognito({ identityPoolEndpoint: 'http://localhost:9229' })).ok).toBe(true);
    const problems = problemsOf(
      parseAppConfig(
        withCognito({ identityPoolEndpoint: 'http://cognito.example.com', userPoolEndpoint: 'javascript:alert(1)' }),
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(['Auth.Cognito.identityPoolEndpoint', 'Auth.Cognito.userPoolEndpoint']);
  });

  it('takes a Cognito endpoint only at its service’s own host, the page’s origin or (from this machine) loopback', () => {
    const ok = (cognito: Record<string, unknown>, options = PAGE) => parseAppConfig(withCognito(cognito), options).ok;
    expect(ok({ identityPoolEndpoint: 'https://cognito-identity.eu-west-1.amazonaws.com' })).toBe(true);
    expect(
      ok({
        userPoolId: 'eu-west-1_AbC123',
        userPoolClientId: 'abc',
        userPoolEndpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
      }),
    ).toBe(true);
    expect(ok({ identityPoolEndpoint: 'https://jobs.example.com/cognito' })).toBe(true);
    expect(ok({ identityPoolEndpoint: 'http://127.0.0.1:4010' }, { pageOrigin: 'http://127.0.0.1:4173' })).toBe(true);
    const problems = problemsOf(
      parseAppConfig(
        withCognito({
          identityPoolEndpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
          userPoolId: 'eu-west-1_AbC123',
          userPoolClientId: 'abc',
          userPoolEndpoint: 'https://cognito.example.com',
        }),
        PAGE,
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(['Auth.Cognito.identityPoolEndpoint', 'Auth.Cognito.userPoolEndpoint']);
    expect(problems[0]?.expected).toContain('https://cognito-identity.<region>.amazonaws.com');
    expect(problems[1]?.expected).toContain('https://cognito-idp.<region>.amazonaws.com');
    expect(fieldsOf(parseAppConfig(withCognito({ identityPoolEndpoint: 'http://127.0.0.1:4010' }), PAGE))).toEqual([
      'Auth.Cognito.identityPoolEndpoint',
    ]);
  });
});

describe('parseAppConfig: unknown fields', () => {
  it('reports a misspelt top-level field by name', () => {
    const problems = problemsOf(parseAppConfig(validRaw({ pollIntervalSecond: 10 })));
    expect(problems).toEqual([{ field: 'pollIntervalSecond', expected: 'no such field (check its spelling)' }]);
  });

  it('reports the lower-case auth as unknown rather than reading it', () => {
    const raw = validRaw({ auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID } } });
    delete raw.Auth;
    expect(fieldsOf(parseAppConfig(raw)).sort()).toEqual(['Auth', 'auth']);
  });
});

describe('parseAppConfig: every problem at once', () => {
  it('lists all broken fields in one answer, each with its own field name', () => {
    const result = parseAppConfig({
      demo: 'no',
      region: 'mars-1',
      pollIntervalSeconds: 0,
      amplifyBackendEndpoint: 'http://proxy.example.com',
      signingHost: 'not a host',
      amplifyEndpoint: 'https://amplify.eu-west-1.amazonaws.com/prod',
      amplifySigningHost: 'amplifybackend.eu-west-1.amazonaws.com',
      Auth: { Cognito: { identityPoolId: 'nope', allowGuestAccess: 1, userPoolId: 'eu-west-1_X' } },
      colour: 'blue',
    });
    expect(fieldsOf(result).sort()).toEqual(
      [
        'colour',
        'demo',
        'region',
        'pollIntervalSeconds',
        'amplifyBackendEndpoint',
        'signingHost',
        'amplifyEndpoint',
        'amplifySigningHost',
        'Auth.Cognito.identityPoolId',
        'Auth.Cognito.allowGuestAccess',
        'Auth.Cognito.userPoolClientId',
      ].sort(),
    );
    for (const problem of problemsOf(result)) expect(problem.expected.length).toBeGreaterThan(0);
  });

  it('still reports top-level problems when Auth is missing entirely', () => {
    expect(fieldsOf(parseAppConfig({ region: 'nowhere' })).sort()).toEqual(['Auth', 'region']);
  });
});
