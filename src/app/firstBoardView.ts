import { boardJobName, boardJobNameInSentence, jobKindName } from '../features/board/boardJobNames';
import { boardIntro, rowJobError } from '../features/board/boardText';
import type { WatchedJob } from '../shared/aws/watchedJob';
import { navigate } from '../shared/browser/navigation';
import { amplifyConsoleUrl, consoleLinkWhere, consoleTarget } from '../shared/domain/amplifyConsole';
import { boardPath, type BoardJob } from '../shared/domain/boardLink';
import { showsEstimate } from '../shared/domain/jobEstimate';
import { jobPlace, placeName } from '../shared/domain/jobRef';
import { jobRefPagePath } from '../shared/domain/jobRoutes';
import { jobDurationText } from '../shared/queries/describeJobQuery';
import { el } from './dom';
import { badge, drawFirstPage } from './firstPage';

export interface FirstBoard {
  /** Every row of the link, in its order, with its first answer. */
  rows: readonly { ref: BoardJob; job: WatchedJob }[];
  /** The config's region: links leave it out. */
  defaultRegion: string;
  demo: boolean;
  now: number;
}

/** The job's own error, as BoardRow says it. */
function jobErrorLine(job: WatchedJob): HTMLElement | null {
  const error = rowJobError(job);
  if (error === null) return null;
  return error.kind === 'step'
    ? el(
        'p',
        { class: 'board-row__job-error' },
        el('strong', {}, 'Failed in step ', el('span', { class: 'mono' }, error.stepName), ':'),
        ' ',
        el('span', { class: 'break' }, error.reason),
      )
    : el(
        'p',
        { class: 'board-row__job-error' },
        el('strong', {}, 'The job reported an error:'),
        ' ',
        el('span', { class: 'break' }, error.text),
      );
}

/** One BoardRow with its answer; `remove` is its Remove button's. */
function row({ ref, job }: FirstBoard['rows'][number], defaultRegion: string, now: number, remove: () => void): HTMLElement {
  const duration = jobDurationText(job, now);
  const target = consoleTarget(ref);
  const consoleUrl = amplifyConsoleUrl(target);
  const removeButton = el(
    'button',
    { type: 'button', class: 'button button--small', 'aria-label': `Remove ${boardJobNameInSentence(ref)} from the board` },
    'Remove',
  );
  removeButton.addEventListener('click', remove);
  return el(
    'li',
    { class: 'board-row', 'aria-label': boardJobName(ref) },
    el('div', { class: 'board-row__status' }, badge(job.status), duration ? el('span', { class: 'muted' }, duration) : null),
    el(
      'div',
      { class: 'board-row__main' },
      el('p', { class: 'board-row__kind' }, el('strong', {}, jobKindName(ref)), ` · ${jobPlace(ref)}`),
      el(
        'p',
        { class: 'board-row__operation' },
        job.operation ? el('span', { class: 'mono' }, job.operation) : el('span', { class: 'muted' }, 'Operation not known yet'),
      ),
      el(
        'p',
        { class: 'board-row__where muted' },
        el('span', { class: 'mono break' }, ref.appId),
        ' / ',
        el('span', { class: 'mono break' }, placeName(ref)),
        ` / ${ref.region}`,
      ),
      el(
        'p',
        { class: 'board-row__id' },
        'Job ',
        el('a', { href: jobRefPagePath(ref, defaultRegion), class: 'mono break' }, ref.jobId),
      ),
      // The estimate's room (EstimateSlot): it reads the job's earlier jobs once the app is here.
      showsEstimate(job) ? el('div', { class: 'estimate', 'aria-hidden': 'true' }) : null,
      jobErrorLine(job),
    ),
    el(
      'div',
      { class: 'board-row__actions' },
      consoleUrl
        ? el(
            'a',
            { class: 'button button--small', href: consoleUrl, target: '_blank', rel: 'noopener noreferrer' },
            'Open in the Amplify console',
            el('span', { class: 'visually-hidden' }, ` (${consoleLinkWhere(target, ref.jobId)}, opens in a new tab)`),
          )
        : null,
      removeButton,
    ),
  );
}

/**
 * A board's heading and rows as BoardPage will draw them once every row has its first answer, in the
 * same markup and classes, written with plain DOM before React is loaded. Remove works already: the
 * link loses the job (the app reads the board from it) and the row goes, focus on the heading.
 */
export function drawFirstBoard(root: HTMLElement, { rows, defaultRegion, demo, now }: FirstBoard): void {
  const heading = el('h1', { tabindex: '-1' }, 'Board');
  const intro = el('p', { class: 'muted' }, boardIntro(rows.length));
  const list = el('ul', { class: 'board__rows', 'aria-label': 'Jobs on the board' });
  let left = rows.map((entry) => entry.ref);
  for (const entry of rows) {
    const item = row(entry, defaultRegion, now, () => {
      left = left.filter((ref) => ref !== entry.ref);
      navigate(boardPath(left), { replace: true });
      item.remove();
      intro.textContent = boardIntro(left.length);
      heading.focus();
    });
    list.append(item);
  }
  drawFirstPage(
    root,
    demo,
    el(
      'article',
      { class: 'page board' },
      // A board too big for the browser's request budget says so once the app has counted the jobs
      // every tab polls, as the app's own first render does.
      el('header', {}, heading, intro),
      el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      list,
    ),
  );
}
