import { useState } from 'react';
import type { WatchedJob } from '../../shared/aws/watchedJob';
import type { JobRef } from '../../shared/domain/jobRef';
import { CopyButton } from '../../shared/ui/CopyButton';
import { getJobCommand } from './cliCommand';

export interface CliAndRawProps {
  /** A job of either kind: `aws amplifybackend get-backend-job` or `aws amplify get-job`. */
  jobKey: JobRef;
  job: WatchedJob | undefined;
}

/** The same question asked from a terminal, and the last answer as the API sent it. */
export function CliAndRaw({ jobKey, job }: CliAndRawProps) {
  const cli = getJobCommand(jobKey);
  const [rawOpen, setRawOpen] = useState(false);
  return (
    <section className="cli" aria-label="AWS CLI and raw response">
      <details>
        <summary>AWS CLI command</summary>
        {cli.kind === 'command' ? (
          <>
            <pre className="mono">{cli.command}</pre>
            <CopyButton value={cli.command} label="Copy as AWS CLI command">
              Copy as AWS CLI
            </CopyButton>
          </>
        ) : (
          <>
            <p>
              These IDs are unusual ({cli.unusual.map((item) => item.label).join(', ')} holds characters other than letters,
              digits, <code>.</code>, <code>_</code>, <code>:</code>, <code>/</code> and <code>-</code>), and shells quote such
              characters differently, so no command is offered. The values for <code>{cli.base}</code>:
            </p>
            <dl className="cli-values">
              {cli.values.map((item) => (
                <div key={item.option}>
                  <dt>
                    <code>{item.option}</code> ({item.label})
                  </dt>
                  <dd>
                    <pre className="mono">{item.value}</pre>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </details>
      {job ? (
        <details onToggle={(event) => setRawOpen(event.currentTarget.open)}>
          <summary>Raw JSON of the last response</summary>
          {/* Written out only while open: an answer can be up to MAX_ANSWER_BYTES, and polls replace it. */}
          {rawOpen ? <pre className="raw-json mono">{JSON.stringify(job.raw, null, 2)}</pre> : null}
        </details>
      ) : null}
    </section>
  );
}
