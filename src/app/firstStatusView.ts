import type { WatchedJob } from '../shared/aws/watchedJob';
import { isHostingRef, type JobRef } from '../shared/domain/jobRef';
import { jobPlaceLink } from '../shared/domain/jobRoutes';
import { jobDurationText } from '../shared/queries/describeJobQuery';
import { el } from './dom';
import { badge, breakable, drawFirstPage } from './firstPage';

export interface FirstStatus {
  ref: JobRef;
  job: WatchedJob;
  /** The config's region: links leave it out. */
  defaultRegion: string;
  demo: boolean;
  now: number;
}

/**
 * The job page's top as React will draw it (the job's header, its status and time), in the same
 * markup and classes, written with plain DOM before React is even loaded.
 */
export function drawFirstStatus(root: HTMLElement, { ref, job, defaultRegion, demo, now }: FirstStatus): void {
  const { place, name, href } = jobPlaceLink(ref, defaultRegion);
  const duration = jobDurationText(job, now);
  drawFirstPage(
    root,
    demo,
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
  );
}
