import type { ChallengeStepProps } from './NewPasswordStep';
import { SingleFieldForm } from './SingleFieldForm';

/** Setting up email codes: the address to send them to. */
export function EmailSetupStep({ busy, onSubmit }: ChallengeStepProps) {
  return (
    <SingleFieldForm
      intro="Give the email address to send sign-in codes to."
      label="Email"
      type="email"
      autoComplete="email"
      submit="Continue"
      busy={busy}
      onSubmit={onSubmit}
    />
  );
}
