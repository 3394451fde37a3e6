import type { CredentialSource } from '../../shared/aws/credentials';
import type { AppConfig } from '../../shared/config/appConfig';
import type { DemoGuide } from '../../shared/config/demoGuide';
import type { SessionStore } from './session';
import type { SignInGate } from './signInGate';

/** What the sign-in area needs from the page's services; the app's composition root provides it. */
export interface AuthServices {
  config: AppConfig;
  credentials: CredentialSource;
  session: SessionStore;
  gate: SignInGate;
  /** After the person signs out: forget what this browser remembers of the jobs they watched. */
  onSignedOut?: () => void;
  /** Demo mode only: the simulated user pool's accounts, listed in the sign-in dialog. */
  demoGuide?: DemoGuide;
}

/** A user pool with an app client is configured, so people can sign in. */
export function canSignIn(config: AppConfig): boolean {
  return Boolean(config.Auth.Cognito.userPoolId && config.Auth.Cognito.userPoolClientId);
}

export const SESSION_ENDED = 'Your session has ended. Sign in again to keep watching; the page carries on where it was.';
export const SIGN_IN_REQUIRED = 'This identity pool gives AWS credentials only to signed-in users. Sign in to watch the job.';
