import { useId, useReducer, type ReactNode } from 'react';
import type { AuthFlowType, OAuthConfig } from '../../shared/config/appConfig';
import {
  answerChallenge,
  attempt,
  confirmPasswordReset,
  requestPasswordReset,
  signInWithHostedUi,
  signInWithPassword,
  type HostedProvider,
} from './signInActions';
import { INITIAL_SIGN_IN_STATE, signInReducer, signsIn, type SignInOutcome, type SignInState } from './signInMachine';
import { usernameLabel, type LoginWith } from './signInSteps';
import { CodeStep } from './steps/CodeStep';
import { CredentialsStep } from './steps/CredentialsStep';
import { NotConfirmedStep, UnsupportedStep } from './steps/DeadEndStep';
import { EmailSetupStep } from './steps/EmailSetupStep';
import { MfaSelectionStep } from './steps/MfaSelectionStep';
import { NewPasswordStep } from './steps/NewPasswordStep';
import { ResetConfirmStep } from './steps/ResetConfirmStep';
import { ResetRequestStep } from './steps/ResetRequestStep';
import { TotpSetupStep } from './steps/TotpSetupStep';

export interface SignInScreenProps {
  authFlowType: AuthFlowType;
  loginWith?: LoginWith & { oauth?: OAuthConfig };
  /** The page to come back to after the Hosted UI (path and query). */
  returnTo: string;
  /** Why the screen is shown, in words. */
  reason?: string;
  /** Extra text under the title (the demo lists its users here). */
  hint?: ReactNode;
  onSignedIn: () => void;
  onCancel?: () => void;
}

/**
 * Sign-in against the Cognito user pool, answering every step Amplify can return: new password,
 * TOTP/SMS/email codes, MFA selection and setup, and the password-reset path. The flow lives in
 * signInMachine, the Amplify calls in signInActions; this wires them to one view per step.
 */
export function SignInScreen({ authFlowType, loginWith, returnTo, reason, hint, onSignedIn, onCancel }: SignInScreenProps) {
  const [state, dispatch] = useReducer(signInReducer, INITIAL_SIGN_IN_STATE);
  const titleId = useId();

  /** Sends one request to Cognito and feeds its answer to the machine. */
  const run = async (call: () => Promise<SignInOutcome>, username?: string) => {
    dispatch({ type: 'submitted', username });
    const outcome = await attempt(call);
    dispatch(outcome);
    if (signsIn(outcome)) onSignedIn();
  };
  const answer = (response: string) => run(() => answerChallenge(response, state.username));
  const { step, busy, error } = state;

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
      <StepView
        // One view per kind of step: a new kind starts with empty fields, a retry of the same keeps them.
        key={step.kind}
        state={state}
        label={usernameLabel(loginWith)}
        oauth={loginWith?.oauth}
        onSignIn={(username, password) => run(() => signInWithPassword(username, password, authFlowType), username)}
        onForgot={(username) => dispatch({ type: 'forgotPassword', username })}
        onHosted={(provider) => run(() => signInWithHostedUi(provider, returnTo))}
        onAnswer={answer}
        onResetRequest={(username) => run(() => requestPasswordReset(username), username)}
        onResetConfirm={(username, code, password) => run(() => confirmPasswordReset(username, code, password))}
        onStartOver={() => dispatch({ type: 'startOver' })}
      />
      {step.kind !== 'credentials' && step.kind !== 'done' ? (
        <p>
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'startOver' })} disabled={busy}>
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

interface StepViewProps {
  state: SignInState;
  label: string;
  oauth?: OAuthConfig;
  onSignIn: (username: string, password: string) => void;
  onForgot: (username: string) => void;
  onHosted: (provider: HostedProvider | undefined) => void;
  onAnswer: (answer: string) => void;
  onResetRequest: (username: string) => void;
  onResetConfirm: (username: string, code: string, newPassword: string) => void;
  onStartOver: () => void;
}

function StepView({ state: { step, username, busy }, label, oauth, ...on }: StepViewProps) {
  switch (step.kind) {
    case 'credentials':
      return (
        <CredentialsStep
          label={label}
          notice={step.notice}
          oauth={oauth}
          busy={busy}
          onSubmit={on.onSignIn}
          onForgot={on.onForgot}
          onHosted={on.onHosted}
        />
      );
    case 'newPassword':
      return <NewPasswordStep busy={busy} onSubmit={on.onAnswer} />;
    case 'code':
      return <CodeStep medium={step.medium} destination={step.destination} busy={busy} onSubmit={on.onAnswer} />;
    case 'mfaSelection':
      return <MfaSelectionStep allowed={step.allowed} setup={step.setup} busy={busy} onSubmit={on.onAnswer} />;
    case 'totpSetup':
      return <TotpSetupStep sharedSecret={step.sharedSecret} setupUri={step.setupUri} busy={busy} onSubmit={on.onAnswer} />;
    case 'emailSetup':
      return <EmailSetupStep busy={busy} onSubmit={on.onAnswer} />;
    case 'resetRequest':
      return (
        <ResetRequestStep
          reason={step.reason}
          label={label}
          username={username}
          busy={busy}
          onSubmit={on.onResetRequest}
          onBack={on.onStartOver}
        />
      );
    case 'resetConfirm':
      return (
        <ResetConfirmStep
          destination={step.destination}
          busy={busy}
          onSubmit={(code, password) => on.onResetConfirm(step.username, code, password)}
        />
      );
    case 'notConfirmed':
      return <NotConfirmedStep />;
    case 'unsupported':
      return <UnsupportedStep step={step.step} />;
    case 'done':
      // The dialog closes on onSignedIn.
      return null;
  }
}
