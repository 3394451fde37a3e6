import type { ChallengeStepProps } from './NewPasswordStep';
import { SingleFieldForm } from './SingleFieldForm';

export interface TotpSetupStepProps extends ChallengeStepProps {
  sharedSecret: string;
  setupUri: string;
}

/** Setting up an authenticator app: the key (or its otpauth link), then the first code it shows. */
export function TotpSetupStep({ sharedSecret, setupUri, busy, onSubmit }: TotpSetupStepProps) {
  return (
    <SingleFieldForm
      intro={
        <>
          Add this account to your authenticator app with the key <span className="mono break">{sharedSecret}</span> (or the link{' '}
          <a href={setupUri}>otpauth</a>), then enter the code it shows.
        </>
      }
      label="Code from your authenticator app"
      autoComplete="one-time-code"
      inputMode="numeric"
      submit="Confirm"
      busy={busy}
      onSubmit={onSubmit}
    />
  );
}
