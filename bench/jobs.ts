import { randomUUID } from 'node:crypto';
import type { Simulator } from '../tools/simulator';

/** The jobs the benchmark watches: each page load and phase gets its own, in the simulated AWS. */

export const REGION = 'us-east-1';
export const APP_ID = 'd2k9xq7v1ab3cd';
export const ENV_NAME = 'staging';

export interface BenchJob {
  jobId: string;
  startedAt: number;
  path: string;
}

/** A RUNNING job with a fresh ID, so every page load and phase reads its own job and its own request log. */
export function createRunningJob(bench: Simulator): BenchJob {
  const jobId = randomUUID();
  const startedAt = bench.sim.now();
  bench.putJob({
    region: REGION,
    appId: APP_ID,
    envName: ENV_NAME,
    jobId,
    operation: 'UpdateBackendAuth',
    steps: [{ status: 'RUNNING', atMs: 0 }],
    startedAt,
  });
  return { jobId, startedAt, path: `/apps/${APP_ID}/environments/${ENV_NAME}/jobs/${jobId}` };
}

/** The same job, COMPLETED from epoch time `at` on (the job store keeps steps relative to the job's start). */
export function completeJobAt(bench: Simulator, job: BenchJob, at: number): void {
  bench.putJob({
    region: REGION,
    appId: APP_ID,
    envName: ENV_NAME,
    jobId: job.jobId,
    operation: 'UpdateBackendAuth',
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status: 'COMPLETED', atMs: at - job.startedAt },
    ],
    startedAt: job.startedAt,
  });
}
