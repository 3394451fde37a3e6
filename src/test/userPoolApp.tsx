import type { AppConfig, AuthFlowType, OAuthConfig } from '../shared/config/appConfig';
import { DEMO_USER_POOL_CLIENT_ID, DEMO_USER_POOL_ID } from '../simulated-aws/demoUsers';
import { testConfig } from './testConfig';

export interface UserPoolConfigOptions {
  /** Default false: only signed-in users get AWS credentials. */
  allowGuestAccess?: boolean;
  authFlowType?: AuthFlowType;
  loginWith?: { username?: boolean; email?: boolean; phone?: boolean; oauth?: OAuthConfig };
  pollIntervalSeconds?: number;
}

/**
 * testConfig() plus the simulated user pool (DEMO_USER_POOL_ID, whose pool name SRP needs) and its
 * demo app client.
 */
export function userPoolConfig(options: UserPoolConfigOptions = {}): AppConfig {
  const config = testConfig({
    allowGuestAccess: options.allowGuestAccess ?? false,
    pollIntervalSeconds: options.pollIntervalSeconds,
  });
  config.Auth.Cognito.userPoolId = DEMO_USER_POOL_ID;
  config.Auth.Cognito.userPoolClientId = DEMO_USER_POOL_CLIENT_ID;
  if (options.loginWith) config.Auth.Cognito.loginWith = options.loginWith;
  config.authFlowType = options.authFlowType ?? 'USER_SRP_AUTH';
  return config;
}

export { renderAppWithConfig } from './renderApp';
