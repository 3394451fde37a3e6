/** A node of the pages drawn before React (the first status, the start-up error): text is always text. */
export type Child = Node | string | null;

/** An element with its attributes and children; strings become text nodes, never markup. */
export function el(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}
