import type { WatchedJob } from '../shared/aws/watchedJob';
import { environmentJobsPath } from '../shared/domain/environmentRoutes';
import { isHostingRef, type JobRef } from '../shared/domain/jobRef';
import { branchJobsPath } from '../shared/domain/jobRoutes';
import { statusTone, statusWord } from '../shared/domain/jobStatus';
import { jobDurationText } from '../shared/queries/describeJobQuery';
import { breakableParts } from '../shared/ui/breakableParts';
import { STATUS_ICONS } from '../shared/ui/statusIcons';
import { el, type Child } from './dom';

/** An ID or name that wraps only at its separators, as BreakableText draws it. Always text, never markup. */
function breakable(text: string): Child[] {
  return breakableParts(text).flatMap((part, index, parts) => (index < parts.length - 1 ? [part, el('wbr', {})] : [part]));
}

function badge(status: string | undefined): HTMLElement {
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

export interface FirstStatus {
  ref: JobRef;
  job: WatchedJob;
  /** The config's region: links leave it out. */
  defaultRegion: string;
  demo: boolean;
  now: number;
}

/**
 * The job page's top as React will draw it (shell header, demo line, the job's header, its status and
 * time), in the same markup and classes, written with plain DOM before React is even loaded. React
 * replaces it whole on its first render; what is drawn here stays where it is. The header's controls
 * (time zone, sign-in) arrive with React: a placeholder of their height holds their place.
 */
export function drawFirstStatus(root: HTMLElement, { ref, job, defaultRegion, demo, now }: FirstStatus): void {
  const region = ref.region === defaultRegion ? undefined : ref.region;
  const [place, name, href] = isHostingRef(ref)
    ? ['branch', ref.branchName, branchJobsPath({ appId: ref.appId, branchName: ref.branchName, region })]
    : ['environment', ref.envName, environmentJobsPath({ appId: ref.appId, envName: ref.envName, region })];
  const duration = jobDurationText(job, now);
  const shell = el(
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
    el(
      'main',
      { id: 'main', class: 'site-main', tabindex: '-1' },
      el(
        'article',
        { class: 'page job' },
        el(
          'header',
          { class: 'job__header' },
          el(
            'p',
            { class: 'muted' },
            'App ',
            el('span', { class: 'mono' }, ref.appId),
            ` · ${place} `,
            el('a', { href }, el('span', { class: 'mono break' }, ...breakable(name))),
            ` · ${ref.region}`,
          ),
          el(
            'h1',
            { tabindex: '-1' },
            isHostingRef(ref) ? 'Hosting job ' : 'Job ',
            el('span', { class: 'mono job__id' }, ...breakable(ref.jobId)),
          ),
        ),
        el(
          'section',
          { tabindex: '-1', class: 'job__status', 'aria-label': 'Job status' },
          el('span', { class: 'job__badge' }, badge(job.status)),
          duration === null ? null : el('span', { class: 'muted' }, duration),
        ),
      ),
    ),
  );
  root.replaceChildren(shell);
}
