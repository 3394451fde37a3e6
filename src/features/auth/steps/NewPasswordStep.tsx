import { SingleFieldForm } from './SingleFieldForm';

export interface ChallengeStepProps {
  busy: boolean;
  onSubmit: (answer: string) => void;
}

/** Cognito wants a new password before the first sign-in (an admin-created user). */
export function NewPasswordStep({ busy, onSubmit }: ChallengeStepProps) {
  return (
    <SingleFieldForm
      intro="Your password must be changed before you can continue."
      label="New password"
      type="password"
      autoComplete="new-password"
      submit="Set password"
      busy={busy}
      onSubmit={onSubmit}
    />
  );
}
