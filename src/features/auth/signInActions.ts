import { confirmResetPassword, confirmSignIn, resetPassword, signIn, signInWithRedirect } from '@aws-amplify/auth';
import type { AuthFlowType } from '../../shared/config/appConfig';
import type { SignInOutcome } from './signInMachine';
import { stepFromNextStep } from './signInSteps';

/**
 * Every Amplify call of the sign-in flow, each returning what Cognito answered as an action for
 * signInMachine. Errors are thrown as Amplify throws them; `attempt` turns them into actions too.
 */

export type HostedProvider = string | { custom: string };

export function providerLabel(provider: HostedProvider): string {
  return typeof provider === 'string' ? provider : provider.custom;
}

/** Runs one call and answers with its outcome, a thrown error included. */
export async function attempt(call: () => Promise<SignInOutcome>): Promise<SignInOutcome> {
  try {
    return await call();
  } catch (error) {
    return { type: 'failed', error };
  }
}

export async function signInWithPassword(username: string, password: string, authFlowType: AuthFlowType): Promise<SignInOutcome> {
  const { nextStep } = await signIn({ username, password, options: { authFlowType } });
  return { type: 'answered', next: stepFromNextStep(nextStep, username) };
}

/** Answers the current challenge: a new password, a code, an MFA choice, an email address. */
export async function answerChallenge(challengeResponse: string, username: string): Promise<SignInOutcome> {
  const { nextStep } = await confirmSignIn({ challengeResponse });
  return { type: 'answered', next: stepFromNextStep(nextStep, username) };
}

export async function requestPasswordReset(username: string): Promise<SignInOutcome> {
  const { nextStep } = await resetPassword({ username });
  if (nextStep.resetPasswordStep === 'DONE') return { type: 'resetCompleted' };
  return { type: 'resetCodeSent', username, destination: nextStep.codeDeliveryDetails.destination };
}

export async function confirmPasswordReset(
  username: string,
  confirmationCode: string,
  newPassword: string,
): Promise<SignInOutcome> {
  await confirmResetPassword({ username, confirmationCode, newPassword });
  return { type: 'passwordChanged' };
}

/** Sends the browser to the Hosted UI; `returnTo` comes back in the OAuth state. */
export async function signInWithHostedUi(provider: HostedProvider | undefined, returnTo: string): Promise<SignInOutcome> {
  await signInWithRedirect({
    ...(provider ? { provider: typeof provider === 'string' ? (provider as 'Google') : provider } : {}),
    customState: returnTo,
  });
  return { type: 'redirecting' };
}
