import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "Copy job ID". */
  label: string;
  children?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ value, label, children = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const id = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(id);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button button--small" aria-label={label} onClick={copy}>
        {children}
      </button>
      <span role="status" className="copy__feedback">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
