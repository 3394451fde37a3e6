import type { ReactNode } from 'react';
import type { ErrorDescription } from './describeError';
import { Icon } from './Icon';

export interface ErrorPanelProps {
  description: ErrorDescription;
  /** Extra line such as "Couldn't refresh at 12:03:10 — retrying in 8 s". */
  lead?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  tone?: 'error' | 'warning';
}

/** A failure in words: what happened, what to do, and the server's own message verbatim. */
export function ErrorPanel({ description, lead, onRetry, retrying = false, tone = 'error' }: ErrorPanelProps) {
  return (
    // Not atomic: when only the countdown in `lead` changes, nothing is read out again.
    <section
      className={`panel panel--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      aria-atomic="false"
    >
      <h2 className="panel__title">
        <Icon name={tone === 'error' ? 'error' : 'warning'} /> {description.title}
      </h2>
      {lead ? <p>{lead}</p> : null}
      <p>{description.detail}</p>
      {description.serverMessage ? (
        <p>
          AWS said: <q className="server-message">{description.serverMessage}</q>
        </p>
      ) : null}
      {description.requestId ? <p className="muted small">Request ID: {description.requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying…' : 'Try again'}
        </button>
      ) : null}
    </section>
  );
}
