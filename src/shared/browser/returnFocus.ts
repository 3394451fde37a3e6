/**
 * Gives focus back to `element` (what had it before a dialog opened) when it is still on the page and
 * can take it; otherwise to the page's main region. Focus never stays on the page body.
 */
export function returnFocus(element: Element | null | undefined): void {
  if (element instanceof HTMLElement && element !== document.body && element.isConnected && !element.closest('[inert]')) {
    element.focus();
  } else {
    document.getElementById('main')?.focus({ preventScroll: true });
  }
}
