import { statusTone, statusWord } from '../shared/domain/jobStatus';
import { breakableParts } from '../shared/ui/breakableParts';
import { STATUS_ICONS } from '../shared/ui/statusIcons';
import { el, type Child } from './dom';

/**
 * What the pages drawn before React (a job's first status, a board's first rows) share: the shell
 * around them and the status badge, in the markup and classes React draws them with.
 */

/** An ID or name that wraps only at its separators, as BreakableText draws it. Always text, never markup. */
export function breakable(text: string): Child[] {
  return breakableParts(text).flatMap((part, index, parts) => (index < parts.length - 1 ? [part, el('wbr', {})] : [part]));
}

/** StatusBadge: the status in words with its icon; the tone never by color alone. */
export function badge(status: string | undefined): HTMLElement {
  const tone = statusTone(status);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({ 'aria-hidden': 'true', viewBox: '0 0 24 24', width: '20', height: '20' })) {
    svg.setAttribute(name, value);
  }
  svg.setAttribute('class', 'status-badge__icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', STATUS_ICONS[tone]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return el(
    'span',
    { class: `status-badge status-badge--${tone}`, 'data-tone': tone },
    svg,
    el('span', { class: 'status-badge__text' }, status === undefined ? 'No status' : statusWord(status)),
  );
}

/**
 * The shell as React draws it (header, demo line, main) around `page`, replacing what `root` held.
 * The header's controls (time zone, sign-in) arrive with React: a placeholder of their height holds
 * their place. React replaces it all on its first render; what is drawn here stays where it is.
 */
export function drawFirstPage(root: HTMLElement, demo: boolean, page: HTMLElement): void {
  root.replaceChildren(
    el(
      'div',
      { class: 'shell' },
      el(
        'header',
        { class: 'site-header' },
        el('a', { href: '/', class: 'site-header__home' }, 'Amplify Job Watch'),
        // The time zone switch's height, unseen: the header is as tall as it will be with its controls.
        el(
          'span',
          { class: 'time-zone-switch site-header__pending', 'aria-hidden': 'true' },
          el('button', { type: 'button', class: 'time-zone-switch__option', tabindex: '-1', disabled: '' }, 'Local'),
        ),
      ),
      demo
        ? el(
            'div',
            { class: 'demo-banner', role: 'note', 'aria-label': 'Demo mode' },
            el('p', { class: 'demo-banner__line' }, el('strong', {}, 'Demo:'), ' simulated AWS, sample data.'),
          )
        : null,
      el('main', { id: 'main', class: 'site-main', tabindex: '-1' }, page),
    ),
  );
}
