import { useEffect } from 'react';
import { useDocumentTitle } from './documentTitle';

/** What the tab shows at a glance. */
export type TabState = 'running' | 'completed' | 'failed' | 'unreachable' | 'idle';

/**
 * Favicons that differ in shape as well as color, so the four states are told apart at 16 px and
 * by people who do not see the colors: a ring, a check in a disc, a cross in a square, a triangle.
 */
const ICONS: Record<Exclude<TabState, 'idle'>, string> = {
  running: '<circle cx="16" cy="16" r="12" fill="none" stroke="#0a5cc2" stroke-width="6" stroke-dasharray="56 20"/>',
  completed:
    '<circle cx="16" cy="16" r="15" fill="#1a7f37"/><path d="M8 16.5l5.5 5.5L24 11" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>',
  failed:
    '<rect x="1" y="1" width="30" height="30" rx="5" fill="#c62828"/><path d="M10 10l12 12M22 10L10 22" stroke="#fff" stroke-width="4" stroke-linecap="round"/>',
  unreachable:
    '<path d="M16 2L31 29H1z" fill="#6b6f76"/><path d="M16 11v9" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/><circle cx="16" cy="24.5" r="2" fill="#fff"/>',
};

export const DEFAULT_FAVICON = '/favicon.svg';

export function faviconHref(state: TabState): string {
  if (state === 'idle') return DEFAULT_FAVICON;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${ICONS[state]}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function iconLink(): HTMLLinkElement {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  return link;
}

/** Title and favicon follow the watched job; both go back to the defaults when the page leaves. */
export function useTabIndicator(title: string, state: TabState): void {
  useDocumentTitle(title);
  useEffect(() => {
    const link = iconLink();
    link.type = 'image/svg+xml';
    link.href = faviconHref(state);
    return () => {
      link.href = DEFAULT_FAVICON;
    };
  }, [state]);
}
