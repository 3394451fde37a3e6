import type { SignInOutput } from '@aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { MFA_LABELS, codeLabel, stepFromNextStep, usernameLabel, type LoginWith, type MfaChoice } from './signInSteps';

type NextStep = SignInOutput['nextStep'];

const USER = 'alice@example.com';

/** A next step Amplify does not (yet) have a type for. */
function unknownStep(signInStep: string): NextStep {
  return { signInStep } as unknown as NextStep;
}

describe('stepFromNextStep', () => {
  it('is done when Amplify says DONE', () => {
    expect(stepFromNextStep({ signInStep: 'DONE' }, USER)).toEqual({ kind: 'done' });
  });

  it('asks for a new password when one is required', () => {
    expect(
      stepFromNextStep({ signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['email'] }, USER),
    ).toEqual({
      kind: 'newPassword',
    });
  });

  it('asks for an authenticator code', () => {
    expect(stepFromNextStep({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }, USER)).toEqual({ kind: 'code', medium: 'TOTP' });
  });

  it('asks for an SMS code, saying where it went', () => {
    expect(
      stepFromNextStep(
        {
          signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
          codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******1234' },
        },
        USER,
      ),
    ).toEqual({ kind: 'code', medium: 'SMS', destination: '+*******1234' });
  });

  it('asks for an email code, saying where it went', () => {
    expect(
      stepFromNextStep(
        {
          signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
          codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
        },
        USER,
      ),
    ).toEqual({ kind: 'code', medium: 'EMAIL', destination: 'a***@e***' });
  });

  it('asks for a code without a destination when Cognito gives none', () => {
    const sms = stepFromNextStep({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE' }, USER);
    expect(sms).toMatchObject({ kind: 'code', medium: 'SMS' });
    expect(sms.kind === 'code' && sms.destination).toBeUndefined();
    const email = stepFromNextStep({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: {} }, USER);
    expect(email.kind === 'code' && email.destination).toBeUndefined();
  });

  it('asks for the answer to a custom challenge', () => {
    expect(
      stepFromNextStep({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { hint: 'x' } }, USER),
    ).toEqual({
      kind: 'code',
      medium: 'CUSTOM',
    });
  });

  it('offers the MFA types the pool allows', () => {
    expect(
      stepFromNextStep({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] }, USER),
    ).toEqual({
      kind: 'mfaSelection',
      allowed: ['SMS', 'TOTP'],
      setup: false,
    });
  });

  it('offers every MFA type when Amplify does not say which are allowed', () => {
    expect(stepFromNextStep({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' }, USER)).toEqual({
      kind: 'mfaSelection',
      allowed: ['TOTP', 'SMS', 'EMAIL'],
      setup: false,
    });
  });

  it('offers MFA types to set up, marked as setup', () => {
    expect(
      stepFromNextStep({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['EMAIL'] }, USER),
    ).toEqual({
      kind: 'mfaSelection',
      allowed: ['EMAIL'],
      setup: true,
    });
  });

  it('offers the types that can be set up without a phone when Amplify does not say', () => {
    expect(stepFromNextStep({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION' }, USER)).toEqual({
      kind: 'mfaSelection',
      allowed: ['TOTP', 'EMAIL'],
      setup: true,
    });
  });

  it('shows the TOTP secret and a setup URI naming this app and the person', () => {
    const asked: [string, string | undefined][] = [];
    const step = stepFromNextStep(
      {
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: {
          sharedSecret: 'JBSWY3DPEHPK3PXP',
          getSetupUri: (appName, accountName) => {
            asked.push([appName, accountName]);
            return new URL(
              `otpauth://totp/${encodeURIComponent(appName)}:${encodeURIComponent(accountName ?? '')}?secret=JBSWY3DPEHPK3PXP`,
            );
          },
        },
      },
      USER,
    );
    expect(asked).toEqual([['Amplify Job Watch', USER]]);
    expect(step).toEqual({
      kind: 'totpSetup',
      sharedSecret: 'JBSWY3DPEHPK3PXP',
      setupUri: 'otpauth://totp/Amplify%20Job%20Watch:alice%40example.com?secret=JBSWY3DPEHPK3PXP',
    });
  });

  it('asks to set up email MFA', () => {
    expect(stepFromNextStep({ signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' }, USER)).toEqual({ kind: 'emailSetup' });
  });

  it('starts a password reset when Cognito requires one, saying why', () => {
    expect(stepFromNextStep({ signInStep: 'RESET_PASSWORD' }, USER)).toEqual({
      kind: 'resetRequest',
      reason: 'A password reset is required for this account.',
    });
  });

  it('explains an unconfirmed account', () => {
    expect(stepFromNextStep({ signInStep: 'CONFIRM_SIGN_UP' }, USER)).toEqual({ kind: 'notConfirmed' });
  });

  it.each(['CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', 'CONFIRM_SIGN_IN_WITH_PASSWORD'] as const)(
    'reports the passwordless step %s as unsupported rather than failing',
    (signInStep) => {
      expect(stepFromNextStep({ signInStep }, USER)).toEqual({ kind: 'unsupported', step: signInStep });
    },
  );

  it.each(['CONFIRM_SIGN_IN_WITH_PASSKEY', 'SOMETHING_FROM_A_NEWER_AMPLIFY', '', 'done'])(
    'reports the unknown step %j as unsupported, naming it',
    (signInStep) => {
      expect(stepFromNextStep(unknownStep(signInStep), USER)).toEqual({ kind: 'unsupported', step: signInStep });
    },
  );
});

describe('codeLabel', () => {
  it.each<[MfaChoice | 'CUSTOM', string]>([
    ['TOTP', 'Code from your authenticator app'],
    ['SMS', 'Code from the text message'],
    ['EMAIL', 'Code from the email'],
    ['CUSTOM', 'Answer'],
  ])('labels the %s code field', (medium, label) => {
    expect(codeLabel(medium)).toBe(label);
  });

  it('gives each medium its own label', () => {
    const labels = (['TOTP', 'SMS', 'EMAIL', 'CUSTOM'] as const).map(codeLabel);
    expect(new Set(labels).size).toBe(4);
  });
});

describe('MFA_LABELS', () => {
  it('names every MFA choice differently', () => {
    expect(Object.keys(MFA_LABELS).sort()).toEqual(['EMAIL', 'SMS', 'TOTP']);
    expect(new Set(Object.values(MFA_LABELS)).size).toBe(3);
  });
});

describe('usernameLabel', () => {
  it.each<[string, LoginWith | undefined, string]>([
    ['no loginWith', undefined, 'Username'],
    ['an empty loginWith', {}, 'Username'],
    ['everything false', { username: false, email: false, phone: false }, 'Username'],
    ['username only', { username: true }, 'Username'],
    ['email only', { email: true }, 'Email'],
    ['email only, others false', { username: false, email: true, phone: false }, 'Email'],
    ['phone only', { phone: true }, 'Phone number'],
    ['username and email', { username: true, email: true }, 'Username or email'],
  ])('labels the field for %s', (_label, loginWith, expected) => {
    expect(usernameLabel(loginWith)).toBe(expected);
  });

  it('names both username and email when all three are allowed', () => {
    const label = usernameLabel({ username: true, email: true, phone: true });
    expect(label).toMatch(/username/i);
    expect(label).toMatch(/email/i);
  });

  it('still says Username when a username and a phone number are allowed', () => {
    expect(usernameLabel({ username: true, phone: true })).toMatch(/^Username/);
  });

  it('does not offer a username when the pool signs in with email or phone only', () => {
    const label = usernameLabel({ email: true, phone: true });
    expect(label).not.toMatch(/username/i);
    expect(label).toMatch(/email/i);
    expect(label).toMatch(/phone/i);
  });

  it('only counts true, not other truthy values from a loosely typed config', () => {
    expect(usernameLabel({ email: 'yes' } as unknown as LoginWith)).toBe('Username');
  });
});
