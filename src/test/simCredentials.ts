import type { AwsCredentials, CredentialSource } from '../shared/aws/credentials';
import { TEST_IDENTITY_POOL_ID } from './testConfig';

const COGNITO_IDENTITY = 'https://cognito-identity.us-east-1.amazonaws.com/';

async function cognito<T>(operation: string, body: unknown): Promise<T> {
  const response = await fetch(COGNITO_IDENTITY, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Cognito ${operation} failed: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export interface RecordingCredentialSource extends CredentialSource {
  /** Every call, in order, with whether it asked for fresh credentials. */
  calls: { forceRefresh: boolean }[];
}

/**
 * Guest credentials fetched from the simulated Cognito over real `fetch` (through MSW), kept
 * until a caller forces a refresh, as Amplify does. Signing with them exercises the simulated
 * AWS's real SigV4 check without going through Amplify.
 */
export function simCredentialSource(): RecordingCredentialSource {
  let identityId: string | undefined;
  let cached: AwsCredentials | undefined;
  const calls: { forceRefresh: boolean }[] = [];
  const source = async (options: { forceRefresh?: boolean } = {}): Promise<AwsCredentials> => {
    const forceRefresh = options.forceRefresh === true;
    calls.push({ forceRefresh });
    if (cached && !forceRefresh) return cached;
    identityId ??= (await cognito<{ IdentityId: string }>('GetId', { IdentityPoolId: TEST_IDENTITY_POOL_ID })).IdentityId;
    const { Credentials } = await cognito<{
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
    }>('GetCredentialsForIdentity', { IdentityId: identityId });
    cached = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
      expiration: new Date(Credentials.Expiration * 1000),
    };
    return cached;
  };
  return Object.assign(source, { calls });
}
