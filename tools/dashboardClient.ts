/**
 * The dashboard's own AmplifyBackend client (SigV4 signing, endpoint override, error classes) driven
 * from Node against a simulated AWS on loopback: guest credentials from its Cognito Identity, then
 * calls through whatever endpoint and signing host a deployment recipe configures.
 */
import { createAmplifyBackendClient, type AmplifyBackendClient } from '../src/shared/aws/amplifyBackend';
import { createClockOffset } from '../src/shared/aws/clockOffset';
import type { AwsCredentials } from '../src/shared/aws/credentials';
import { createSignedFetch } from '../src/shared/aws/signedFetch';
import type { AppConfig } from '../src/shared/config/appConfig';

const IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';

async function cognitoIdentity(simOrigin: string, operation: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(simOrigin, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Guest credentials issued by the simulated identity pool at `simOrigin`. */
export async function guestCredentials(simOrigin: string): Promise<AwsCredentials> {
  const { IdentityId } = await cognitoIdentity(simOrigin, 'GetId', { IdentityPoolId: IDENTITY_POOL_ID });
  const { Credentials } = (await cognitoIdentity(simOrigin, 'GetCredentialsForIdentity', { IdentityId })) as {
    Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
  };
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretKey,
    sessionToken: Credentials.SessionToken,
    expiration: new Date(Credentials.Expiration * 1000),
  };
}

export async function dashboardClient(
  simOrigin: string,
  config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>,
): Promise<AmplifyBackendClient> {
  const credentials = await guestCredentials(simOrigin);
  const signedFetch = createSignedFetch({ credentials: () => Promise.resolve(credentials), clock: createClockOffset() });
  return createAmplifyBackendClient(config, signedFetch);
}
