import type { JobQueryDescription } from '../shared/queries/describeJobQuery';

/** A job query with nothing to say: running, answered, no check in flight, no problem. */
export const QUIET_DESCRIPTION: JobQueryDescription = {
  checking: false,
  problem: null,
  unreachable: false,
  stoppedOn: null,
  tone: 'running',
  finished: false,
};
