import { describe, expect, it } from 'vitest';
import { parseAppConfig, type AppConfig, type ConfigParseResult, type ConfigProblem } from './appConfig';

const IDENTITY_POOL_ID = 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const USER_POOL = { userPoolId: 'eu-west-1_AbC123', userPoolClientId: '1example23456789' };

function validRaw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { region: 'eu-west-1', Auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID } }, ...overrides };
}

function withCognito(cognito: Record<string, unknown>): Record<string, unknown> {
  return validRaw({ Auth: { Cognito: { identityPoolId: IDENTITY_POOL_ID, ...cognito } } });
}

const VALID_OAUTH = {
  domain: 'myapp.auth.eu-west-1.amazoncognito.com',
  scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
  redirectSignIn: ['https://jobs.example.com/'],
  redirectSignOut: ['https://jobs.example.com/signed-out'],
  responseType: 'code',
};

function withOAuth(oauth: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return withCognito({ ...USER_POOL, loginWith: { email: true, oauth }, ...extra });
}

function configOf(result: ConfigParseResult): AppConfig {
  if (!result.ok) throw new Error(`expected a config, got problems: ${JSON.stringify(result.problems)}`);
  return result.config;
}

function problemsOf(result: ConfigParseResult): ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

const fieldsOf = (result: ConfigParseResult) => problemsOf(result).map((problem) => problem.field);

describe('parseAppConfig: authFlowType', () => {
  it('defaults to SRP, so the password never leaves the browser', () => {
    expect(configOf(parseAppConfig(validRaw())).authFlowType).toBe('USER_SRP_AUTH');
  });

  it.each(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'])('accepts %s', (authFlowType) => {
    expect(configOf(parseAppConfig(validRaw({ authFlowType }))).authFlowType).toBe(authFlowType);
  });

  it.each([
    ['a flow the dashboard does not support', 'CUSTOM_WITH_SRP'],
    ['choice-based sign-in', 'USER_AUTH'],
    ['lower case', 'user_srp_auth'],
    ['surrounding spaces', ' USER_SRP_AUTH '],
    ['an empty string', ''],
    ['a number', 1],
    ['a list', ['USER_SRP_AUTH']],
    ['a boolean', true],
  ])('rejects %s, naming both accepted values', (_label, authFlowType) => {
    const problems = problemsOf(parseAppConfig(validRaw({ authFlowType })));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('authFlowType');
    expect(problems[0]?.expected).toContain('"USER_SRP_AUTH"');
    expect(problems[0]?.expected).toContain('"USER_PASSWORD_AUTH"');
  });
});

describe('parseAppConfig: tokenStorage', () => {
  it('defaults to this tab only', () => {
    expect(configOf(parseAppConfig(validRaw())).tokenStorage).toBe('session');
  });

  it.each(['session', 'local'])('accepts %s', (tokenStorage) => {
    expect(configOf(parseAppConfig(validRaw({ tokenStorage }))).tokenStorage).toBe(tokenStorage);
  });

  it.each([
    ['a storage API name', 'sessionStorage'],
    ['cookies', 'cookie'],
    ['upper case', 'LOCAL'],
    ['an empty string', ''],
    ['a boolean', false],
    ['an object', { type: 'local' }],
  ])('rejects %s, naming both accepted values', (_label, tokenStorage) => {
    const problems = problemsOf(parseAppConfig(validRaw({ tokenStorage })));
    expect(problems).toEqual([{ field: 'tokenStorage', expected: '"session" (the default) or "local"' }]);
  });

  it('reports authFlowType and tokenStorage together with other problems', () => {
    expect(fieldsOf(parseAppConfig(validRaw({ authFlowType: 'x', tokenStorage: 'y', region: 'mars-1' })))).toEqual([
      'region',
      'authFlowType',
      'tokenStorage',
    ]);
  });
});

describe('parseAppConfig: Auth.Cognito.loginWith', () => {
  it.each([[{ username: true }], [{ email: true }], [{ phone: true }], [{ username: true, email: true, phone: false }], [{}]])(
    'accepts %j and passes it through unchanged',
    (loginWith) => {
      const config = configOf(parseAppConfig(withCognito({ ...USER_POOL, loginWith })));
      expect(config.Auth.Cognito.loginWith).toEqual(loginWith);
    },
  );

  it.each([
    ['a string', 'email'],
    ['a list', ['email']],
    ['null', null],
    ['true', true],
  ])('rejects a loginWith that is %s', (_label, loginWith) => {
    const problems = problemsOf(parseAppConfig(withCognito({ ...USER_POOL, loginWith })));
    expect(problems).toEqual([{ field: 'Auth.Cognito.loginWith', expected: 'an object such as { "email": true }' }]);
  });

  it('names each sign-in alias that is not true or false', () => {
    const problems = problemsOf(
      parseAppConfig(withCognito({ ...USER_POOL, loginWith: { username: 'yes', email: 1, phone: null } })),
    );
    expect(problems).toEqual([
      { field: 'Auth.Cognito.loginWith.username', expected: 'true or false' },
      { field: 'Auth.Cognito.loginWith.email', expected: 'true or false' },
      { field: 'Auth.Cognito.loginWith.phone', expected: 'true or false' },
    ]);
  });

  it('passes unknown loginWith members through, since Amplify reads them', () => {
    const config = configOf(parseAppConfig(withCognito({ ...USER_POOL, loginWith: { email: true, somethingNew: 1 } })));
    expect(config.Auth.Cognito.loginWith).toEqual({ email: true, somethingNew: 1 });
  });
});

describe('parseAppConfig: Auth.Cognito.loginWith.oauth (Hosted UI)', () => {
  it('accepts a complete Hosted UI setup and passes it through unchanged', () => {
    const oauth = { ...VALID_OAUTH, providers: ['Google', { custom: 'Okta' }] };
    const config = configOf(parseAppConfig(withOAuth(oauth)));
    expect(config.Auth.Cognito.loginWith?.oauth).toEqual(oauth);
  });

  it.each([
    ['a Cognito prefix domain', 'my-app-123.auth.us-west-2.amazoncognito.com'],
    ['a Cognito prefix domain in capitals', 'My-App.auth.EU-WEST-1.amazoncognito.com'],
    ['a one-letter prefix', 'a.auth.ap-southeast-2.amazoncognito.com'],
  ])('accepts %s', (_label, domain) => {
    expect(parseAppConfig(withOAuth({ ...VALID_OAUTH, domain })).ok).toBe(true);
  });

  // The domain receives the authorization code and the PKCE verifier: only Cognito's own hosts, unless
  // the config names a custom domain on purpose.
  const COGNITO_DOMAIN_EXPECTED =
    'a Cognito Hosted UI domain "<prefix>.auth.<region>.amazoncognito.com", or a custom domain named the same in hostedUiCustomDomain';
  it.each([
    ['a custom domain not named in hostedUiCustomDomain', 'auth.example.com'],
    ['a look-alike under another domain', 'myapp.auth.eu-west-1.amazoncognito.com.example.com'],
    ['amazoncognito.com without the auth label', 'myapp.eu-west-1.amazoncognito.com'],
    ['a prefix with a dot', 'my.app.auth.eu-west-1.amazoncognito.com'],
    ['no region', 'myapp.auth.amazoncognito.com'],
    ['a loopback emulator', 'localhost:9229'],
    ['a prefix ending in a hyphen', 'myapp-.auth.eu-west-1.amazoncognito.com'],
  ])('refuses %s, naming oauth.domain', (_label, domain) => {
    expect(problemsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, domain })))).toEqual([
      { field: 'Auth.Cognito.loginWith.oauth.domain', expected: COGNITO_DOMAIN_EXPECTED },
    ]);
  });

  it('accepts a custom domain when hostedUiCustomDomain names the same host', () => {
    const raw = { ...withOAuth({ ...VALID_OAUTH, domain: 'auth.example.com' }), hostedUiCustomDomain: 'Auth.Example.com' };
    const config = configOf(parseAppConfig(raw));
    expect(config.Auth.Cognito.loginWith?.oauth?.domain).toBe('auth.example.com');
    expect(config.hostedUiCustomDomain).toBe('auth.example.com');
  });

  it('refuses hostedUiCustomDomain that names another host, is not a host, or has no Hosted UI to go with', () => {
    const other = { ...withOAuth({ ...VALID_OAUTH, domain: 'auth.example.com' }), hostedUiCustomDomain: 'login.example.com' };
    expect(problemsOf(parseAppConfig(other))).toEqual([
      { field: 'Auth.Cognito.loginWith.oauth.domain', expected: COGNITO_DOMAIN_EXPECTED },
      {
        field: 'hostedUiCustomDomain',
        expected: 'the same host as Auth.Cognito.loginWith.oauth.domain (the custom domain of your Hosted UI)',
      },
    ]);
    for (const hostedUiCustomDomain of ['https://auth.example.com', '', 42, ['auth.example.com']]) {
      const raw = { ...withOAuth({ ...VALID_OAUTH, domain: 'auth.example.com' }), hostedUiCustomDomain };
      expect(fieldsOf(parseAppConfig(raw)), JSON.stringify(hostedUiCustomDomain)).toContain('hostedUiCustomDomain');
    }
    expect(problemsOf(parseAppConfig({ ...withCognito(USER_POOL), hostedUiCustomDomain: 'auth.example.com' }))).toEqual([
      { field: 'hostedUiCustomDomain', expected: 'only together with Auth.Cognito.loginWith.oauth (the Hosted UI)' },
    ]);
  });

  it('accepts loopback http redirects for local development', () => {
    const oauth = {
      ...VALID_OAUTH,
      redirectSignIn: ['http://localhost:5173/', 'https://jobs.example.com/'],
      redirectSignOut: ['http://127.0.0.1:4173/'],
    };
    expect(parseAppConfig(withOAuth(oauth)).ok).toBe(true);
  });

  it('needs a user pool to sign in to', () => {
    const problems = problemsOf(parseAppConfig(withCognito({ loginWith: { oauth: VALID_OAUTH } })));
    expect(problems).toEqual([
      { field: 'Auth.Cognito.loginWith.oauth', expected: 'a user pool (userPoolId and userPoolClientId) to sign in to' },
    ]);
  });

  it.each([
    ['a URL instead of a host', 'https://myapp.auth.eu-west-1.amazoncognito.com'],
    ['a trailing slash', 'myapp.auth.eu-west-1.amazoncognito.com/'],
    ['a path', 'myapp.auth.eu-west-1.amazoncognito.com/login'],
    ['an empty string', ''],
    ['spaces', 'my app.example.com'],
    ['a list', ['myapp.auth.eu-west-1.amazoncognito.com']],
    ['missing', undefined],
  ])('rejects a domain that is %s', (_label, domain) => {
    expect(fieldsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, domain })))).toEqual(['Auth.Cognito.loginWith.oauth.domain']);
  });

  it.each([
    ['a space-separated string', 'openid email'],
    ['a list with a number', ['openid', 42]],
    ['missing', undefined],
    ['an object', { openid: true }],
  ])('rejects scopes that are %s', (_label, scopes) => {
    expect(fieldsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, scopes })))).toEqual(['Auth.Cognito.loginWith.oauth.scopes']);
  });

  it.each(['redirectSignIn', 'redirectSignOut'] as const)('rejects %s unless it is a non-empty list of https URLs', (key) => {
    const bad: [string, unknown][] = [
      ['a single string', 'https://jobs.example.com/'],
      ['an empty list', []],
      ['plain http on a real host', ['http://jobs.example.com/']],
      ['one bad URL among good ones', ['https://jobs.example.com/', 'not a url']],
      ['a relative path', ['/callback']],
      ['a URL with a query', ['https://jobs.example.com/?next=1']],
      ['a URL with a user name', ['https://user:pw@jobs.example.com/']],
      ['a javascript: URL', ['javascript:alert(1)']],
      ['a number', [443]],
      ['missing', undefined],
    ];
    for (const [label, value] of bad) {
      const problems = problemsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, [key]: value })));
      expect(problems, label).toEqual([
        { field: `Auth.Cognito.loginWith.oauth.${key}`, expected: 'a list of https:// URLs of this dashboard' },
      ]);
    }
  });

  it('names a list with several bad entries once', () => {
    expect(problemsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, redirectSignIn: ['not a url', 443], scopes: [1, 2] })))).toEqual(
      [
        { field: 'Auth.Cognito.loginWith.oauth.scopes', expected: 'a list of scopes such as ["openid", "email"]' },
        { field: 'Auth.Cognito.loginWith.oauth.redirectSignIn', expected: 'a list of https:// URLs of this dashboard' },
      ],
    );
  });

  it.each([
    ['a single name', 'Google'],
    ['a number among names', ['Google', 4]],
    ['an object without custom', [{ name: 'Okta' }]],
  ])('rejects providers that are %s, since the sign-in screen shows a button for each', (_label, providers) => {
    expect(problemsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, providers })))).toEqual([
      {
        field: 'Auth.Cognito.loginWith.oauth.providers',
        expected: 'a list of identity providers such as ["Google", { "custom": "Okta" }]',
      },
    ]);
  });

  it.each([
    ['the implicit flow', 'token'],
    ['upper case', 'CODE'],
    ['missing', undefined],
    ['a list', ['code']],
  ])('requires responseType "code", refusing %s', (_label, responseType) => {
    expect(problemsOf(parseAppConfig(withOAuth({ ...VALID_OAUTH, responseType })))).toEqual([
      { field: 'Auth.Cognito.loginWith.oauth.responseType', expected: '"code" (authorization code with PKCE)' },
    ]);
  });

  it.each([
    ['a string', 'hosted-ui'],
    ['a list', [VALID_OAUTH]],
    ['null', null],
  ])('rejects an oauth that is %s', (_label, oauth) => {
    expect(problemsOf(parseAppConfig(withOAuth(oauth)))).toEqual([
      { field: 'Auth.Cognito.loginWith.oauth', expected: "Amplify's Hosted UI settings" },
    ]);
  });

  it('lists every Hosted UI problem at once, each under its own field', () => {
    expect(fieldsOf(parseAppConfig(withCognito({ loginWith: { email: 'yes', oauth: {} } })))).toEqual([
      'Auth.Cognito.loginWith.email',
      'Auth.Cognito.loginWith.oauth',
      'Auth.Cognito.loginWith.oauth.domain',
      'Auth.Cognito.loginWith.oauth.scopes',
      'Auth.Cognito.loginWith.oauth.redirectSignIn',
      'Auth.Cognito.loginWith.oauth.redirectSignOut',
      'Auth.Cognito.loginWith.oauth.responseType',
    ]);
  });

  it('is not required: a user pool without Hosted UI signs in on the dashboard’s own form', () => {
    const config = configOf(parseAppConfig(withCognito({ ...USER_POOL, loginWith: { username: true } })));
    expect(config.Auth.Cognito.loginWith).not.toHaveProperty('oauth');
  });
});
