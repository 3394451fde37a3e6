import { addToBoardHref } from '../browser/boardMemory';
import { Link } from '../browser/history';
import type { BoardJob } from '../domain/boardLink';

export interface AddToBoardLinkProps {
  /** The jobs to add: one for a job page or a list row, several for "Watch all running". */
  jobs: readonly BoardJob[];
  children?: string;
  /** The accessible name when the visible text is not enough (a row of a list: "Add job 7f3c… to the board"). */
  label?: string;
  className?: string;
}

/**
 * Opens the board this browser showed last with these jobs added. A link, not a button: it can be
 * opened in a new tab, and the board's address is the board.
 */
export function AddToBoardLink({ jobs, children = 'Add to board', label, className = 'button' }: AddToBoardLinkProps) {
  return (
    <Link href={addToBoardHref(jobs)} className={className} aria-label={label}>
      {children}
    </Link>
  );
}
