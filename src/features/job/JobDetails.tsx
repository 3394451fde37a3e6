import type { BackendJob, BackendJobKey } from '../../shared/aws/amplifyBackend';
import { CopyButton } from '../../shared/ui/CopyButton';
import { JobErrorText } from '../../shared/ui/JobErrorText';
import { friendlyOperation, isTerminalStatus } from '../../shared/domain/jobStatus';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatDuration } from '../../shared/ui/timeFormat';
import { Timestamp } from '../../shared/ui/Timestamp';

export interface JobDetailsProps {
  job: BackendJob;
  jobKey: BackendJobKey;
  now: number;
}

export function JobDetails({ job, jobKey, now }: JobDetailsProps) {
  const friendly = friendlyOperation(job.operation);
  const created = job.createTime?.date?.getTime();
  const updated = job.updateTime?.date?.getTime();
  const terminal = isTerminalStatus(job.status);
  let duration: string | null = null;
  if (created !== undefined && terminal && updated !== undefined) duration = `Took ${formatDuration(updated - created)}`;
  else if (created !== undefined && !terminal) duration = `Running for ${formatDuration(now - created)}`;

  return (
    <>
      <section className="job__status" aria-label="Job status">
        <StatusBadge status={job.status} />
        {duration ? <span className="muted">{duration}</span> : null}
      </section>
      {job.error ? <JobErrorText text={job.error} /> : null}
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

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span className="mono break">{value}</span> <CopyButton value={value} label={`Copy ${label}`} />
      </dd>
    </div>
  );
}
