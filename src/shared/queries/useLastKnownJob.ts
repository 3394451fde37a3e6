import { useEffect, useState } from 'react';
import { jobFromWire, type BackendJob, type BackendJobKey } from '../aws/amplifyBackend';
import { loadLastKnownJob, saveLastKnownJob } from '../browser/lastKnownJobs';

/**
 * This browser’s last answer for the job from an earlier visit (read once, when the page or row opens), and
 * keeping each new answer for the next one. The job page and the board show it only while they have no answer of their own
 * and no network: plainly as "Offline — last checked …", never as live.
 */
export function useLastKnownJob(jobKey: BackendJobKey, job: BackendJob | undefined, checkedAt: number) {
  const [remembered] = useState(() => {
    const entry = loadLastKnownJob(jobKey);
    return entry ? { job: jobFromWire(entry.wire), checkedAt: entry.checkedAt } : undefined;
  });
  const { region, appId, envName, jobId } = jobKey;
  useEffect(() => {
    if (job === undefined || checkedAt === 0) return;
    saveLastKnownJob({ region, appId, envName, jobId, wire: job.raw, checkedAt });
  }, [region, appId, envName, jobId, job, checkedAt]);
  return remembered;
}
