import type { BackendJob, BackendJobKey } from '../../shared/aws/amplifyBackend';
import { getBackendJobCommand } from './cliCommand';
import { CopyButton } from '../../shared/ui/CopyButton';

export interface CliAndRawProps {
  jobKey: BackendJobKey;
  job: BackendJob | undefined;
}

/** The same question asked from a terminal, and the last answer as the API sent it. */
export function CliAndRaw({ jobKey, job }: CliAndRawProps) {
  const command = getBackendJobCommand(jobKey);
  return (
    <section className="cli" aria-label="AWS CLI and raw response">
      <details>
        <summary>AWS CLI command</summary>
        <pre className="mono">{command}</pre>
        <CopyButton value={command} label="Copy as AWS CLI command">
          Copy as AWS CLI
        </CopyButton>
      </details>
      {job ? (
        <details>
          <summary>Raw JSON of the last response</summary>
          <pre className="raw-json mono">{JSON.stringify(job.raw, null, 2)}</pre>
        </details>
      ) : null}
    </section>
  );
}
