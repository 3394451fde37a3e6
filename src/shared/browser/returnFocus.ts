/**
 * Gives focus back to `element` (what had it before a dialog opened) when it is still on the page and
 * can take it; otherwise to the page's main region. Focus never stays on the page body, and giving it
 * back never scrolls to a container: the page's main region or a heading (focusable only from script,
 * `tabindex="-1"`) would otherwise be scrolled to its top, taking the header out of view.
 */
export function returnFocus(element: Element | null | undefined): void {
  if (element instanceof HTMLElement && element !== document.body && element.isConnected && !element.closest('[inert]')) {
    element.focus(element.getAttribute('tabindex') === '-1' ? { preventScroll: true } : undefined);
  } else {
    document.getElementById('main')?.focus({ preventScroll: true });
  }
}
