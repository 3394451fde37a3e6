import { isHostingRef, type JobRef } from '../domain/jobRef';
import { jobFromWire, type AmplifyBackendClient, type BackendJob } from './amplifyBackend';
import { hostingJobFromWire, type AmplifyHostingClient, type HostingJob } from './amplifyHosting';

/**
 * The two kinds of job a deployment is made of, as one model: an AmplifyBackend job (no `kind`, or
 * `kind: 'backend'`) or an Amplify Hosting job (`kind: 'hosting'`). Both carry `status`, `createTime`,
 * `updateTime`, `operation`, `error` and `raw`, which is all the watch, the board, estimates and the
 * timeline read; the job page adds each kind's own facts.
 */
export type WatchedJob = BackendJob | HostingJob;

/** The clients a job is read with. */
export interface JobClients {
  backend: AmplifyBackendClient;
  hosting: AmplifyHostingClient;
}

/** GetBackendJob or GetJob, by the kind of job. */
export function readJob(clients: JobClients, ref: JobRef, signal?: AbortSignal): Promise<WatchedJob> {
  return isHostingRef(ref) ? clients.hosting.getJob(ref, signal) : clients.backend.getBackendJob(ref, signal);
}

/** The reader of a job's JSON as the API sent it (an answer relayed by another tab, or kept from a visit). */
export function jobFromRaw(ref: JobRef, raw: Record<string, unknown>): WatchedJob {
  return isHostingRef(ref) ? hostingJobFromWire(raw) : jobFromWire(raw);
}

/** Members of a hosting job's steps that hold presigned URLs: a person may open them, nothing keeps them. */
const STEP_URLS = ['logUrl', 'artifactsUrl', 'testArtifactsUrl', 'testConfigUrl', 'screenshots'];

/**
 * The answer as it may be kept in this browser for an offline visit: a hosting job's presigned log
 * and artifact URLs are left out (a fresh GetJob brings fresh ones).
 */
export function storableRaw(job: WatchedJob): Record<string, unknown> {
  if (job.kind !== 'hosting' || !Array.isArray(job.raw.steps)) return job.raw;
  const steps = (job.raw.steps as unknown[]).map((step) =>
    typeof step === 'object' && step !== null
      ? Object.fromEntries(Object.entries(step).filter(([name]) => !STEP_URLS.includes(name)))
      : step,
  );
  return { ...job.raw, steps };
}

/** The IAM action that reads the job, for messages about access. */
export function readAction(ref: JobRef): string {
  return isHostingRef(ref) ? 'amplify:GetJob' : 'amplifybackend:GetBackendJob';
}
