/**
 * `npm run config`: writes `public/config.json` from what a deployment already has, validated with
 * the same rules the app applies at start (`parseConfigDocument` → `parseAppConfig`).
 *
 *   npm run config -- --from-stack auth-outputs.json [--from-stack hosting-outputs.json]
 *   npm run config -- --from-amplify amplify_outputs.json
 *   npm run config -- --from-config some-config.json      (check a finished config.json and copy it)
 *   options: --region R  --poll-interval S  --endpoint URL  --signing-host HOST  --amplify-endpoint URL
 *            --amplify-signing-host HOST  --site-origin URL  --out FILE
 *
 * `--endpoint`/`--signing-host` set `amplifyBackendEndpoint`/`signingHost` (AmplifyBackend);
 * `--amplify-endpoint`/`--amplify-signing-host` set `amplifyEndpoint`/`amplifySigningHost` (Amplify Hosting).
 * The app accepts those endpoints (and Cognito endpoint overrides) only at AWS's own host
 * for that service or at the page's own origin (a proxy route), and loopback only for a page served
 * from this machine. Here there is no page, so the origin the dashboard will be served from is taken
 * from `--site-origin`, else from a hosting stack's `DashboardUrl` output; without either, only AWS
 * hosts and loopback pass, and an endpoint on another origin is reported (give `--site-origin`).
 *
 * `--from-stack` takes `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` (or the whole
 * describe-stacks answer, or a plain `{ "name": "value" }` object). Output names map 1:1 onto config
 * fields (STACK_OUTPUTS); outputs that are not config fields (a bucket name, a distribution ID) are
 * ignored and listed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromAmplifyOutputs, isAmplifyOutputs, parseConfigDocument } from '../src/shared/config/amplifyOutputs.ts';
import { parseAppConfig, type ConfigProblem } from '../src/shared/config/appConfig.ts';

type OutputKind = 'string' | 'boolean' | 'list';

/** Stack output name → the config.json field it fills, and how its string value reads. */
export const STACK_OUTPUTS: Record<string, { path: string[]; kind: OutputKind }> = {
  region: { path: ['region'], kind: 'string' },
  identityPoolId: { path: ['Auth', 'Cognito', 'identityPoolId'], kind: 'string' },
  allowGuestAccess: { path: ['Auth', 'Cognito', 'allowGuestAccess'], kind: 'boolean' },
  userPoolId: { path: ['Auth', 'Cognito', 'userPoolId'], kind: 'string' },
  userPoolClientId: { path: ['Auth', 'Cognito', 'userPoolClientId'], kind: 'string' },
  loginWithEmail: { path: ['Auth', 'Cognito', 'loginWith', 'email'], kind: 'boolean' },
  oauthDomain: { path: ['Auth', 'Cognito', 'loginWith', 'oauth', 'domain'], kind: 'string' },
  oauthScopes: { path: ['Auth', 'Cognito', 'loginWith', 'oauth', 'scopes'], kind: 'list' },
  oauthRedirectSignIn: { path: ['Auth', 'Cognito', 'loginWith', 'oauth', 'redirectSignIn'], kind: 'list' },
  oauthRedirectSignOut: { path: ['Auth', 'Cognito', 'loginWith', 'oauth', 'redirectSignOut'], kind: 'list' },
  oauthResponseType: { path: ['Auth', 'Cognito', 'loginWith', 'oauth', 'responseType'], kind: 'string' },
  amplifyBackendEndpoint: { path: ['amplifyBackendEndpoint'], kind: 'string' },
  signingHost: { path: ['signingHost'], kind: 'string' },
  amplifyEndpoint: { path: ['amplifyEndpoint'], kind: 'string' },
  amplifySigningHost: { path: ['amplifySigningHost'], kind: 'string' },
};

export const DEFAULT_OUT = 'public/config.json';

export interface ConfigOverrides {
  region?: string;
  pollIntervalSeconds?: number;
  amplifyBackendEndpoint?: string;
  signingHost?: string;
  amplifyEndpoint?: string;
  amplifySigningHost?: string;
  /** Not written: the origin the dashboard will be served from, which endpoints may point at. */
  siteOrigin?: string;
}

export type ConfigBuild =
  | { ok: true; config: Record<string, unknown>; ignoredOutputs: string[] }
  | { ok: false; problems: ConfigProblem[]; ignoredOutputs: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stack outputs in any of the shapes the AWS CLI prints, as name → value. */
export function readStackOutputs(document: unknown): Record<string, string> {
  let list: unknown = document;
  if (isRecord(document) && Array.isArray(document.Stacks))
    list = (document.Stacks[0] as { Outputs?: unknown } | undefined)?.Outputs;
  if (Array.isArray(list)) {
    const outputs: Record<string, string> = {};
    for (const item of list) {
      if (!isRecord(item) || typeof item.OutputKey !== 'string' || typeof item.OutputValue !== 'string') {
        throw new Error(
          'each stack output needs an OutputKey and an OutputValue (aws cloudformation describe-stacks --query "Stacks[0].Outputs")',
        );
      }
      outputs[item.OutputKey] = item.OutputValue;
    }
    return outputs;
  }
  if (isRecord(document) && Object.values(document).every((value) => typeof value === 'string')) {
    return document as Record<string, string>;
  }
  throw new Error('not stack outputs: expected the JSON of aws cloudformation describe-stacks --query "Stacks[0].Outputs"');
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function readOutput(value: string, kind: OutputKind): unknown {
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (kind === 'list')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return value;
}

function applyOverrides(config: Record<string, unknown>, overrides: ConfigOverrides): void {
  if (overrides.region !== undefined) config.region = overrides.region;
  if (overrides.pollIntervalSeconds !== undefined) config.pollIntervalSeconds = overrides.pollIntervalSeconds;
  if (overrides.amplifyBackendEndpoint !== undefined) config.amplifyBackendEndpoint = overrides.amplifyBackendEndpoint;
  if (overrides.signingHost !== undefined) config.signingHost = overrides.signingHost;
  if (overrides.amplifyEndpoint !== undefined) config.amplifyEndpoint = overrides.amplifyEndpoint;
  if (overrides.amplifySigningHost !== undefined) config.amplifySigningHost = overrides.amplifySigningHost;
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** config.json from one or more stacks' outputs (later stacks win), checked like the app checks it. */
export function configFromStackOutputs(stacks: Record<string, string>[], overrides: ConfigOverrides = {}): ConfigBuild {
  const config: Record<string, unknown> = {};
  const ignoredOutputs: string[] = [];
  for (const outputs of stacks) {
    for (const [name, value] of Object.entries(outputs)) {
      const field = STACK_OUTPUTS[name];
      if (field) setPath(config, field.path, readOutput(value, field.kind));
      else ignoredOutputs.push(name);
    }
  }
  applyOverrides(config, overrides);
  const dashboardUrl = stacks.map((outputs) => outputs.DashboardUrl).findLast((url) => url !== undefined);
  const parsed = parseAppConfig(config, { pageOrigin: overrides.siteOrigin ?? originOf(dashboardUrl) });
  return parsed.ok ? { ok: true, config, ignoredOutputs } : { ok: false, problems: parsed.problems, ignoredOutputs };
}

/** config.json from an Amplify Gen 2 `amplify_outputs.json`, in the plain form. */
export function configFromAmplifyOutputs(document: unknown, overrides: ConfigOverrides = {}): ConfigBuild {
  if (!isAmplifyOutputs(document)) {
    return {
      ok: false,
      problems: [{ field: '(root)', expected: 'an amplify_outputs.json with a "version" of 1.x and an "auth" section' }],
      ignoredOutputs: [],
    };
  }
  const withOverrides: Record<string, unknown> & { auth: Record<string, unknown> } = { ...document };
  applyOverrides(withOverrides, overrides);
  const parsed = parseConfigDocument(withOverrides, { pageOrigin: overrides.siteOrigin });
  if (!parsed.ok) return { ok: false, problems: parsed.problems, ignoredOutputs: [] };
  return { ok: true, config: fromAmplifyOutputs(withOverrides), ignoredOutputs: [] };
}

/** A finished config.json (either form) checked exactly as the app will read it, written in the plain form. */
export function configFromDocument(document: unknown, overrides: ConfigOverrides = {}): ConfigBuild {
  if (isAmplifyOutputs(document)) return configFromAmplifyOutputs(document, overrides);
  const config = isRecord(document) ? { ...document } : document;
  if (isRecord(config)) applyOverrides(config, overrides);
  const parsed = parseConfigDocument(config, { pageOrigin: overrides.siteOrigin });
  return parsed.ok
    ? { ok: true, config: config as Record<string, unknown>, ignoredOutputs: [] }
    : { ok: false, problems: parsed.problems, ignoredOutputs: [] };
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

const USAGE = `Usage: npm run config -- (--from-stack outputs.json [--from-stack more.json] | --from-amplify amplify_outputs.json | --from-config config.json)
                         [--region R] [--poll-interval SECONDS] [--endpoint URL] [--signing-host HOST]
                         [--amplify-endpoint URL] [--amplify-signing-host HOST] [--site-origin URL] [--out FILE]
Writes ${DEFAULT_OUT} (or --out) after checking it the way the dashboard does. --site-origin (default: a
DashboardUrl stack output) is where the dashboard will be served: an endpoint may be a path on it.`;

interface CliArgs {
  fromStack: string[];
  fromAmplify?: string;
  fromConfig?: string;
  out: string;
  overrides: ConfigOverrides;
}

function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { fromStack: [], out: DEFAULT_OUT, overrides: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] as string;
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=')
        ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
        : [flag, undefined];
    if (name === '--help' || name === '-h') return USAGE;
    const value = inline ?? argv[++i];
    if (value === undefined) return `${name} needs a value\n${USAGE}`;
    switch (name) {
      case '--from-stack':
        args.fromStack.push(value);
        break;
      case '--from-amplify':
        args.fromAmplify = value;
        break;
      case '--from-config':
        args.fromConfig = value;
        break;
      case '--out':
        args.out = value;
        break;
      case '--region':
        args.overrides.region = value;
        break;
      case '--poll-interval':
        args.overrides.pollIntervalSeconds = Number(value);
        break;
      case '--endpoint':
        args.overrides.amplifyBackendEndpoint = value;
        break;
      case '--signing-host':
        args.overrides.signingHost = value;
        break;
      case '--amplify-endpoint':
        args.overrides.amplifyEndpoint = value;
        break;
      case '--amplify-signing-host':
        args.overrides.amplifySigningHost = value;
        break;
      case '--site-origin': {
        const origin = originOf(value);
        if (origin === undefined || origin === 'null')
          return `--site-origin needs a URL such as https://jobs.example.com\n${USAGE}`;
        args.overrides.siteOrigin = origin;
        break;
      }
      default:
        return `unknown option ${name}\n${USAGE}`;
    }
  }
  if ([args.fromStack.length > 0, args.fromAmplify !== undefined, args.fromConfig !== undefined].filter(Boolean).length !== 1) {
    return `give one of --from-stack, --from-amplify or --from-config\n${USAGE}`;
  }
  return args;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
}

/** The command: 0 written, 1 the config would be invalid (nothing written), 2 a usage or file error. */
export async function runConfigCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args === USAGE) io.out(args);
    else io.err(args);
    return args === USAGE ? 0 : 2;
  }
  let build: ConfigBuild;
  try {
    if (args.fromAmplify !== undefined) {
      build = configFromAmplifyOutputs(await readJson(resolve(io.cwd, args.fromAmplify)), args.overrides);
    } else if (args.fromConfig !== undefined) {
      build = configFromDocument(await readJson(resolve(io.cwd, args.fromConfig)), args.overrides);
    } else {
      const stacks: Record<string, string>[] = [];
      for (const file of args.fromStack) {
        try {
          stacks.push(readStackOutputs(await readJson(resolve(io.cwd, file))));
        } catch (error) {
          throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }
      build = configFromStackOutputs(stacks, args.overrides);
    }
  } catch (error) {
    io.err(`npm run config: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (build.ignoredOutputs.length > 0) io.out(`Not config fields, ignored: ${build.ignoredOutputs.join(', ')}`);
  if (!build.ok) {
    io.err(`config.json would be invalid; nothing written. Fix these fields:`);
    for (const problem of build.problems) io.err(`  ${problem.field}: expected ${problem.expected}`);
    return 1;
  }
  const out = resolve(io.cwd, args.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(build.config, null, 2)}\n`);
  io.out(`Wrote ${args.out}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void runConfigCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
