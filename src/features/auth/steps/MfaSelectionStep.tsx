import { useState } from 'react';
import type { MfaChoice } from '../signInMachine';
import { MFA_LABELS } from '../signInSteps';

export interface MfaSelectionStepProps {
  allowed: MfaChoice[];
  /** Choosing a second step to set up, rather than one to confirm with. */
  setup: boolean;
  busy: boolean;
  onSubmit: (choice: MfaChoice) => void;
}

export function MfaSelectionStep({ allowed, setup, busy, onSubmit }: MfaSelectionStepProps) {
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
        <legend>{setup ? 'Choose how to set up a second sign-in step' : 'Choose how to confirm it is you'}</legend>
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
