import { useState } from 'react';
import type { HostingJob, HostingStep } from '../../shared/aws/amplifyHosting';
import type { JobTime } from '../../shared/aws/jobTime';
import type { HostingJobRef } from '../../shared/domain/jobRef';
import { isTerminalStatus } from '../../shared/domain/jobStatus';
import { BreakableText } from '../../shared/ui/BreakableText';
import { CopyButton } from '../../shared/ui/CopyButton';
import { JobErrorText } from '../../shared/ui/JobErrorText';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatDuration } from '../../shared/ui/timeFormat';
import { Timestamp } from '../../shared/ui/Timestamp';
import { Fact } from './JobFacts';

/** Steps listed before "Show all": a build has three to five; an answer with hundreds stays one screen until asked. */
export const STEPS_SHOWN = 20;

/** Amplify Hosting's commit IDs are 40-hex git hashes (or HEAD, or a manual deploy's name): the first 7 as git shows them. */
export function shortCommitId(commitId: string): string {
  return /^[0-9a-f]{40}$/i.test(commitId) ? commitId.slice(0, 7) : commitId;
}

/**
 * A URL from AWS's answer as a link only when it is https (the presigned S3 URLs of logs and
 * artifacts): anything else is left out. The page never fetches or stores these.
 */
export function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** "Took 1 min 12 s", "Running for 40 s", or nothing without a start. */
export function stepDuration(step: Pick<HostingStep, 'status' | 'startTime' | 'endTime'>, now: number): string | null {
  const start = step.startTime?.date?.getTime();
  if (start === undefined) return null;
  const end = step.endTime?.date?.getTime();
  if (end !== undefined) return `Took ${formatDuration(end - start)}`;
  return isTerminalStatus(step.status) ? null : `Running for ${formatDuration(Math.max(0, now - start))}`;
}

export interface HostingJobFactsProps {
  job: HostingJob;
  jobKey: HostingJobRef;
  now: number;
}

/** A hosting job's failed step first (where the eye lands), then every step in order, then its commit, IDs and times. */
export function HostingJobFacts({ job, jobKey, now }: HostingJobFactsProps) {
  const failed = job.failedStep;
  return (
    <>
      {failed ? (
        <JobErrorText
          title={`Step ${failed.stepName ?? '(unnamed)'} failed`}
          text={failed.statusReason ?? 'AWS gave no reason for this step.'}
        >
          {failed.statusReason ? <CopyButton value={failed.statusReason} label="Copy the step’s reason" /> : null}
        </JobErrorText>
      ) : null}
      <HostingSteps steps={job.steps} now={now} />
      <dl className="facts">
        <div>
          <dt>Commit</dt>
          <dd>
            {job.commitMessage ? (
              <span className="break">
                <BreakableText text={job.commitMessage} />
              </span>
            ) : (
              <span className="muted">no message</span>
            )}
            {job.commitId ? (
              <>
                {' '}
                <span className="mono" title={job.commitId}>
                  {shortCommitId(job.commitId)}
                </span>{' '}
                <CopyButton value={job.commitId} label="Copy the commit ID" />
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Job type</dt>
          <dd>{job.operation ? <span className="mono">{job.operation}</span> : <span className="muted">not reported</span>}</dd>
        </div>
        <Fact label="App ID" value={jobKey.appId} />
        <Fact label="Branch" value={jobKey.branchName} />
        <Fact label="Job ID" value={jobKey.jobId} />
        <Fact label="Region" value={jobKey.region} />
        <TimeFact label="Started" time={job.createTime} now={now} />
        <TimeFact
          label="Ended"
          time={job.endTime}
          now={now}
          empty={isTerminalStatus(job.status) ? 'not reported' : 'still running'}
        />
      </dl>
    </>
  );
}

function TimeFact({ label, time, now, empty }: { label: string; time: JobTime | undefined; now: number; empty?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{time || !empty ? <Timestamp time={time} now={now} /> : <span className="muted">{empty}</span>}</dd>
    </div>
  );
}

/** Every step in the order AWS lists them: name, status, start, duration, reason, and its log and artifacts. */
export function HostingSteps({ steps, now }: { steps: readonly HostingStep[]; now: number }) {
  const [all, setAll] = useState(false);
  if (steps.length === 0) {
    return (
      <section className="steps" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        <p className="muted">No steps yet.</p>
      </section>
    );
  }
  const shown = all ? steps : steps.slice(0, STEPS_SHOWN);
  return (
    <section className="steps" aria-labelledby="steps-title">
      <h2 id="steps-title">Steps</h2>
      <ol className="steps__list">
        {shown.map((step, index) => (
          <StepRow key={index} step={step} now={now} />
        ))}
      </ol>
      {steps.length > STEPS_SHOWN ? (
        <button type="button" className="button button--small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the first ${STEPS_SHOWN} steps` : `Show all ${steps.length.toLocaleString()} steps`}
        </button>
      ) : null}
    </section>
  );
}

function StepRow({ step, now }: { step: HostingStep; now: number }) {
  const duration = stepDuration(step, now);
  const links = [
    ['Log', safeLink(step.logUrl)],
    ['Artifacts', safeLink(step.artifactsUrl)],
    ['Test artifacts', safeLink(step.testArtifactsUrl)],
  ].filter((link): link is [string, string] => link[1] !== undefined);
  const name = step.stepName ?? '(unnamed step)';
  return (
    <li className="steps__step">
      <span className="steps__name mono">
        <BreakableText text={name} />
      </span>{' '}
      <StatusBadge status={step.status} small />
      <span className="steps__times muted">
        {step.startTime ? (
          <>
            {' '}
            started <Timestamp time={step.startTime} now={now} compact />
          </>
        ) : null}
        {duration ? ` · ${duration}` : null}
      </span>
      {step.statusReason ? (
        <p className="steps__reason">
          <BreakableText text={step.statusReason} />
        </p>
      ) : null}
      {links.length > 0 ? (
        <p className="steps__links">
          {links.map(([label, href]) => (
            <a key={label} href={href} target="_blank" rel="noopener noreferrer">
              {label} of {name}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ))}
        </p>
      ) : null}
    </li>
  );
}
