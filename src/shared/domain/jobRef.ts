/**
 * Which job, of the two kinds a deployment is made of: an AmplifyBackend job in an environment (no
 * `kind`, or `kind: 'backend'`: the first kind, as links and stored entries have always named it) or
 * an Amplify Hosting job on a branch (`kind: 'hosting'`).
 */
export interface BackendJobRef {
  kind?: 'backend';
  region: string;
  appId: string;
  envName: string;
  jobId: string;
}

export interface HostingJobRef {
  kind: 'hosting';
  region: string;
  appId: string;
  /** As the branch is named (`feature/login`); encoded as one segment wherever it goes into a path. */
  branchName: string;
  jobId: string;
}

export type JobRef = BackendJobRef | HostingJobRef;

export function isHostingRef(ref: JobRef): ref is HostingJobRef {
  return ref.kind === 'hosting';
}

/**
 * The job's identity as a list: an AmplifyBackend job as `[region, appId, envName, jobId]` (as it
 * always was, so what browsers stored before hosting jobs still matches), a hosting job with
 * `hosting` in front. Query keys, election names and stored entries are made from it.
 */
export function jobRefParts(ref: JobRef): string[] {
  return isHostingRef(ref)
    ? ['hosting', ref.region, ref.appId, ref.branchName, ref.jobId]
    : [ref.region, ref.appId, ref.envName, ref.jobId];
}

export function sameJobRef(a: JobRef, b: JobRef): boolean {
  return JSON.stringify(jobRefParts(a)) === JSON.stringify(jobRefParts(b));
}

/** Just the reference, without whatever else an object carrying it holds. */
export function pickJobRef(ref: JobRef): JobRef {
  return isHostingRef(ref)
    ? { kind: 'hosting', region: ref.region, appId: ref.appId, branchName: ref.branchName, jobId: ref.jobId }
    : { region: ref.region, appId: ref.appId, envName: ref.envName, jobId: ref.jobId };
}

/** The name of where the job lives: its environment's (AmplifyBackend) or its branch's (Amplify Hosting). */
export function placeName(ref: JobRef): string {
  return isHostingRef(ref) ? ref.branchName : ref.envName;
}

/** Where the job lives, in words: "environment staging" or "branch feature/login". */
export function jobPlace(ref: JobRef): string {
  return `${isHostingRef(ref) ? 'branch' : 'environment'} ${placeName(ref)}`;
}
