// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfigDocument } from '../src/shared/config/amplifyOutputs';
import { parseAppConfig } from '../src/shared/config/appConfig';
import { describeStackOutputs, evaluateStack, type EvaluatedStack, type Template } from '../tools/cloudformation';
import { configFromAmplifyOutputs, configFromDocument, configFromStackOutputs, readStackOutputs, runConfigCli } from './config';

const authTemplate = JSON.parse(await readFile(new URL('../deploy/dashboard-auth.json', import.meta.url), 'utf8')) as Template;

/** What the deployed stack's outputs look like: CloudFormation's tokens replaced by physical IDs. */
function deployed(stack: EvaluatedStack) {
  const physical: Record<string, string> = {
    '{Ref:IdentityPool}': 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    '{Ref:UserPool}': 'eu-west-1_AbCdEfGhI',
    '{Ref:UserPoolClient}': '1a2b3c4d5e6f7g8h9i0j1k2l3m',
  };
  return describeStackOutputs(stack).map((output) => ({
    ...output,
    OutputValue: physical[output.OutputValue] ?? output.OutputValue,
    Description: 'x',
  }));
}

const AUTH_OUTPUTS = deployed(evaluateStack(authTemplate, { region: 'eu-west-1' }));

const AMPLIFY_OUTPUTS = {
  version: '1.3',
  auth: {
    aws_region: 'eu-west-1',
    user_pool_id: 'eu-west-1_AbCdEfGhI',
    user_pool_client_id: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
    identity_pool_id: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    unauthenticated_identities_enabled: false,
    username_attributes: ['email'],
  },
};

describe('npm run config: building config.json', () => {
  it('turns the auth stack’s outputs into a config the app accepts', () => {
    const build = configFromStackOutputs([readStackOutputs(AUTH_OUTPUTS)]);
    expect(build).toEqual({
      ok: true,
      ignoredOutputs: [],
      config: {
        region: 'eu-west-1',
        Auth: {
          Cognito: {
            identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
            allowGuestAccess: false,
            userPoolId: 'eu-west-1_AbCdEfGhI',
            userPoolClientId: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
            loginWith: { email: true },
          },
        },
      },
    });
    expect(build.ok && parseAppConfig(build.config).ok).toBe(true);
  });

  it('reads the Hosted UI outputs into loginWith.oauth', () => {
    const stack = evaluateStack(authTemplate, {
      region: 'eu-west-1',
      parameters: {
        HostedUiDomainPrefix: 'job-watch-example',
        CallbackUrls: 'https://jobs.example.com/,http://localhost:5173/',
        AllowGuestAccess: 'true',
        AppArns: 'arn:aws:amplifybackend:eu-west-1:111122223333:/backend/d2k9xq7v1ab3cd/*',
      },
    });
    const build = configFromStackOutputs([readStackOutputs(deployed(stack))]);
    if (!build.ok) throw new Error(JSON.stringify(build.problems));
    const parsed = parseAppConfig(build.config);
    expect(parsed.ok && parsed.config.Auth.Cognito).toMatchObject({
      allowGuestAccess: true,
      loginWith: {
        email: true,
        oauth: {
          domain: 'job-watch-example.auth.eu-west-1.amazoncognito.com',
          scopes: ['openid', 'email', 'profile'],
          redirectSignIn: ['https://jobs.example.com/', 'http://localhost:5173/'],
          redirectSignOut: ['https://jobs.example.com/', 'http://localhost:5173/'],
          responseType: 'code',
        },
      },
    });
  });

  it('merges a second stack (the hosting one’s proxy endpoint) and lists outputs that are not config fields', () => {
    const hosting = {
      amplifyBackendEndpoint: 'https://d111111abcdef8.cloudfront.net/amplifybackend',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      DashboardUrl: 'https://d111111abcdef8.cloudfront.net/',
      BucketName: 'b',
      DistributionId: 'E1',
    };
    const build = configFromStackOutputs([readStackOutputs(AUTH_OUTPUTS), hosting], { pollIntervalSeconds: 10 });
    expect(build.ignoredOutputs).toEqual(['DashboardUrl', 'BucketName', 'DistributionId']);
    expect(build.ok && build.config).toMatchObject({
      amplifyBackendEndpoint: hosting.amplifyBackendEndpoint,
      signingHost: hosting.signingHost,
      pollIntervalSeconds: 10,
    });
    expect(build.ok && Object.keys(build.config)).not.toContain('BucketName');
  });

  it('takes an endpoint off AWS only on the origin the dashboard is served from (DashboardUrl or --site-origin)', () => {
    const auth = readStackOutputs(AUTH_OUTPUTS);
    const proxy = {
      amplifyBackendEndpoint: 'https://d111111abcdef8.cloudfront.net/amplifybackend',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
    };
    const fields = (build: ReturnType<typeof configFromStackOutputs>) => (build.ok ? [] : build.problems.map((p) => p.field));
    expect(fields(configFromStackOutputs([auth, proxy]))).toEqual(['amplifyBackendEndpoint']);
    expect(fields(configFromStackOutputs([auth, { ...proxy, DashboardUrl: 'https://jobs.example.com/' }]))).toEqual([
      'amplifyBackendEndpoint',
    ]);
    expect(configFromStackOutputs([auth, proxy], { siteOrigin: 'https://d111111abcdef8.cloudfront.net' }).ok).toBe(true);
    expect(configFromStackOutputs([auth, { amplifyBackendEndpoint: 'https://amplifybackend.eu-west-1.amazonaws.com' }]).ok).toBe(
      true,
    );
    expect(
      fields(
        configFromStackOutputs([auth, { ...proxy, signingHost: 'evil.example.com' }], {
          siteOrigin: 'https://d111111abcdef8.cloudfront.net',
        }),
      ),
    ).toEqual(['signingHost']);
  });

  it('reads the hosting stack’s Amplify Hosting proxy outputs into amplifyEndpoint and amplifySigningHost, under the app’s rules', () => {
    const auth = readStackOutputs(AUTH_OUTPUTS);
    const hosting = {
      amplifyBackendEndpoint: 'https://d111111abcdef8.cloudfront.net/amplifybackend',
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
      amplifyEndpoint: 'https://d111111abcdef8.cloudfront.net/amplify',
      amplifySigningHost: 'amplify.eu-west-1.amazonaws.com',
      DashboardUrl: 'https://d111111abcdef8.cloudfront.net/',
    };
    const build = configFromStackOutputs([auth, hosting]);
    expect(build).toMatchObject({ ok: true, ignoredOutputs: ['DashboardUrl'] });
    expect(build.ok && build.config).toMatchObject({
      amplifyEndpoint: hosting.amplifyEndpoint,
      amplifySigningHost: hosting.amplifySigningHost,
    });
    const wrong = configFromStackOutputs([auth, { ...hosting, amplifySigningHost: 'amplifybackend.eu-west-1.amazonaws.com' }]);
    expect(wrong.ok ? [] : wrong.problems.map((problem) => problem.field)).toEqual(['amplifySigningHost']);
  });

  it('accepts the whole describe-stacks answer and a plain name → value object', () => {
    expect(readStackOutputs({ Stacks: [{ StackName: 's', Outputs: AUTH_OUTPUTS }] })).toEqual(readStackOutputs(AUTH_OUTPUTS));
    expect(readStackOutputs({ region: 'eu-west-1' })).toEqual({ region: 'eu-west-1' });
    expect(() => readStackOutputs([{ Key: 'region' }])).toThrow(/OutputKey/);
    expect(() => readStackOutputs({ region: 1 })).toThrow(/not stack outputs/);
  });

  it('reports every invalid field with the app’s own rules', () => {
    const build = configFromStackOutputs([readStackOutputs(AUTH_OUTPUTS)], {
      pollIntervalSeconds: 0,
      signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
    });
    expect(build.ok).toBe(false);
    expect(build.ok ? [] : build.problems.map((problem) => problem.field).sort()).toEqual(['pollIntervalSeconds', 'signingHost']);
    const guest = configFromStackOutputs([{ ...readStackOutputs(AUTH_OUTPUTS), allowGuestAccess: 'maybe' }]);
    expect(guest.ok ? [] : guest.problems.map((problem) => problem.field)).toEqual(['Auth.Cognito.allowGuestAccess']);
  });

  it('turns amplify_outputs.json into the plain form with the same meaning', () => {
    const build = configFromAmplifyOutputs(AMPLIFY_OUTPUTS, { region: 'us-east-1' });
    if (!build.ok) throw new Error(JSON.stringify(build.problems));
    expect(build.config.Auth).toEqual({
      Cognito: {
        identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        allowGuestAccess: false,
        userPoolId: 'eu-west-1_AbCdEfGhI',
        userPoolClientId: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
        loginWith: { email: true, phone: false, username: false },
      },
    });
    expect(parseAppConfig(build.config)).toEqual(parseConfigDocument({ ...AMPLIFY_OUTPUTS, region: 'us-east-1' }));
    expect(configFromAmplifyOutputs(AUTH_OUTPUTS)).toMatchObject({ ok: false, problems: [{ field: '(root)' }] });
  });

  it('checks a finished config.json (either form) with --from-config', () => {
    const plainConfig = {
      region: 'eu-west-1',
      Auth: { Cognito: { identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } },
    };
    expect(configFromDocument(plainConfig, { pollIntervalSeconds: 7 })).toEqual({
      ok: true,
      ignoredOutputs: [],
      config: { ...plainConfig, pollIntervalSeconds: 7 },
    });
    expect(configFromDocument(AMPLIFY_OUTPUTS)).toEqual(configFromAmplifyOutputs(AMPLIFY_OUTPUTS));
    expect(configFromDocument({ ...plainConfig, region: 'mars' })).toMatchObject({ ok: false, problems: [{ field: 'region' }] });
    expect(configFromDocument([])).toMatchObject({ ok: false, problems: [{ field: '(root)' }] });
  });

  describe('the command', () => {
    let dir: string;
    const lines: { out: string[]; err: string[] } = { out: [], err: [] };
    const io = () => ({ out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line), cwd: dir });

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'job-watch-config-'));
      lines.out = [];
      lines.err = [];
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes public/config.json by default from --from-stack', async () => {
      await writeFile(join(dir, 'outputs.json'), JSON.stringify(AUTH_OUTPUTS));
      expect(await runConfigCli(['--from-stack', 'outputs.json', '--poll-interval', '15'], io())).toBe(0);
      const written = JSON.parse(await readFile(join(dir, 'public/config.json'), 'utf8')) as Record<string, unknown>;
      expect(written.pollIntervalSeconds).toBe(15);
      expect(parseAppConfig(written).ok).toBe(true);
      expect(lines.out).toContain('Wrote public/config.json');
    });

    it('writes --out from --from-amplify with --endpoint, --signing-host, --amplify-endpoint and --amplify-signing-host', async () => {
      await writeFile(join(dir, 'amplify_outputs.json'), JSON.stringify(AMPLIFY_OUTPUTS));
      const code = await runConfigCli(
        [
          '--from-amplify',
          'amplify_outputs.json',
          '--endpoint=https://jobs.example.com/amplifybackend',
          '--signing-host',
          'amplifybackend.eu-west-1.amazonaws.com',
          '--amplify-endpoint',
          'https://jobs.example.com/amplify',
          '--amplify-signing-host=amplify.eu-west-1.amazonaws.com',
          '--site-origin',
          'https://jobs.example.com/',
          '--out',
          'site/config.json',
        ],
        io(),
      );
      expect(code).toBe(0);
      const written = JSON.parse(await readFile(join(dir, 'site/config.json'), 'utf8')) as unknown;
      expect(written).toMatchObject({
        amplifyBackendEndpoint: 'https://jobs.example.com/amplifybackend',
        signingHost: 'amplifybackend.eu-west-1.amazonaws.com',
        amplifyEndpoint: 'https://jobs.example.com/amplify',
        amplifySigningHost: 'amplify.eu-west-1.amazonaws.com',
        region: 'eu-west-1',
      });
    });

    it('prints problems by field, writes nothing and exits 1 when the result would be invalid', async () => {
      await writeFile(
        join(dir, 'amplify_outputs.json'),
        JSON.stringify({ ...AMPLIFY_OUTPUTS, auth: { ...AMPLIFY_OUTPUTS.auth, identity_pool_id: undefined } }),
      );
      expect(await runConfigCli(['--from-amplify', 'amplify_outputs.json', '--poll-interval', 'often'], io())).toBe(1);
      expect(lines.err.join('\n')).toMatch(/auth\.identity_pool_id: expected an identity pool ID/);
      expect(lines.err.join('\n')).toMatch(/pollIntervalSeconds: expected a number of seconds/);
      await expect(readFile(join(dir, 'public/config.json'))).rejects.toThrow();
    });

    it('exits 2 on usage and file errors', async () => {
      expect(await runConfigCli([], io())).toBe(2);
      expect(await runConfigCli(['--from-stack', 'a.json', '--from-amplify', 'b.json'], io())).toBe(2);
      expect(await runConfigCli(['--from-stack', 'missing.json'], io())).toBe(2);
      await writeFile(join(dir, 'broken.json'), '{');
      expect(await runConfigCli(['--from-stack', 'broken.json'], io())).toBe(2);
      expect(await runConfigCli(['--colour', 'blue'], io())).toBe(2);
      expect(lines.err.join('\n')).toMatch(/broken.json is not valid JSON/);
    });

    it('runs as npm run config does (tsx, a subprocess) and exits non-zero on invalid input', async () => {
      await writeFile(join(dir, 'outputs.json'), JSON.stringify(AUTH_OUTPUTS));
      const run = promisify(execFile);
      const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
      const script = join(process.cwd(), 'scripts/config.ts');
      const ok = await run(tsx, [script, '--from-stack', 'outputs.json', '--out', 'config.json'], { cwd: dir });
      expect(ok.stdout).toContain('Wrote config.json');
      expect(parseAppConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'))).ok).toBe(true);

      const failed = await run(
        tsx,
        [script, '--from-stack', 'outputs.json', '--endpoint', 'http://proxy.example.com', '--out', 'bad.json'],
        { cwd: dir },
      ).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/amplifyBackendEndpoint: expected an https:\/\/ URL/);
    }, 30_000);
  });
});
