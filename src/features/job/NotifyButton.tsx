import type { NotifyState } from '../../shared/browser/notifications';
import { Icon } from '../../shared/ui/Icon';

export interface NotifyButtonProps {
  state: NotifyState;
  /** The job is being checked: a notification when it ends can still come. */
  checking: boolean;
  onEnable: () => void;
  onDisable: () => void;
}

/** Asks for a notification when the job ends; once on (for every job), it can be turned off from any job page. */
export function NotifyButton({ state, checking, onEnable, onDisable }: NotifyButtonProps) {
  if (state === 'unsupported') return null;
  if (state === 'on') {
    return (
      <button type="button" className="button" aria-pressed="true" onClick={onDisable}>
        <Icon name="bell" /> Notifying when jobs finish
      </button>
    );
  }
  if (!checking) return null;
  if (state === 'blocked') {
    return <span className="muted small">Notifications are blocked for this site in the browser’s settings.</span>;
  }
  return (
    <button type="button" className="button" aria-pressed="false" onClick={onEnable}>
      Notify me when it finishes
    </button>
  );
}
