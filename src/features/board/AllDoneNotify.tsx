import { useEffect, useRef, useState } from 'react';
import { notifyState, requestNotify, showNotification, type NotifyState } from '../../shared/browser/notifications';
import { settledNotice, type RowState } from './boardSummary';

export interface AllDoneNotifyProps {
  rows: readonly RowState[];
  /** Nothing is left to watch (every job finished, or could not be watched). */
  settled: boolean;
}

/**
 * "Notify me when all finish": one notification when the last job on the board ends, naming how
 * many failed (and how many could not be watched). Only for a board that had something running
 * while this page watched it.
 */
export function AllDoneNotify({ rows, settled: allEnded }: AllDoneNotifyProps) {
  // Armed for this page only: off until asked for, and again once it has notified.
  const [armed, setArmed] = useState<NotifyState>(() => notifyState(false));
  const sawRunning = useRef(false);
  const notified = useRef(false);
  const latestRows = useRef(rows);
  latestRows.current = rows;
  if (!allEnded && rows.length > 0) sawRunning.current = true;

  useEffect(() => {
    if (!allEnded) {
      notified.current = false;
      return;
    }
    if (armed !== 'on' || !sawRunning.current || notified.current) return;
    notified.current = true;
    setArmed('off');
    const { title, body } = settledNotice(latestRows.current);
    showNotification(title, { body, tag: 'amplify-job-watch.board' });
  }, [allEnded, armed]);

  if (armed === 'unsupported' || rows.length === 0) return null;
  if (armed === 'blocked')
    return <p className="muted small">Notifications are blocked for this site in the browser’s settings.</p>;
  if (allEnded && armed === 'off') return null;
  return armed === 'on' ? (
    <button type="button" className="button" aria-pressed="true" onClick={() => setArmed('off')}>
      Notify me when all finish: on
    </button>
  ) : (
    <button type="button" className="button" aria-pressed="false" onClick={async () => setArmed(await requestNotify())}>
      Notify me when all finish
    </button>
  );
}
