import { useId, useState, type ReactNode } from 'react';

export interface SingleFieldFormProps {
  intro?: ReactNode;
  label: string;
  type?: 'text' | 'password' | 'email';
  autoComplete: string;
  inputMode?: 'numeric';
  initialValue?: string;
  submit: string;
  busy: boolean;
  onSubmit: (value: string) => void;
  onBack?: () => void;
}

/** One field and a submit button: most sign-in steps ask for a single answer. */
export function SingleFieldForm({
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
