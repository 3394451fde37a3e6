import type { MfaChoice } from '../signInMachine';
import { codeLabel } from '../signInSteps';
import type { ChallengeStepProps } from './NewPasswordStep';
import { SingleFieldForm } from './SingleFieldForm';

export interface CodeStepProps extends ChallengeStepProps {
  medium: MfaChoice | 'CUSTOM';
  destination?: string;
}

/** A code from the authenticator app, a text message or an email, or a custom challenge's answer. */
export function CodeStep({ medium, destination, busy, onSubmit }: CodeStepProps) {
  return (
    <SingleFieldForm
      intro={destination ? `A code was sent to ${destination}.` : undefined}
      label={codeLabel(medium)}
      autoComplete="one-time-code"
      inputMode={medium === 'CUSTOM' ? undefined : 'numeric'}
      submit="Confirm"
      busy={busy}
      onSubmit={onSubmit}
    />
  );
}
