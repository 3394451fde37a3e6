import { useState, type ReactNode } from 'react';
import { BreakableText } from './BreakableText';
import { Icon } from './Icon';

/** Beyond this many characters the job's error is collapsed behind "Show all". */
export const COLLAPSE_AFTER = 2000;

export interface JobErrorTextProps {
  text: string;
  /** Controls shown with the text, such as a Copy button. */
  children?: ReactNode;
  /** The panel's heading; "The job reported an error" by default. */
  title?: string;
}

/** The job's own error: unmissable, rendered as text, long messages collapsed but complete on request. */
export function JobErrorText({ text, children, title = 'The job reported an error' }: JobErrorTextProps) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > COLLAPSE_AFTER;
  const shown = long && !expanded ? `${text.slice(0, COLLAPSE_AFTER)}…` : text;
  return (
    <section className="panel panel--error" aria-labelledby="job-error-title">
      <h2 className="panel__title" id="job-error-title">
        <Icon name="error" /> {title}
      </h2>
      <pre className="job-error">
        <BreakableText text={shown} />
      </pre>
      {long ? (
        <button type="button" className="button button--small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : `Show all (${text.length.toLocaleString()} characters)`}
        </button>
      ) : null}
      {children}
    </section>
  );
}
