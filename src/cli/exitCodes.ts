/** How the command ends, as a number a pipeline can branch on. */
export const EXIT = {
  /** Every job ended well (COMPLETED). */
  ok: 0,
  /** A job ended FAILED (or CANCELLED). */
  failed: 1,
  /** Not a job link, a bad option. */
  usage: 2,
  /** A job cannot be watched: not found, access denied, no credentials. */
  cannotWatch: 3,
  /** --timeout passed before every job ended. */
  timeout: 4,
  /** Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where one job's watch ended. */
export type JobOutcome = 'succeeded' | 'failed' | 'cannot-watch' | 'timed-out' | 'interrupted';

/**
 * One exit code for all the jobs. Ctrl-C wins (the person stopped it); then a job that cannot be
 * watched (a setup problem: its outcome is unknown and will stay so); then a failure (certain, even
 * if other jobs were still running at the timeout); then the timeout; 0 only when every job succeeded.
 */
export function exitCodeFor(outcomes: readonly JobOutcome[]): ExitCode {
  if (outcomes.includes('interrupted')) return EXIT.interrupted;
  if (outcomes.includes('cannot-watch')) return EXIT.cannotWatch;
  if (outcomes.includes('failed')) return EXIT.failed;
  if (outcomes.includes('timed-out')) return EXIT.timeout;
  return EXIT.ok;
}
