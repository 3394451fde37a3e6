import { SingleFieldForm } from './SingleFieldForm';

export interface ResetRequestStepProps {
  /** Why a reset is needed, when Cognito asked for one. */
  reason?: string;
  label: string;
  username: string;
  busy: boolean;
  onSubmit: (username: string) => void;
  onBack: () => void;
}

/** Asks Cognito to send a password reset code for a username. */
export function ResetRequestStep({ reason, label, username, busy, onSubmit, onBack }: ResetRequestStepProps) {
  return (
    <SingleFieldForm
      intro={`${reason ? `${reason} ` : ''}Cognito will send a code to reset the password.`}
      label={label}
      autoComplete="username"
      initialValue={username}
      submit="Send code"
      busy={busy}
      onSubmit={onSubmit}
      onBack={onBack}
    />
  );
}
