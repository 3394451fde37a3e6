import { useEffect, useRef, useState } from 'react';
import { boardJobId, type BoardJob } from '../../shared/domain/boardLink';
import { statusWord } from '../../shared/domain/jobStatus';
import { shortId } from '../../shared/queries/describeJobQuery';
import { boardJobName } from './boardJobNames';
import type { JobResult } from './useBoardWatch';

/**
 * What the board's one polite live region says: each status change once ("Job 7f3c9e2a…: COMPLETED",
 * "Hosting build 12 of branch main: SUCCEEDED"),
 * and `settledMessage` once when nothing is left to watch. The first status of a row is shown, not announced.
 */
export function useBoardAnnouncements(
  jobs: readonly BoardJob[],
  results: readonly JobResult[],
  /** What became of the board's jobs, once nothing is left to watch; null until then. */
  settledMessage: string | null,
): string {
  const seen = useRef(new Map<string, string>());
  const [message, setMessage] = useState('');
  const statuses = jobs.map(
    (job, index) => [boardJobId(job), boardJobName(job, shortId(job.jobId)), results[index]?.data?.status] as const,
  );
  const signature = JSON.stringify(statuses);

  useEffect(() => {
    const changes: string[] = [];
    // A row with no answer (first check, or a sign-out's reset) says nothing; JSON has it as null.
    for (const [id, name, status] of JSON.parse(signature) as [string, string, string | null][]) {
      if (status === null) continue;
      const before = seen.current.get(id);
      seen.current.set(id, status);
      if (before !== undefined && before !== status) changes.push(`${name}: ${statusWord(status)}`);
    }
    if (changes.length > 0) setMessage(changes.join('. '));
  }, [signature]);

  const wasSettled = useRef(settledMessage !== null);
  useEffect(() => {
    if (settledMessage !== null && !wasSettled.current)
      setMessage((previous) => `${previous ? `${previous}. ` : ''}${settledMessage}`);
    wasSettled.current = settledMessage !== null;
  }, [settledMessage]);

  return message;
}
