import { afterEach, describe, expect, it } from 'vitest';
import { keepFocusThroughTakeover } from './takeoverFocus';

/** A page as the entry draws it and as React then draws it: plain HTML here. */
function page(html: string): HTMLElement {
  const shell = document.createElement('div');
  shell.innerHTML = html;
  return shell;
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('keepFocusThroughTakeover', () => {
  let root: HTMLElement;
  afterEach(() => root.remove());

  function drawn(html: string): HTMLElement {
    root = document.body.appendChild(document.createElement('div'));
    root.append(page(html));
    return root;
  }

  it('gives focus to the twin of what had it: same tag, attributes and text', async () => {
    drawn(
      '<main id="main" tabindex="-1"><a href="/a">A</a><button type="button" aria-label="Remove job 2">Remove</button></main>',
    );
    root.querySelector('button')!.focus();
    keepFocusThroughTakeover(root);
    root.replaceChildren(
      page(
        '<main id="main" tabindex="-1"><button type="button" aria-label="Remove job 1">Remove</button><button aria-label="Remove job 2" type="button">Remove</button></main>',
      ),
    );
    await flush();
    expect(document.activeElement).toBe(root.querySelectorAll('button')[1]);
  });

  it('follows focus while the app loads; with no twin, the main region, never the body', async () => {
    drawn('<main id="main" tabindex="-1"><a href="/a">A</a><a href="/b">B</a></main>');
    root.querySelector('a')!.focus();
    keepFocusThroughTakeover(root);
    root.querySelectorAll('a')[1]!.focus();
    root.replaceChildren(page('<main id="main" tabindex="-1"><a href="/a">A</a></main>'));
    await flush();
    expect(document.activeElement).toBe(root.querySelector('main'));
  });

  it('leaves focus alone when it was not on the drawn page', async () => {
    drawn('<main id="main" tabindex="-1"><a href="/a">A</a></main>');
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    keepFocusThroughTakeover(root);
    root.replaceChildren(page('<main id="main" tabindex="-1"><a href="/a">A</a></main>'));
    await flush();
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
