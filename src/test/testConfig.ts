import type { AppConfig } from '../shared/config/appConfig';

export const TEST_REGION = 'us-east-1';
export const TEST_IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';
/** Fast polling keeps the live-update tests short; the production minimum (1 s) is not checked here. */
export const TEST_POLL_INTERVAL_SECONDS = 0.1;

export interface TestConfigOptions {
  allowGuestAccess?: boolean;
  demo?: boolean;
  pollIntervalSeconds?: number;
  amplifyBackendEndpoint?: string;
  signingHost?: string;
  amplifyEndpoint?: string;
  amplifySigningHost?: string;
}

export function testConfig(options: TestConfigOptions = {}): AppConfig {
  const config: AppConfig = {
    demo: options.demo ?? false,
    region: TEST_REGION,
    Auth: { Cognito: { identityPoolId: TEST_IDENTITY_POOL_ID, allowGuestAccess: options.allowGuestAccess ?? true } },
    pollIntervalSeconds: options.pollIntervalSeconds ?? TEST_POLL_INTERVAL_SECONDS,
    authFlowType: 'USER_SRP_AUTH',
    tokenStorage: 'session',
  };
  if (options.amplifyBackendEndpoint) config.amplifyBackendEndpoint = options.amplifyBackendEndpoint;
  if (options.signingHost) config.signingHost = options.signingHost;
  if (options.amplifyEndpoint) config.amplifyEndpoint = options.amplifyEndpoint;
  if (options.amplifySigningHost) config.amplifySigningHost = options.amplifySigningHost;
  return config;
}
