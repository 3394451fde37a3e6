/**
 * Single-key shortcuts like GitHub's (`r`, `p`, `?`): on keydown anywhere in the document, but never while
 * the person is typing in a field or working in a dialog, never with Ctrl/Alt/Meta held (those belong to the browser), and never
 * for a key that is being held down (auto-repeat).
 */
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** The character typed: 'r', 'p', '?'. */
  key: string;
  /** Shown in the list of shortcuts. */
  description: string;
  run: () => void;
}

/** True when the key press belongs to a field or an editable element, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'reset', 'submit', 'range', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

/** The shortcut a keydown asks for, if any. */
export function matchShortcut(event: KeyboardEvent, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (event.defaultPrevented || event.repeat || event.isComposing) return undefined;
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  // A dialog over the page (sign-in, the list of shortcuts) owns the keyboard, wherever focus is.
  if (document.querySelector('[aria-modal="true"], dialog[open]')) return undefined;
  return shortcuts.find((shortcut) => shortcut.key === event.key);
}

/** Listens while mounted; the latest `shortcuts` are used without re-adding the listener. */
export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = matchShortcut(event, latest.current);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
