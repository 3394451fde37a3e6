import { useId, useState } from 'react';

export interface ResetConfirmStepProps {
  destination?: string;
  busy: boolean;
  onSubmit: (code: string, newPassword: string) => void;
}

/** The reset code Cognito sent, with the new password. */
export function ResetConfirmStep({ destination, busy, onSubmit }: ResetConfirmStepProps) {
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
