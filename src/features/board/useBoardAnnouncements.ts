import { useEffect, useRef, useState } from 'react';
import { boardJobId, type BoardJob } from '../../shared/domain/boardLink';
import type { JobResult } from './useBoardWatch';

function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

/**
 * What the board's one polite live region says: each status change once ("Job 7f3c9e2a…: COMPLETED"),
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
  const statuses = jobs.map((job, index) => [boardJobId(job), job.jobId, results[index]?.data?.status] as const);
  const signature = JSON.stringify(statuses);

  useEffect(() => {
    const changes: string[] = [];
    // A row with no answer (first check, or a sign-out's reset) says nothing; JSON has it as null.
    for (const [id, jobId, status] of JSON.parse(signature) as [string, string, string | null][]) {
      if (status === null) continue;
      const before = seen.current.get(id);
      seen.current.set(id, status);
      if (before !== undefined && before !== status) changes.push(`Job ${shortId(jobId)}: ${status}`);
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
