import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * When the focused control inside `container` goes away (Pause once the job has ended, "Try again"
 * once the check worked), focus moves to `fallback()` instead of dropping to the page body.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>, fallback: () => HTMLElement | null): void {
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) lastFocused.current = event.target;
    };
    element.addEventListener('focusin', onFocusIn);
    return () => element.removeEventListener('focusin', onFocusIn);
  }, [container]);
  // After every render: the control may have been removed by it.
  useLayoutEffect(() => {
    const lost = lastFocused.current;
    if (!lost || lost.isConnected) return;
    lastFocused.current = null;
    const active = document.activeElement;
    if (active === null || active === document.body) fallback()?.focus();
  });
}
