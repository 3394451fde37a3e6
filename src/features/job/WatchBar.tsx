import { Fragment } from 'react';
import type { NotifyState } from '../../shared/browser/notifications';
import { CopyButton } from '../../shared/ui/CopyButton';
import { formatTime, useAbsoluteTimeZone } from '../../shared/ui/timeFormat';
import type { WatchDescription } from './describeWatch';
import { NotifyButton } from './NotifyButton';
import { WatchControls } from './WatchControls';

export interface WatchBarProps {
  watch: WatchDescription;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  intervalSeconds: number;
  configIntervalSeconds: number;
  onIntervalChange: (seconds: number) => void;
  onRefresh: () => void;
  notify: { state: NotifyState; enable: () => void; disable: () => void };
}

/** Right under the status: one line on what the page is doing, then only the controls that can do something. */
export function WatchBar({
  watch,
  paused,
  onPausedChange,
  intervalSeconds,
  configIntervalSeconds,
  onIntervalChange,
  onRefresh,
  notify,
}: WatchBarProps) {
  const { controls } = watch;
  const zone = useAbsoluteTimeZone();
  const line = [
    watch.lastCheckedAt !== null
      ? `${watch.offline ? 'Offline — last checked' : 'Last checked'} ${formatTime(new Date(watch.lastCheckedAt), zone)}.`
      : '',
    watch.plan,
    watch.countdown,
  ].filter((part) => part !== '');
  return (
    <div className="watch-controls job__watch">
      {line.length > 0 ? (
        // The countdown changes every second: shown, not announced (status changes have their own live region).
        <p className="muted job__activity" aria-live="off">
          {line.map((part, index) => (
            <Fragment key={part}>
              {index > 0 ? ' ' : null}
              <span>{part}</span>
            </Fragment>
          ))}
        </p>
      ) : null}
      {controls.refresh ? (
        // Never disabled: a keyboard user's focus must not drop out every time a check runs.
        <button type="button" className="button" onClick={onRefresh} aria-busy={watch.checking}>
          Refresh now
        </button>
      ) : null}
      <CopyButton value={window.location.href} label="Copy link to this job">
        Copy link
      </CopyButton>
      {controls.pause ? (
        <WatchControls
          paused={paused}
          onPausedChange={onPausedChange}
          intervalSeconds={intervalSeconds}
          configIntervalSeconds={configIntervalSeconds}
          onIntervalChange={onIntervalChange}
        />
      ) : null}
      <NotifyButton state={notify.state} checking={controls.notify} onEnable={notify.enable} onDisable={notify.disable} />
    </div>
  );
}
