/**
 * The same element as `drawn` among what replaced it: same tag, attributes and text. The pages drawn
 * before React share React's markup, so a link, button or heading has its twin there.
 */
function twinOf(drawn: Element, root: Element): HTMLElement | undefined {
  const attributes = (element: Element) =>
    [...element.attributes]
      .map(({ name, value }) => `${name}=${value}`)
      .sort()
      .join('\n');
  const wanted = attributes(drawn);
  return [...root.querySelectorAll<HTMLElement>(drawn.localName)].find(
    (candidate) => candidate.textContent === drawn.textContent && attributes(candidate) === wanted,
  );
}

/**
 * React replaces the page the entry drew (a job's first status, a board's first rows). Whatever had
 * focus there (a link, Remove, the heading after a Remove) gets its twin in the app's page instead of
 * dropping to the page body; with no twin, focus goes to the page's main region.
 */
export function keepFocusThroughTakeover(root: HTMLElement): void {
  const drawn = root.firstElementChild;
  if (!drawn) return;
  const inDrawn = (target: EventTarget | null) => (target instanceof HTMLElement && drawn.contains(target) ? target : null);
  // Where focus is until React's first render replaces the drawn page (it may move while the app loads).
  let focused = inDrawn(document.activeElement);
  const follow = (event: FocusEvent) => (focused = inDrawn(event.target));
  root.addEventListener('focusin', follow);
  const observer = new MutationObserver(() => {
    if (drawn.isConnected) return;
    observer.disconnect();
    root.removeEventListener('focusin', follow);
    if (focused && document.activeElement === document.body) (twinOf(focused, root) ?? document.getElementById('main'))?.focus();
  });
  observer.observe(root, { childList: true });
}
