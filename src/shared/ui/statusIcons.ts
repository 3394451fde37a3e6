import type { StatusTone } from '../domain/jobStatus';

/** The path of each tone's icon (24×24): the React badge and the first status drawn before React share it. */
export const STATUS_ICONS: Record<StatusTone, string> = {
  // A ring with a gap (in progress), a check, a cross, a question mark: distinct without color.
  running: 'M12 3a9 9 0 1 0 9 9h-3a6 6 0 1 1-6-6z',
  completed: 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z',
  failed: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
  unknown: 'M11 18h2v-2h-2zm1-14a4 4 0 0 0-4 4h2a2 2 0 1 1 4 0c0 2-3 1.8-3 5h2c0-2.2 3-2.5 3-5a4 4 0 0 0-4-4z',
};
