import { useEffect, useRef, useState } from 'react';
import { settledNotice, type RowState } from './boardSummary';

type Armed = 'off' | 'on' | 'blocked' | 'unsupported';

function initialState(): Armed {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return Notification.permission === 'denied' ? 'blocked' : 'off';
}

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
  const [armed, setArmed] = useState<Armed>(initialState);
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
    const notification = new Notification(title, { body, tag: 'amplify-job-watch.board', icon: '/favicon.svg' });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }, [allEnded, armed]);

  if (armed === 'unsupported' || rows.length === 0) return null;
  if (armed === 'blocked')
    return <p className="muted small">Notifications are blocked for this site in the browser’s settings.</p>;
  if (allEnded && armed === 'off') return null;
  const enable = async () => {
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setArmed(permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off');
  };
  return armed === 'on' ? (
    <button type="button" className="button" aria-pressed="true" onClick={() => setArmed('off')}>
      Notify me when all finish: on
    </button>
  ) : (
    <button type="button" className="button" aria-pressed="false" onClick={enable}>
      Notify me when all finish
    </button>
  );
}
