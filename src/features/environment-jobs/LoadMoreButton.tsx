import { useEffect, useRef } from 'react';

export interface LoadMoreButtonProps {
  loading: boolean;
  onLoad: () => void;
  /** Where focus goes when the button goes away while it has focus (the last page is in). */
  focusAfter: () => HTMLElement | null | undefined;
}

/**
 * "Load more" for the next page of jobs. Never disabled while loading (a disabled button drops a
 * keyboard user's focus to the page body): it says "Loading…", is busy, and ignores presses. When it
 * goes away with focus on it, focus moves on to `focusAfter()`.
 */
export function LoadMoreButton({ loading, onLoad, focusAfter }: LoadMoreButtonProps) {
  const hasFocus = useRef(false);
  const next = useRef(focusAfter);
  useEffect(() => {
    next.current = focusAfter;
  });
  useEffect(
    () => () => {
      const active = document.activeElement;
      if (hasFocus.current && (active === null || active === document.body)) next.current()?.focus();
    },
    [],
  );
  return (
    <button
      type="button"
      className="button"
      aria-busy={loading}
      onFocus={() => {
        hasFocus.current = true;
      }}
      onBlur={() => {
        hasFocus.current = false;
      }}
      onClick={() => {
        if (!loading) onLoad();
      }}
    >
      {loading ? 'Loading…' : 'Load more'}
    </button>
  );
}
