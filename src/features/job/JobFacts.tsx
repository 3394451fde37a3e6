import type { BackendJob, BackendJobKey } from '../../shared/aws/amplifyBackend';
import { friendlyOperation } from '../../shared/domain/jobStatus';
import { BreakableText } from '../../shared/ui/BreakableText';
import { CopyButton } from '../../shared/ui/CopyButton';
import { JobErrorText } from '../../shared/ui/JobErrorText';
import { Timestamp } from '../../shared/ui/Timestamp';

export interface JobFactsProps {
  job: BackendJob;
  jobKey: BackendJobKey;
  now: number;
}

/** The job's own error (when it reported one) and its facts: operation, IDs, region, times. */
export function JobFacts({ job, jobKey, now }: JobFactsProps) {
  const friendly = friendlyOperation(job.operation);
  return (
    <>
      {job.error ? (
        <JobErrorText text={job.error}>
          <CopyButton value={job.error} label="Copy the job’s error" />
        </JobErrorText>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Operation</dt>
          <dd>
            {job.operation ? <span className="mono">{job.operation}</span> : <span className="muted">not reported</span>}
            {friendly ? <span className="muted"> ({friendly})</span> : null}
          </dd>
        </div>
        <Fact label="App ID" value={jobKey.appId} />
        <Fact label="Environment" value={jobKey.envName} />
        <Fact label="Job ID" value={jobKey.jobId} />
        <Fact label="Region" value={jobKey.region} />
        <div>
          <dt>Created</dt>
          <dd>
            <Timestamp time={job.createTime} now={now} />
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <Timestamp time={job.updateTime} now={now} />
          </dd>
        </div>
      </dl>
    </>
  );
}

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span className="mono break">
          <BreakableText text={value} />
        </span>{' '}
        <CopyButton value={value} label={`Copy ${label}`} />
      </dd>
    </div>
  );
}
