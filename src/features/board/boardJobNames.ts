import { isHostingRef, type JobRef } from '../../shared/domain/jobRef';

/** Which kind of job a row is, in words: "Hosting build" (Amplify Hosting) or "Backend" (AmplifyBackend). */
export function jobKindName(ref: JobRef): string {
  return isHostingRef(ref) ? 'Hosting build' : 'Backend';
}

/** What a job of this kind is called before its ID: "Job 7f3c…", "Hosting build 12". */
export function jobNoun(ref: JobRef): string {
  return isHostingRef(ref) ? 'Hosting build' : 'Job';
}

/**
 * The job as a row, a button or an announcement names it: "Job 7f3c…" for an AmplifyBackend job (its
 * ID is unique), "Hosting build 12 of branch main" for a hosting job (numbered per branch, so the
 * branch goes with it).
 */
export function boardJobName(ref: JobRef, jobId: string = ref.jobId): string {
  return isHostingRef(ref) ? `${jobNoun(ref)} ${jobId} of branch ${ref.branchName}` : `${jobNoun(ref)} ${jobId}`;
}

/** The same, inside a sentence: "job 7f3c…", "hosting build 12 of branch main". */
export function boardJobNameInSentence(ref: JobRef): string {
  const name = boardJobName(ref);
  return name.charAt(0).toLowerCase() + name.slice(1);
}
