import type { AppConfig, CognitoAuthConfig } from '../shared/config/appConfig';

/** An AppConfig around the given `Auth.Cognito`, with the defaults parseAppConfig would fill in. */
export function appConfigFor(cognito: Record<string, unknown>): AppConfig {
  return {
    demo: false,
    region: 'us-east-1',
    Auth: { Cognito: cognito as CognitoAuthConfig['Cognito'] },
    pollIntervalSeconds: 5,
    authFlowType: 'USER_SRP_AUTH',
    tokenStorage: 'session',
  };
}
