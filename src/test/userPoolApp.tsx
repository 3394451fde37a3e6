import { StrictMode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished, vi } from 'vitest';
import { App } from '../app/App';
import { createQueryClient, createServices } from '../app/services';
import { configureAuth } from '../aws/credentials';
import type { AppConfig, AuthFlowType, OAuthConfig } from '../config/appConfig';
import { DEMO_USER_POOL_CLIENT_ID, DEMO_USER_POOL_ID } from '../simulated-aws/demoUsers';
import { resetAmplifyAuth } from './amplifyAuth';
import type { RenderedApp } from './renderApp';
import { sim } from './server';
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
  const config = testConfig({ allowGuestAccess: options.allowGuestAccess ?? false, pollIntervalSeconds: options.pollIntervalSeconds });
  config.Auth.Cognito.userPoolId = DEMO_USER_POOL_ID;
  config.Auth.Cognito.userPoolClientId = DEMO_USER_POOL_CLIENT_ID;
  if (options.loginWith) config.Auth.Cognito.loginWith = options.loginWith;
  config.authFlowType = options.authFlowType ?? 'USER_SRP_AUTH';
  return config;
}

/**
 * renderApp() for any config: the real app, real Amplify wired by configureAuth, the simulated AWS
 * behind MSW. The identity pool refuses guests when the config does (sim.guestAccess follows it).
 */
export async function renderAppWithConfig(
  config: AppConfig,
  options: {
    path?: string;
    strict?: boolean;
    /**
     * Keep what Amplify stored (tokens, the Hosted UI's state and PKCE verifier), as a page load in
     * the same tab would: for coming back from the Hosted UI. Default false: a clean session.
     */
    keepStorage?: boolean;
  } = {},
): Promise<RenderedApp> {
  if (!options.keepStorage) await resetAmplifyAuth();
  sim.guestAccess = config.Auth.Cognito.allowGuestAccess === true;
  configureAuth(config);
  const services = createServices(config);
  const queryClient = createQueryClient(services);
  window.history.replaceState(null, '', options.path ?? '/');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  const app = <App services={services} queryClient={queryClient} />;
  const user = userEvent.setup();
  const result = render(options.strict === false ? app : <StrictMode>{app}</StrictMode>);
  onTestFinished(() => queryClient.clear());
  return { ...result, config, services, queryClient, user };
}
