/**
 * What the command takes from its surroundings the way the AWS CLI and SDKs do: the default region,
 * endpoint overrides (AWS_ENDPOINT_URL…) and credentials from the SDK's own Node provider chain,
 * adapted to the CredentialSource the shared signed fetch asks.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AwsError } from '../shared/aws/awsError';
import type { AwsCredentials, CredentialSource } from '../shared/aws/credentials';

export type Env = Readonly<Record<string, string | undefined>>;

/** The `region` of the profile in the shared config file (AWS_CONFIG_FILE, else ~/.aws/config). */
export function profileRegion(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string | undefined {
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const file = env.AWS_CONFIG_FILE || join(env.HOME || homedir(), '.aws', 'config');
  let text: string;
  try {
    text = readFile(file);
  } catch {
    return undefined;
  }
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/[#;].*$/, '').trim();
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      inSection = wanted.includes((section[1] ?? '').replace(/\s+/g, ' '));
      continue;
    }
    const setting = /^region\s*=\s*(\S+)$/.exec(line);
    if (inSection && setting) return setting[1];
  }
  return undefined;
}

export type RegionSource = 'link' | '--region' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile';

/** The region for a job: the link's, else --region, else AWS_REGION / AWS_DEFAULT_REGION, else the profile's. */
export function resolveRegion(
  linkRegion: string | undefined,
  flagRegion: string | undefined,
  env: Env,
  fromProfile: () => string | undefined,
): { region: string; source: RegionSource } | undefined {
  if (linkRegion) return { region: linkRegion, source: 'link' };
  if (flagRegion) return { region: flagRegion, source: '--region' };
  if (env.AWS_REGION) return { region: env.AWS_REGION, source: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION) return { region: env.AWS_DEFAULT_REGION, source: 'AWS_DEFAULT_REGION' };
  const region = fromProfile();
  return region ? { region, source: 'profile' } : undefined;
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export type EndpointResult = { ok: true; endpoint?: string; variable?: string } | { ok: false; message: string };

/**
 * The endpoint override for a service, by the SDK's standard names: the service's own variable
 * (AWS_ENDPOINT_URL_AMPLIFYBACKEND) before the global AWS_ENDPOINT_URL. Plain http only to this machine:
 * a signed request carries the access key ID and must not cross a network in clear.
 */
export function endpointOverride(env: Env, serviceVariable: string): EndpointResult {
  const variable = env[serviceVariable] ? serviceVariable : env.AWS_ENDPOINT_URL ? 'AWS_ENDPOINT_URL' : undefined;
  if (variable === undefined) return { ok: true };
  const value = env[variable] ?? '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `${variable} “${value}” is not a URL.` };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))) {
    return { ok: true, endpoint: value.replace(/\/+$/, ''), variable };
  }
  return { ok: false, message: `${variable} must be an https:// URL (plain http only to localhost), not “${value}”.` };
}

/** What the SDK's providers resolve to; `AwsCredentialIdentityProvider` fits. */
export type SdkCredentialProvider = (options?: { forceRefresh?: boolean }) => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

/** The SDK's words when no provider in the chain had credentials at all. */
const NOTHING_FOUND = /could not load credentials from any providers/i;

/**
 * The SDK provider as the signed fetch's CredentialSource. Its failures become AwsErrors: none found
 * anywhere is `no-credentials`; a provider that found a profile, SSO session or role and failed is
 * `credentials-failed`, with the SDK's own words.
 */
export function credentialSourceFrom(provider: SdkCredentialProvider): CredentialSource {
  return async (request = {}) => {
    try {
      const identity = await provider(request.forceRefresh ? { forceRefresh: true } : undefined);
      const credentials: AwsCredentials = {
        accessKeyId: identity.accessKeyId,
        secretAccessKey: identity.secretAccessKey,
      };
      if (identity.sessionToken) credentials.sessionToken = identity.sessionToken;
      if (identity.expiration) credentials.expiration = identity.expiration;
      return credentials;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new AwsError({
        kind: NOTHING_FOUND.test(message) ? 'no-credentials' : 'credentials-failed',
        serverMessage: message,
        cause: error,
      });
    }
  };
}
