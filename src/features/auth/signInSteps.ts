import type { SignInOutput } from '@aws-amplify/auth';
import type { MfaChoice, SignInStep } from './signInMachine';

export type { MfaChoice, SignInStep };

type AuthNextSignInStep = SignInOutput['nextStep'];

const APP_NAME = 'Amplify Job Watch';

/** Maps whatever Amplify says comes next to the screen that answers it. */
export function stepFromNextStep(nextStep: AuthNextSignInStep, username: string): SignInStep {
  switch (nextStep.signInStep) {
    case 'DONE':
      return { kind: 'done' };
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return { kind: 'newPassword' };
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      return { kind: 'code', medium: 'TOTP' };
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return { kind: 'code', medium: 'SMS', destination: nextStep.codeDeliveryDetails?.destination };
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return { kind: 'code', medium: 'EMAIL', destination: nextStep.codeDeliveryDetails?.destination };
    case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
      return { kind: 'code', medium: 'CUSTOM' };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return { kind: 'mfaSelection', allowed: nextStep.allowedMFATypes ?? ['TOTP', 'SMS', 'EMAIL'], setup: false };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
      return { kind: 'mfaSelection', allowed: nextStep.allowedMFATypes ?? ['TOTP', 'EMAIL'], setup: true };
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
      return {
        kind: 'totpSetup',
        sharedSecret: nextStep.totpSetupDetails.sharedSecret,
        setupUri: nextStep.totpSetupDetails.getSetupUri(APP_NAME, username).toString(),
      };
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
      return { kind: 'emailSetup' };
    case 'RESET_PASSWORD':
      return { kind: 'resetRequest', reason: 'A password reset is required for this account.' };
    case 'CONFIRM_SIGN_UP':
      return { kind: 'notConfirmed' };
    default:
      return { kind: 'unsupported', step: nextStep.signInStep };
  }
}

export const MFA_LABELS: Record<MfaChoice, string> = {
  TOTP: 'Authenticator app',
  SMS: 'Text message (SMS)',
  EMAIL: 'Email',
};

export function codeLabel(medium: MfaChoice | 'CUSTOM'): string {
  switch (medium) {
    case 'TOTP':
      return 'Code from your authenticator app';
    case 'SMS':
      return 'Code from the text message';
    case 'EMAIL':
      return 'Code from the email';
    case 'CUSTOM':
      return 'Answer';
  }
}

export interface LoginWith {
  username?: boolean;
  email?: boolean;
  phone?: boolean;
}

/** The username field follows the pool's sign-in alias. */
export function usernameLabel(loginWith: LoginWith | undefined): string {
  const email = loginWith?.email === true;
  const phone = loginWith?.phone === true;
  const username = loginWith?.username === true;
  const names = [
    username || (!email && !phone) ? 'username' : null,
    email ? 'email' : null,
    phone ? 'phone number' : null,
  ].filter((name): name is string => name !== null);
  const label = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? 'username');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
