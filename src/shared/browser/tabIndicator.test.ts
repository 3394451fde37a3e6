import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FAVICON, faviconHref, useTabIndicator, type TabState } from './tabIndicator';

const SHOWN_STATES = ['running', 'completed', 'failed', 'unreachable'] as const satisfies readonly TabState[];
const SVG_PREFIX = 'data:image/svg+xml,';

function svgOf(href: string): string {
  expect(href.startsWith(SVG_PREFIX)).toBe(true);
  return decodeURIComponent(href.slice(SVG_PREFIX.length));
}

function parseSvg(href: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(svgOf(href), 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  const root = doc.documentElement;
  expect(root.localName).toBe('svg');
  return root as unknown as SVGSVGElement;
}

/** The drawing with every color made the same: what is left is shape alone. */
function shapeOnly(href: string): string {
  return svgOf(href).replace(/#[0-9a-f]{3,8}\b/gi, '#000');
}

function shapeNames(href: string): string[] {
  return [...parseSvg(href).children].map((element) => element.localName);
}

describe('faviconHref', () => {
  it('gives the default favicon when nothing is watched', () => {
    expect(faviconHref('idle')).toBe(DEFAULT_FAVICON);
  });

  it.each(SHOWN_STATES)('gives a well-formed SVG data URL for %s', (state) => {
    const svg = parseSvg(faviconHref(state));
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 32 32');
    expect(svg.children.length).toBeGreaterThan(0);
  });

  it('leaves nothing in the URL that would end or break it (quotes, spaces, #, <)', () => {
    for (const state of SHOWN_STATES) {
      const payload = faviconHref(state).slice(SVG_PREFIX.length);
      expect(payload).not.toMatch(/[\s"'#<>]/);
    }
  });

  it('gives four different icons', () => {
    expect(new Set(SHOWN_STATES.map(faviconHref)).size).toBe(4);
  });

  it('tells the four states apart by shape, not only by color', () => {
    const shapes = SHOWN_STATES.map((state) => shapeOnly(faviconHref(state)));
    expect(new Set(shapes).size).toBe(4);
    const outlines = SHOWN_STATES.map((state) => shapeNames(faviconHref(state)).join(','));
    expect(new Set(outlines).size).toBe(4);
  });

  it('draws a ring for running, a disc with a check for completed, a square for failed and a triangle for unreachable', () => {
    const running = parseSvg(faviconHref('running'));
    expect(shapeNames(faviconHref('running'))).toEqual(['circle']);
    expect(running.querySelector('circle')?.getAttribute('fill')).toBe('none');
    expect(running.querySelector('circle')?.getAttribute('stroke-dasharray')).toBeTruthy();

    const completed = parseSvg(faviconHref('completed'));
    expect(shapeNames(faviconHref('completed'))[0]).toBe('circle');
    expect(completed.querySelector('circle')?.getAttribute('fill')).not.toBe('none');
    expect(completed.querySelector('path')).not.toBeNull();

    expect(shapeNames(faviconHref('failed'))[0]).toBe('rect');

    const unreachable = parseSvg(faviconHref('unreachable'));
    expect(shapeNames(faviconHref('unreachable'))[0]).toBe('path');
    // A closed three-point outline: a triangle.
    expect(unreachable.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.\s]+L[\d.\s]+H[\d.\s]+z$/i);
  });
});

function iconLink(): HTMLLinkElement | null {
  return document.head.querySelector<HTMLLinkElement>('link[rel="icon"]');
}

describe('useTabIndicator', () => {
  beforeEach(() => {
    document.title = 'Amplify Job Watch';
    document.head.querySelectorAll('link[rel="icon"]').forEach((link) => link.remove());
  });

  afterEach(() => {
    document.head.querySelectorAll('link[rel="icon"]').forEach((link) => link.remove());
  });

  function addDefaultIcon(): HTMLLinkElement {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.setAttribute('href', DEFAULT_FAVICON);
    document.head.appendChild(link);
    return link;
  }

  it('sets the title and the favicon while mounted, and restores both on unmount', () => {
    const link = addDefaultIcon();
    const { unmount } = renderHook(() => useTabIndicator('RUNNING · 7f3c9e2a · Amplify Job Watch', 'running'));
    expect(document.title).toBe('RUNNING · 7f3c9e2a · Amplify Job Watch');
    expect(iconLink()).toBe(link);
    expect(link.getAttribute('href')).toBe(faviconHref('running'));
    expect(link.type).toBe('image/svg+xml');

    unmount();
    expect(document.title).toBe('Amplify Job Watch');
    expect(link.getAttribute('href')).toBe(DEFAULT_FAVICON);
    expect(document.head.querySelectorAll('link[rel="icon"]')).toHaveLength(1);
  });

  it('creates the icon link when the page has none', () => {
    expect(iconLink()).toBeNull();
    const { unmount } = renderHook(() => useTabIndicator('FAILED · job', 'failed'));
    expect(iconLink()?.getAttribute('href')).toBe(faviconHref('failed'));
    unmount();
    expect(iconLink()?.getAttribute('href')).toBe(DEFAULT_FAVICON);
  });

  it('follows changes of title and state, and still restores the original title at the end', () => {
    addDefaultIcon();
    const { rerender, unmount } = renderHook(
      ({ title, state }: { title: string; state: TabState }) => useTabIndicator(title, state),
      {
        initialProps: { title: 'Loading · job', state: 'idle' },
      },
    );
    expect(document.title).toBe('Loading · job');
    expect(iconLink()?.getAttribute('href')).toBe(DEFAULT_FAVICON);

    rerender({ title: 'RUNNING · job', state: 'running' });
    expect(document.title).toBe('RUNNING · job');
    expect(iconLink()?.getAttribute('href')).toBe(faviconHref('running'));

    rerender({ title: 'Can’t reach AWS · RUNNING · job', state: 'unreachable' });
    expect(document.title).toBe('Can’t reach AWS · RUNNING · job');
    expect(iconLink()?.getAttribute('href')).toBe(faviconHref('unreachable'));

    rerender({ title: 'COMPLETED · job', state: 'completed' });
    expect(document.title).toBe('COMPLETED · job');
    expect(iconLink()?.getAttribute('href')).toBe(faviconHref('completed'));

    unmount();
    expect(document.title).toBe('Amplify Job Watch');
    expect(iconLink()?.getAttribute('href')).toBe(DEFAULT_FAVICON);
  });

  it('uses only one icon link, however often the state changes', () => {
    addDefaultIcon();
    const { rerender, unmount } = renderHook(({ state }: { state: TabState }) => useTabIndicator('t', state), {
      initialProps: { state: 'running' },
    });
    for (const state of ['completed', 'failed', 'unreachable', 'running'] as const) rerender({ state });
    expect(document.head.querySelectorAll('link[rel="icon"]')).toHaveLength(1);
    unmount();
  });
});
