import { screen, within } from '@testing-library/react';
import type { AppConfig, AuthFlowType, OAuthConfig } from '../shared/config/appConfig';
import { DEMO_PASSWORD, DEMO_USER_POOL_CLIENT_ID, DEMO_USER_POOL_ID } from '../simulated-aws/demoUsers';
import type { RenderedApp } from './renderApp';
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

/**
 * Signs in through the dialog with a username and password (the demo user by default): opens it from
 * the header's Sign in unless it is already open, and waits until the header offers Sign out.
 */
export async function signInThroughDialog(user: RenderedApp['user'], username = 'demo', password = DEMO_PASSWORD): Promise<void> {
  if (!screen.queryByRole('dialog', { name: 'Sign in' }))
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
  const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
  await user.click(await within(dialog).findByLabelText('Username'));
  await user.paste(username);
  await user.click(within(dialog).getByLabelText('Password'));
  await user.paste(password);
  await user.keyboard('{Enter}');
  await screen.findByRole('button', { name: 'Sign out' });
}
