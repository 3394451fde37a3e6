import { useEffect, useRef, useState } from 'react';
import { returnFocus } from '../browser/returnFocus';

/**
 * A `<dialog>` shown with showModal() while the component is mounted. The browser puts it in the top
 * layer, keeps focus inside it, makes the page beneath inert and, on Escape, fires its `cancel` event
 * and closes it. Focus starts on the first element matching `first`. Put away (`putAway(close)`, for
 * `onCancel` and the dialog's own Close or Cancel), it gives focus back to what had it before it opened;
 * gone otherwise (a sign-in closes it), or that element being gone, focus goes to the page's main
 * region (returnFocus). Never to the page body.
 */
export function useModalDialog(first: string) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read while rendering: a field of the dialog focuses itself (autoFocus) as it mounts, before any effect.
  const [opener] = useState(() => document.activeElement);
  const wasPutAway = useRef(false);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    element?.querySelector<HTMLElement>(first)?.focus();
    return () => {
      element?.close();
      returnFocus(wasPutAway.current ? opener : null);
    };
  }, [first, opener]);
  const putAway = (close: () => void) => () => {
    wasPutAway.current = true;
    close();
  };
  return { dialog, putAway };
}
