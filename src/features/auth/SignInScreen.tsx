import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { confirmResetPassword, confirmSignIn, resetPassword, signIn, signInWithRedirect } from '@aws-amplify/auth';
import type { AuthFlowType, OAuthConfig } from '../../shared/config/appConfig';
import { describeAuthError } from './authErrors';
import {
  codeLabel,
  MFA_LABELS,
  stepFromNextStep,
  usernameLabel,
  type LoginWith,
  type MfaChoice,
  type SignInStep,
} from './signInSteps';

export interface SignInScreenProps {
  authFlowType: AuthFlowType;
  loginWith?: LoginWith & { oauth?: OAuthConfig };
  /** The page to come back to after the Hosted UI (path and query). */
  returnTo: string;
  /** Why the screen is shown, in words. */
  reason?: string;
  /** Extra text under the title (the demo lists its users here). */
  hint?: ReactNode;
  onSignedIn(): void;
  onCancel?: () => void;
}

function providerLabel(provider: string | { custom: string }): string {
  return typeof provider === 'string' ? provider : provider.custom;
}

/**
 * Sign-in against the Cognito user pool, answering every step Amplify can return: new password,
 * TOTP/SMS/email codes, MFA selection and setup, and the password-reset path.
 */
export function SignInScreen({ authFlowType, loginWith, returnTo, reason, hint, onSignedIn, onCancel }: SignInScreenProps) {
  const [step, setStep] = useState<SignInStep>({ kind: 'credentials' });
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one Amplify call with busy state and plain-words errors. */
  const run = async (action: () => Promise<SignInStep | void>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (!next) return;
      if (next.kind === 'done') onSignedIn();
      else setStep(next);
    } catch (caught) {
      const name = caught instanceof Error ? caught.name : '';
      if (name === 'UserAlreadyAuthenticatedException') {
        onSignedIn();
        return;
      }
      if (name === 'PasswordResetRequiredException') {
        setStep({ kind: 'resetRequest', reason: describeAuthError(caught) });
        return;
      }
      if (name === 'UserNotConfirmedException') {
        setStep({ kind: 'notConfirmed' });
        return;
      }
      setError(describeAuthError(caught));
    } finally {
      setBusy(false);
    }
  };

  const answer = (challengeResponse: string) =>
    run(async () => stepFromNextStep((await confirmSignIn({ challengeResponse })).nextStep, username));

  const oauth = loginWith?.oauth;
  const titleId = useId();

  return (
    <section className="sign-in" aria-labelledby={titleId}>
      <h1 id={titleId}>Sign in</h1>
      {reason ? <p>{reason}</p> : null}
      {hint}
      {error ? (
        <p className="panel panel--error" role="alert">
          {error}
        </p>
      ) : null}

      {step.kind === 'credentials' ? (
        <>
          {step.notice ? <p role="status">{step.notice}</p> : null}
          <CredentialsForm
            label={usernameLabel(loginWith)}
            busy={busy}
            onSubmit={(name, password) => {
              setUsername(name);
              return run(async () =>
                stepFromNextStep((await signIn({ username: name, password, options: { authFlowType } })).nextStep, name),
              );
            }}
            onForgot={(name) => {
              setUsername(name);
              setStep({ kind: 'resetRequest' });
            }}
          />
          {oauth ? (
            <div className="sign-in__hosted">
              {(oauth.providers?.length ? oauth.providers : [undefined]).map((provider) => (
                <button
                  key={provider ? providerLabel(provider) : 'hosted'}
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      await signInWithRedirect({
                        ...(provider ? { provider: typeof provider === 'string' ? (provider as 'Google') : provider } : {}),
                        customState: returnTo,
                      });
                    })
                  }
                >
                  {provider ? `Sign in with ${providerLabel(provider)}` : 'Sign in with the hosted sign-in page'}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}

      {step.kind === 'newPassword' ? (
        <SingleFieldForm
          intro="Your password must be changed before you can continue."
          label="New password"
          type="password"
          autoComplete="new-password"
          submit="Set password"
          busy={busy}
          onSubmit={answer}
        />
      ) : null}

      {step.kind === 'code' ? (
        <SingleFieldForm
          intro={step.destination ? `A code was sent to ${step.destination}.` : undefined}
          label={codeLabel(step.medium)}
          autoComplete="one-time-code"
          inputMode={step.medium === 'CUSTOM' ? undefined : 'numeric'}
          submit="Confirm"
          busy={busy}
          onSubmit={answer}
        />
      ) : null}

      {step.kind === 'mfaSelection' ? (
        <MfaChoiceForm
          allowed={step.allowed}
          legend={step.setup ? 'Choose how to set up a second sign-in step' : 'Choose how to confirm it is you'}
          busy={busy}
          onSubmit={answer}
        />
      ) : null}

      {step.kind === 'totpSetup' ? (
        <SingleFieldForm
          intro={
            <>
              Add this account to your authenticator app with the key <span className="mono break">{step.sharedSecret}</span> (or
              the link <a href={step.setupUri}>otpauth</a>), then enter the code it shows.
            </>
          }
          label="Code from your authenticator app"
          autoComplete="one-time-code"
          inputMode="numeric"
          submit="Confirm"
          busy={busy}
          onSubmit={answer}
        />
      ) : null}

      {step.kind === 'emailSetup' ? (
        <SingleFieldForm
          intro="Give the email address to send sign-in codes to."
          label="Email"
          type="email"
          autoComplete="email"
          submit="Continue"
          busy={busy}
          onSubmit={answer}
        />
      ) : null}

      {step.kind === 'resetRequest' ? (
        <SingleFieldForm
          intro={`${step.reason ? `${step.reason} ` : ''}Cognito will send a code to reset the password.`}
          label={usernameLabel(loginWith)}
          autoComplete="username"
          initialValue={username}
          submit="Send code"
          busy={busy}
          onSubmit={(name) =>
            run(async () => {
              setUsername(name);
              const result = await resetPassword({ username: name });
              if (result.nextStep.resetPasswordStep === 'DONE') {
                return { kind: 'credentials', notice: 'Your password has been reset. Sign in with the new password.' };
              }
              return { kind: 'resetConfirm', username: name, destination: result.nextStep.codeDeliveryDetails.destination };
            })
          }
          onBack={() => setStep({ kind: 'credentials' })}
        />
      ) : null}

      {step.kind === 'resetConfirm' ? (
        <ResetConfirmForm
          destination={step.destination}
          busy={busy}
          onSubmit={(confirmationCode, newPassword) =>
            run(async () => {
              await confirmResetPassword({ username: step.username, confirmationCode, newPassword });
              return { kind: 'credentials', notice: 'Your password has been changed. Sign in with the new password.' };
            })
          }
        />
      ) : null}

      {step.kind === 'notConfirmed' ? (
        <p className="panel panel--warning" role="alert">
          This account is not confirmed yet. Confirm it with the code Cognito sent when it was created, or ask an administrator of
          the user pool.
        </p>
      ) : null}

      {step.kind === 'unsupported' ? (
        <p className="panel panel--warning" role="alert">
          Cognito asked for a sign-in step this dashboard does not handle ({step.step}). Sign in with the hosted sign-in page or
          ask an administrator.
        </p>
      ) : null}

      {step.kind !== 'credentials' ? (
        <p>
          <button type="button" className="link-button" onClick={() => setStep({ kind: 'credentials' })} disabled={busy}>
            Start over
          </button>
        </p>
      ) : null}
      {onCancel ? (
        <p>
          <button type="button" className="link-button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </p>
      ) : null}
    </section>
  );
}

interface CredentialsFormProps {
  label: string;
  busy: boolean;
  onSubmit(username: string, password: string): void;
  onForgot(username: string): void;
}

function CredentialsForm({ label, busy, onSubmit, onForgot }: CredentialsFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(username.trim(), password);
  };
  return (
    <form className="form" onSubmit={submit} aria-busy={busy}>
      <label htmlFor={`${id}-user`}>{label}</label>
      <input
        id={`${id}-user`}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <span className="password-field">
        <input
          id={`${id}-password`}
          name="password"
          type={visible ? 'text' : 'password'}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="button" className="button button--small" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? 'Hide password' : 'Show password'}
        </button>
      </span>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="link-button" onClick={() => onForgot(username.trim())} disabled={busy}>
          Forgot password?
        </button>
      </div>
    </form>
  );
}

interface SingleFieldFormProps {
  intro?: ReactNode;
  label: string;
  type?: 'text' | 'password' | 'email';
  autoComplete: string;
  inputMode?: 'numeric';
  initialValue?: string;
  submit: string;
  busy: boolean;
  onSubmit(value: string): void;
  onBack?: () => void;
}

function SingleFieldForm({
  intro,
  label,
  type = 'text',
  autoComplete,
  inputMode,
  initialValue = '',
  submit,
  busy,
  onSubmit,
  onBack,
}: SingleFieldFormProps) {
  const [value, setValue] = useState(initialValue);
  const id = useId();
  return (
    <form
      className="form"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(type === 'password' ? value : value.trim());
      }}
    >
      {intro ? <p>{intro}</p> : null}
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required
        autoFocus
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Please wait…' : submit}
        </button>
        {onBack ? (
          <button type="button" className="link-button" onClick={onBack} disabled={busy}>
            Back to sign-in
          </button>
        ) : null}
      </div>
    </form>
  );
}

interface MfaChoiceFormProps {
  allowed: MfaChoice[];
  legend: string;
  busy: boolean;
  onSubmit(choice: MfaChoice): void;
}

function MfaChoiceForm({ allowed, legend, busy, onSubmit }: MfaChoiceFormProps) {
  const [choice, setChoice] = useState<MfaChoice | undefined>(allowed[0]);
  return (
    <form
      className="form"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) onSubmit(choice);
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        {allowed.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="mfa" value={option} checked={choice === option} onChange={() => setChoice(option)} />{' '}
            {MFA_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !choice}>
          Continue
        </button>
      </div>
    </form>
  );
}

interface ResetConfirmFormProps {
  destination?: string;
  busy: boolean;
  onSubmit(code: string, newPassword: string): void;
}

function ResetConfirmForm({ destination, busy, onSubmit }: ResetConfirmFormProps) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  return (
    <form
      className="form"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code.trim(), password);
      }}
    >
      <p>{destination ? `A code was sent to ${destination}.` : 'Cognito sent a code.'} Enter it with a new password.</p>
      <label htmlFor={`${id}-code`}>Reset code</label>
      <input
        id={`${id}-code`}
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>New password</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Please wait…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
