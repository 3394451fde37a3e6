import { jobRefParts, type JobRef } from '../domain/jobRef';
import type { LockManagerLike } from './jobPollLeader';

/** The prefix of every job election's Web Lock and BroadcastChannel. */
export const LOCK_PREFIX = 'amplify-job-watch.poll:';

/** The election's name: the principal and the job (its lock and channel are LOCK_PREFIX + this). */
export function electionName(principal: string, key: JobRef): string {
  return JSON.stringify([principal, ...jobRefParts(key)]);
}

/**
 * Which of `keys` another tab of this browser polls now (holds the election's lock), read before this
 * tab has joined any election: the first status then waits for that tab's answer instead of asking
 * AWS itself. All false without `locks.query` (every tab its own poller, as the election assumes).
 */
export async function polledElsewhere(
  locks: LockManagerLike | undefined,
  principal: string,
  keys: readonly JobRef[],
): Promise<boolean[]> {
  if (!locks?.query) return keys.map(() => false);
  try {
    const { held = [] } = await locks.query();
    const names = new Set(held.map((lock) => lock.name));
    return keys.map((key) => names.has(LOCK_PREFIX + electionName(principal, key)));
  } catch {
    return keys.map(() => false);
  }
}
