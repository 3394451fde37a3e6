// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STACK_OUTPUTS } from '../scripts/config';
import { evaluateStack, getAtt, ref, type EvaluatedStack, type Template } from '../tools/cloudformation';

const template = JSON.parse(readFileSync(new URL('./dashboard-auth.json', import.meta.url), 'utf8')) as Template;

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
type RoleProperties = {
  AssumeRolePolicyDocument: { Statement: Statement[] };
  Policies?: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
  ManagedPolicyArns?: unknown;
  PermissionsBoundary?: unknown;
};

function roles(stack: EvaluatedStack) {
  return Object.entries(stack.resources).filter(([, resource]) => resource.Type === 'AWS::IAM::Role') as unknown as [
    string,
    { Properties: RoleProperties },
  ][];
}

function allowStatements(stack: EvaluatedStack): Statement[] {
  return roles(stack).flatMap(([, role]) =>
    (role.Properties.Policies ?? []).flatMap((policy) => policy.PolicyDocument.Statement),
  );
}

const ACTIONS = ['amplifybackend:GetBackendJob', 'amplifybackend:ListBackendJobs'];
/** Amplify Hosting: read-only, one statement each (GetJob on job ARNs, ListJobs on branch ARNs). */
const HOSTING_ACTIONS = ['amplify:GetJob', 'amplify:ListJobs'];

/** The statements granting `action`, over every role. */
function statementsFor(stack: EvaluatedStack, action: string): Statement[] {
  return allowStatements(stack).filter((statement) => [statement.Action].flat().includes(action));
}

/** The resource types the Service Authorization Reference names: GetJob a job, ListJobs a branch. */
function hostingResourcesOf(appId: string, region = 'eu-west-1', account = '111122223333') {
  const app = `arn:aws:amplify:${region}:${account}:apps/${appId}`;
  return {
    job: [`${app}/branches/main/jobs/12`, `${app}/branches/feature/login/jobs/0000000001`],
    branch: [`${app}/branches/main`],
  };
}
/** Guest access needs explicit apps: the tests that turn it on name this one. */
const ONE_APP = 'arn:aws:amplifybackend:eu-west-1:111122223333:/backend/d2k9xq7v1ab3cd/*';

/** IAM's ARN matching in a Resource element: `*` any run of characters (slashes too), `?` one. */
function iamMatches(pattern: string, arn: string): boolean {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(arn);
}

/**
 * The resource types the Service Authorization Reference lists for both actions, for one app:
 * backend (`/backend/${AppId}/*`) and job (`/backend/${AppId}/job/*`).
 */
function resourcesOf(appId: string, region = 'eu-west-1', account = '111122223333'): string[] {
  return [
    `arn:aws:amplifybackend:${region}:${account}:/backend/${appId}/environments`,
    `arn:aws:amplifybackend:${region}:${account}:/backend/${appId}/job/staging`,
  ];
}

function allowed(resource: unknown, arn: string): boolean {
  return [resource].flat().some((pattern) => typeof pattern === 'string' && iamMatches(pattern, arn));
}

describe('deploy/dashboard-auth.json', () => {
  it('creates only Cognito pools, the client, roles and their attachment (no other IAM grants anywhere)', () => {
    const types = new Set(Object.values(template.Resources).map((resource) => resource.Type));
    expect([...types].sort()).toEqual([
      'AWS::Cognito::IdentityPool',
      'AWS::Cognito::IdentityPoolRoleAttachment',
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolClient',
      'AWS::Cognito::UserPoolDomain',
      'AWS::IAM::Role',
    ]);
  });

  describe('IAM: read-only, two actions per service', () => {
    for (const guest of ['false', 'true']) {
      it(`allows exactly GetBackendJob, ListBackendJobs, GetJob and ListJobs and nothing else (guest access ${guest})`, () => {
        const stack = evaluateStack(template, { parameters: { AllowGuestAccess: guest, AppArns: ONE_APP } });
        for (const [, role] of roles(stack)) {
          expect(role.Properties.ManagedPolicyArns).toBeUndefined();
          expect(role.Properties.Policies).toHaveLength(1);
          const statements = role.Properties.Policies?.[0]?.PolicyDocument.Statement ?? [];
          for (const statement of statements) expect(statement.Effect).toBe('Allow');
          expect(statements.map((statement) => [statement.Action].flat().sort())).toEqual([
            ACTIONS,
            ['amplify:GetJob'],
            ['amplify:ListJobs'],
          ]);
        }
        expect(roles(stack)).toHaveLength(guest === 'true' ? 2 : 1);
      });
    }

    it('scopes them by default to every app of the stack’s account and region', () => {
      const stack = evaluateStack(template, { region: 'eu-west-1', accountId: '111122223333' });
      expect(allowStatements(stack)[0]?.Resource).toBe('arn:aws:amplifybackend:eu-west-1:111122223333:/backend/*');
      expect(statementsFor(stack, 'amplify:GetJob')[0]?.Resource).toBe(
        'arn:aws:amplify:eu-west-1:111122223333:apps/*/branches/*/jobs/*',
      );
      expect(statementsFor(stack, 'amplify:ListJobs')[0]?.Resource).toBe(
        'arn:aws:amplify:eu-west-1:111122223333:apps/*/branches/*',
      );
      const china = evaluateStack(template, { region: 'cn-north-1', accountId: '111122223333', partition: 'aws-cn' });
      expect(allowStatements(china)[0]?.Resource).toBe('arn:aws-cn:amplifybackend:cn-north-1:111122223333:/backend/*');
      expect(statementsFor(china, 'amplify:GetJob')[0]?.Resource).toBe(
        'arn:aws-cn:amplify:cn-north-1:111122223333:apps/*/branches/*/jobs/*',
      );
    });

    it('scopes them to the given apps’ backend ARNs when AppArns is set, for every role', () => {
      const arns = [
        'arn:aws:amplifybackend:eu-west-1:111122223333:/backend/d2k9xq7v1ab3cd/*',
        'arn:aws:amplifybackend:us-east-1:111122223333:/backend/d1abcdef/*',
      ];
      const stack = evaluateStack(template, { parameters: { AppArns: arns.join(','), AllowGuestAccess: 'true' } });
      for (const statement of statementsFor(stack, 'amplifybackend:GetBackendJob')) expect(statement.Resource).toEqual(arns);
      const getJob = statementsFor(stack, 'amplify:GetJob');
      const listJobs = statementsFor(stack, 'amplify:ListJobs');
      expect([getJob.length, listJobs.length]).toEqual([2, 2]);
      for (const statement of getJob) {
        expect(statement.Resource).toEqual([
          'arn:aws:amplify:eu-west-1:111122223333:apps/d2k9xq7v1ab3cd/branches/*/jobs/*',
          'arn:aws:amplify:us-east-1:111122223333:apps/d1abcdef/branches/*/jobs/*',
        ]);
      }
      for (const statement of listJobs) {
        expect(statement.Resource).toEqual([
          'arn:aws:amplify:eu-west-1:111122223333:apps/d2k9xq7v1ab3cd/branches/*',
          'arn:aws:amplify:us-east-1:111122223333:apps/d1abcdef/branches/*',
        ]);
      }
    });

    it('grants GetJob and ListJobs on the Amplify Hosting jobs and branches of the given apps only, never a write', () => {
      const stack = evaluateStack(template, { parameters: { AppArns: ONE_APP, AllowGuestAccess: 'true' } });
      const getJob = statementsFor(stack, 'amplify:GetJob')[0]?.Resource;
      const listJobs = statementsFor(stack, 'amplify:ListJobs')[0]?.Resource;
      const mine = hostingResourcesOf('d2k9xq7v1ab3cd');
      for (const arn of mine.job) expect(allowed(getJob, arn), arn).toBe(true);
      for (const arn of mine.branch) expect(allowed(listJobs, arn), arn).toBe(true);
      for (const other of [
        hostingResourcesOf('d1otherapp'),
        hostingResourcesOf('d2k9xq7v1ab3cdX'),
        hostingResourcesOf('d2k9xq7v1ab3cd', 'us-east-1'),
        hostingResourcesOf('d2k9xq7v1ab3cd', 'eu-west-1', '999999999999'),
      ]) {
        for (const arn of other.job) expect(allowed(getJob, arn), arn).toBe(false);
        for (const arn of other.branch) expect(allowed(listJobs, arn), arn).toBe(false);
      }
      // The app itself (GetApp, ListBranches) and its domains are not granted.
      for (const arn of [
        'arn:aws:amplify:eu-west-1:111122223333:apps/d2k9xq7v1ab3cd',
        'arn:aws:amplify:eu-west-1:111122223333:apps/d2k9xq7v1ab3cd/domains/example.com',
      ]) {
        expect(allowed(getJob, arn) || allowed(listJobs, arn), arn).toBe(false);
      }
      const everyAction = allowStatements(stack).flatMap((statement) => [statement.Action].flat());
      expect(new Set(everyAction)).toEqual(new Set([...ACTIONS, ...HOSTING_ACTIONS]));
      for (const write of ['amplify:StartJob', 'amplify:StopJob', 'amplify:DeleteJob', 'amplify:*'])
        expect(everyAction, write).not.toContain(write);
    });

    it('grants the resource types the two actions need, and only for the apps and account given', () => {
      const everyApp = allowStatements(evaluateStack(template, { region: 'eu-west-1', accountId: '111122223333' }))[0]?.Resource;
      for (const arn of resourcesOf('d2k9xq7v1ab3cd')) expect(allowed(everyApp, arn), arn).toBe(true);
      for (const arn of [
        ...resourcesOf('d2k9xq7v1ab3cd', 'us-east-1'),
        ...resourcesOf('d2k9xq7v1ab3cd', 'eu-west-1', '999999999999'),
      ]) {
        expect(allowed(everyApp, arn), arn).toBe(false);
      }

      const oneApp = allowStatements(
        evaluateStack(template, {
          parameters: { AppArns: 'arn:aws:amplifybackend:eu-west-1:111122223333:/backend/d2k9xq7v1ab3cd/*' },
        }),
      )[0]?.Resource;
      for (const arn of resourcesOf('d2k9xq7v1ab3cd')) expect(allowed(oneApp, arn), arn).toBe(true);
      for (const arn of [...resourcesOf('d1otherapp'), ...resourcesOf('d2k9xq7v1ab3cdX')])
        expect(allowed(oneApp, arn), arn).toBe(false);
    });

    it('accepts * only alone: inside a list it would hand every role Resource "*"', () => {
      const arn = 'arn:aws:amplifybackend:eu-west-1:111122223333:/backend/d2k9xq7v1ab3cd/*';
      for (const list of [`*,${arn}`, `${arn},*`, `${arn}, *`]) {
        expect(() => evaluateStack(template, { parameters: { AppArns: list } }), list).toThrow(/AppArns: \* only alone/);
      }
      // Whatever passes, no statement ever names * (or any pattern reaching other accounts or services).
      const wellScoped = [
        /^arn:aws:amplifybackend:eu-west-1:111122223333:\/backend\/([A-Za-z0-9]+\/)?\*$/,
        /^arn:aws:amplify:eu-west-1:111122223333:apps\/([A-Za-z0-9]+|\*)\/branches\/\*(\/jobs\/\*)?$/,
      ];
      for (const AppArns of ['*', '*,*', arn]) {
        for (const statement of allowStatements(
          evaluateStack(template, {
            region: 'eu-west-1',
            accountId: '111122223333',
            parameters: { AppArns, AllowGuestAccess: AppArns === arn ? 'true' : 'false' },
          }),
        )) {
          for (const resource of [statement.Resource].flat()) {
            expect(
              wellScoped.some((pattern) => typeof resource === 'string' && pattern.test(resource)),
              `${AppArns}: ${String(resource)}`,
            ).toBe(true);
          }
        }
      }
    });

    it('refuses AppArns that are not AmplifyBackend backend ARNs (an Amplify app ARN, a bare app ID, a wildcard service)', () => {
      for (const wrong of [
        'arn:aws:amplify:eu-west-1:111122223333:apps/d2k9xq7v1ab3cd',
        'd2k9xq7v1ab3cd',
        'arn:aws:*:eu-west-1:111122223333:/backend/d2k9/*',
        '*,d2k9',
      ]) {
        expect(() => evaluateStack(template, { parameters: { AppArns: wrong } }), wrong).toThrow(/AppArns/);
      }
    });
  });

  describe('trust policies', () => {
    function trust(stack: EvaluatedStack, logicalId: string): Statement[] {
      const role = stack.resources[logicalId] as unknown as { Properties: RoleProperties } | undefined;
      if (!role) throw new Error(`no ${logicalId}`);
      return role.Properties.AssumeRolePolicyDocument.Statement;
    }

    it('lets only this identity pool’s authenticated identities assume the authenticated role', () => {
      const [statement, ...more] = trust(evaluateStack(template), 'AuthenticatedRole');
      expect(more).toEqual([]);
      expect(statement).toEqual({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': ref('IdentityPool') },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      });
    });

    it('lets only this pool’s unauthenticated identities assume the guest role', () => {
      const [statement, ...more] = trust(
        evaluateStack(template, { parameters: { AllowGuestAccess: 'true', AppArns: ONE_APP } }),
        'GuestRole',
      );
      expect(more).toEqual([]);
      expect(statement?.Condition).toEqual({
        StringEquals: { 'cognito-identity.amazonaws.com:aud': ref('IdentityPool') },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
      });
      expect(statement?.Action).toBe('sts:AssumeRoleWithWebIdentity');
    });
  });

  describe('guest access', () => {
    it('is off by default: no guest role, no unauthenticated identities, none attached', () => {
      expect(template.Parameters?.AllowGuestAccess?.Default).toBe('false');
      const stack = evaluateStack(template);
      expect(stack.resources.GuestRole).toBeUndefined();
      expect(stack.resources.IdentityPool?.Properties.AllowUnauthenticatedIdentities).toBe(false);
      expect(stack.resources.IdentityPoolRoles?.Properties.Roles).toEqual({ authenticated: getAtt('AuthenticatedRole', 'Arn') });
      expect(stack.outputs.allowGuestAccess).toBe('false');
    });

    it('when turned on, gets a guest role with the same read-only policy', () => {
      const stack = evaluateStack(template, { parameters: { AllowGuestAccess: 'true', AppArns: ONE_APP } });
      expect(stack.resources.IdentityPool?.Properties.AllowUnauthenticatedIdentities).toBe(true);
      expect(stack.resources.IdentityPoolRoles?.Properties.Roles).toEqual({
        authenticated: getAtt('AuthenticatedRole', 'Arn'),
        unauthenticated: getAtt('GuestRole', 'Arn'),
      });
      const policies = (role: string) => (stack.resources[role]?.Properties as unknown as RoleProperties).Policies;
      expect(policies('GuestRole')).toEqual(policies('AuthenticatedRole'));
      expect(stack.outputs.allowGuestAccess).toBe('true');
    });

    it('needs explicit AppArns: with every app of the account, anyone who reads config.json could watch any app’s jobs', () => {
      for (const AppArns of [undefined, '*', '*,*']) {
        const parameters = { AllowGuestAccess: 'true', ...(AppArns === undefined ? {} : { AppArns }) };
        expect(() => evaluateStack(template, { parameters }), String(AppArns)).toThrow(
          /Rule GuestAccessNeedsAppArns: AllowGuestAccess=true needs AppArns/,
        );
      }
      const two = `${ONE_APP},arn:aws:amplifybackend:us-east-1:111122223333:/backend/d1abcdef/*`;
      expect(
        evaluateStack(template, { parameters: { AllowGuestAccess: 'true', AppArns: two } }).resources.GuestRole,
      ).toBeDefined();
      // Signed-in users only: every app of the account stays the default.
      expect(evaluateStack(template, { parameters: { AllowGuestAccess: 'false' } }).resources.AuthenticatedRole).toBeDefined();
    });
  });

  describe('user pool and app client', () => {
    it('has a public client (no secret) that signs in with SRP and refreshes, and no password flow', () => {
      const client = evaluateStack(template).resources.UserPoolClient?.Properties;
      expect(client).toMatchObject({
        UserPoolId: ref('UserPool'),
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: false,
      });
      expect(client?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
      expect(client?.AllowedOAuthFlows).toBeUndefined();
    });

    it('keeps a sign-in for 1 day by default (the refresh token), a parameter from 1 to 3650 days', () => {
      const client = (days?: string) =>
        evaluateStack(template, days === undefined ? {} : { parameters: { RefreshTokenValidityDays: days } }).resources
          .UserPoolClient?.Properties;
      expect(Number(client()?.RefreshTokenValidity)).toBe(1);
      expect(client()?.TokenValidityUnits).toEqual({ RefreshToken: 'days' });
      expect(Number(client('30')?.RefreshTokenValidity)).toBe(30);
      for (const wrong of ['0', '3651', 'a week', '']) {
        expect(() => client(wrong), wrong).toThrow(/RefreshTokenValidityDays/);
      }
    });

    it('has no MFA by default, and authenticator-app (TOTP) MFA as OPTIONAL or ON', () => {
      const pool = (mfa?: string) =>
        evaluateStack(template, mfa === undefined ? {} : { parameters: { TotpMfa: mfa } }).resources.UserPool?.Properties;
      expect(pool()?.MfaConfiguration).toBe('OFF');
      expect(pool()?.EnabledMfas).toBeUndefined();
      for (const mfa of ['OPTIONAL', 'ON']) {
        expect(pool(mfa)).toMatchObject({ MfaConfiguration: mfa, EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
      }
      expect(() => pool('SMS')).toThrow(/TotpMfa/);
    });

    it('gives the identity pool that client as its user pool provider', () => {
      const pool = evaluateStack(template).resources.IdentityPool?.Properties;
      expect(pool?.CognitoIdentityProviders).toEqual([
        { ClientId: ref('UserPoolClient'), ProviderName: getAtt('UserPool', 'ProviderName'), ServerSideTokenCheck: true },
      ]);
      expect(pool?.AllowClassicFlow).toBe(false);
    });

    it('has no Hosted UI unless a domain prefix is given', () => {
      const stack = evaluateStack(template);
      expect(stack.resources.UserPoolDomain).toBeUndefined();
      expect(Object.keys(stack.outputs).filter((name) => name.startsWith('oauth'))).toEqual([]);
    });

    it('with a domain prefix: the domain, the authorization code flow and the callback URLs', () => {
      const stack = evaluateStack(template, {
        region: 'eu-west-1',
        parameters: {
          HostedUiDomainPrefix: 'job-watch-example',
          CallbackUrls: 'https://jobs.example.com/,http://localhost:5173/',
        },
      });
      expect(stack.resources.UserPoolDomain?.Properties).toEqual({ Domain: 'job-watch-example', UserPoolId: ref('UserPool') });
      expect(stack.resources.UserPoolClient?.Properties).toMatchObject({
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: ['https://jobs.example.com/', 'http://localhost:5173/'],
        LogoutURLs: ['https://jobs.example.com/', 'http://localhost:5173/'],
      });
      expect(stack.outputs).toMatchObject({
        oauthDomain: 'job-watch-example.auth.eu-west-1.amazoncognito.com',
        oauthScopes: 'openid,email,profile',
        oauthRedirectSignIn: 'https://jobs.example.com/,http://localhost:5173/',
        oauthResponseType: 'code',
      });
    });

    it('refuses a Hosted UI without callback URLs', () => {
      expect(() => evaluateStack(template, { parameters: { HostedUiDomainPrefix: 'job-watch-example' } })).toThrow(
        /CallbackUrls/,
      );
    });

    it('refuses a domain prefix that is not a DNS label', () => {
      expect(() => evaluateStack(template, { parameters: { HostedUiDomainPrefix: 'Job_Watch' } })).toThrow(
        /HostedUiDomainPrefix/,
      );
    });
  });

  describe('outputs', () => {
    it('are exactly config.json fields that npm run config knows', () => {
      const all = evaluateStack(template, {
        parameters: { HostedUiDomainPrefix: 'jw', CallbackUrls: 'https://jobs.example.com/' },
      });
      for (const name of Object.keys(all.outputs)) expect(Object.keys(STACK_OUTPUTS), name).toContain(name);
      expect(Object.keys(evaluateStack(template).outputs).sort()).toEqual(
        ['allowGuestAccess', 'identityPoolId', 'loginWithEmail', 'region', 'userPoolClientId', 'userPoolId'].sort(),
      );
    });

    it('name the resources the config needs', () => {
      expect(evaluateStack(template, { region: 'ap-southeast-2' }).outputs).toMatchObject({
        region: 'ap-southeast-2',
        identityPoolId: ref('IdentityPool'),
        userPoolId: ref('UserPool'),
        userPoolClientId: ref('UserPoolClient'),
      });
    });
  });
});
