import { useId } from 'react';
import { useModalDialog } from './useModalDialog';
import type { Shortcut } from './useShortcuts';

export interface ShortcutsDialogProps {
  shortcuts: readonly Shortcut[];
  onClose: () => void;
}

/**
 * The list of the page's keyboard shortcuts, opened with "?": the one place they are announced.
 * Focus starts on Close and goes back to what had it when the dialog closes (Escape, Close, or a
 * click on the page around it).
 */
export function ShortcutsDialog({ shortcuts, onClose }: ShortcutsDialogProps) {
  const titleId = useId();
  const { dialog, putAway } = useModalDialog('button');
  const close = putAway(onClose);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts"
      aria-labelledby={titleId}
      onCancel={close}
      onClick={({ target, currentTarget, clientX: x, clientY: y }) => {
        // A click on the backdrop reaches the dialog itself, outside its box.
        const box = currentTarget.getBoundingClientRect();
        if (target === currentTarget && (x < box.left || x > box.right || y < box.top || y > box.bottom)) close();
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
      <button type="button" className="button" onClick={close}>
        Close
      </button>
    </dialog>
  );
}
