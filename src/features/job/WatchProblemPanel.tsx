import { describeError, type ErrorContext } from '../../shared/ui/describeError';
import { ErrorPanel } from '../../shared/ui/ErrorPanel';
import { Icon } from '../../shared/ui/Icon';
import { formatTime, useAbsoluteTimeZone } from '../../shared/ui/timeFormat';
import type { WatchProblem } from './describeWatch';
import { RegionSwitch } from './RegionSwitch';

export interface WatchProblemPanelProps {
  problem: WatchProblem;
  context: ErrorContext;
  checking: boolean;
  onRetry: () => void;
  onSignIn?: () => void;
  /** Reloads the job from another region. */
  onRegionChange: (region: string) => void;
}

/** Why the page cannot show the job as AWS has it now, and what happens next. */
export function WatchProblemPanel({ problem, context, checking, onRetry, onSignIn, onRegionChange }: WatchProblemPanelProps) {
  const zone = useAbsoluteTimeZone();
  switch (problem.kind) {
    case 'retrying': {
      const verb = problem.hasJob ? 'refresh' : 'load the job';
      const seconds = problem.retryInSeconds;
      return (
        <ErrorPanel
          tone="warning"
          description={describeError(problem.error, context)}
          lead={
            <>
              Couldn’t {verb} at {formatTime(problem.failedAt, zone)} —{' '}
              {/* The countdown changes every second: shown, but kept out of the panel's announcement. */}
              <span aria-live="off">{seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'}</span>.
            </>
          }
        />
      );
    }
    case 'sign-in':
      return (
        <section className="panel panel--warning" role="status">
          <h2 className="panel__title">Sign in to watch this job</h2>
          <p>
            {problem.hasJob
              ? 'Your session has ended. Below is the job as last seen; checks resume once you are signed in.'
              : 'This identity pool gives AWS credentials only to signed-in users.'}
          </p>
          <button type="button" className="button" onClick={onSignIn}>
            Sign in to continue
          </button>
        </section>
      );
    case 'stopped': {
      const lead = problem.hasJob
        ? `Couldn’t refresh at ${formatTime(problem.failedAt, zone)}. Below is the job as last seen; automatic checks are stopped until you try again.`
        : undefined;
      const description = describeError(problem.error, context);
      if (!problem.notFound) return <ErrorPanel description={description} lead={lead} onRetry={onRetry} retrying={checking} />;
      // Not found: the advice names the region only when another region could be the answer.
      const detail = problem.regionMistake
        ? `AWS has no ${context.resource} in region ${context.region}. Check the IDs, and if the app lives in another region, choose that region below.`
        : `AWS found the app but no ${context.resource}. Check the environment name and the job ID.`;
      return (
        <>
          <ErrorPanel description={{ ...description, detail }} lead={lead} onRetry={onRetry} retrying={checking} />
          <RegionSwitch region={context.region} onChoose={onRegionChange} />
        </>
      );
    }
    case 'offline':
      return (
        <section className="panel panel--warning" role="status">
          <p>
            <Icon name="offline" /> You are offline. Checks resume as soon as the connection is back.
          </p>
        </section>
      );
  }
}
