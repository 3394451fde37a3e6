import { useEffect, useId, useRef } from 'react';
import { returnFocus } from '../browser/returnFocus';
import type { Shortcut } from './useShortcuts';

export interface ShortcutsDialogProps {
  shortcuts: readonly Shortcut[];
  onClose: () => void;
}

/**
 * The list of the page's keyboard shortcuts, opened with "?": the one place they are announced.
 * Focus starts on Close and goes back to what had it when the dialog closes (Escape or Close).
 */
export function ShortcutsDialog({ shortcuts, onClose }: ShortcutsDialogProps) {
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    close.current?.focus();
    return () => returnFocus(opener);
  }, []);
  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          // The page beneath stays out of reach: Tab has nowhere else to go.
          if (event.key === 'Tab') event.preventDefault();
        }}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <dl className="shortcuts__list">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.key}>
              <dt>
                <kbd>{shortcut.key}</kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Not while typing in a field.</p>
        <button type="button" className="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
