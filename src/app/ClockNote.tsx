import { useSyncExternalStore } from 'react';
import type { ClockOffset } from '../shared/aws/clockOffset';
import { formatDuration } from '../shared/ui/timeFormat';

/** Beyond this the person is told their clock is off (requests are corrected either way). */
export const CLOCK_NOTE_THRESHOLD_MS = 60_000;

export function ClockNote({ clock }: { clock: ClockOffset }) {
  const offset = useSyncExternalStore(clock.subscribe, clock.get);
  if (Math.abs(offset) <= CLOCK_NOTE_THRESHOLD_MS) return null;
  const direction = offset > 0 ? 'behind' : 'ahead of';
  return (
    <p className="clock-note" role="status">
      This computer’s clock is {formatDuration(Math.abs(offset))} {direction} AWS’s. Requests are signed with AWS’s time; times
      shown here use your clock.
    </p>
  );
}
