import type { NotifyState } from '../../shared/browser/notifications';
import { Icon } from '../../shared/ui/Icon';

export interface NotifyButtonProps {
  state: NotifyState;
  finished: boolean;
  onEnable(): void;
  onDisable(): void;
}

export function NotifyButton({ state, finished, onEnable, onDisable }: NotifyButtonProps) {
  if (state === 'unsupported') return null;
  if (state === 'blocked') {
    return <span className="muted small">Notifications are blocked for this site in the browser’s settings.</span>;
  }
  if (state === 'on') {
    return (
      <button type="button" className="button" aria-pressed="true" onClick={onDisable}>
        <Icon name="bell" /> Notifying when jobs finish
      </button>
    );
  }
  return (
    <button type="button" className="button" aria-pressed="false" onClick={onEnable} disabled={finished}>
      Notify me when it finishes
    </button>
  );
}
