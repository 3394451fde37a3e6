import type { AppConfig } from '../config/appConfig';
import type { HostingJobRef } from '../domain/jobRef';
import { parseEpochSecondsTime, type JobTime } from './jobTime';
import { invalidResponse, parseObject, readJobPage } from './restJson';
import type { SignedFetch, SignedResponse } from './signedFetch';

/**
 * Amplify Hosting (service `amplify`): a branch's build and deploy jobs. `GetJob` answers
 * `{ job: { summary, steps } }`, `ListJobs` `{ jobSummaries, nextToken }`; times are epoch seconds
 * (JSON numbers). The model keeps the members every kind of job shares under the names the
 * dashboard uses for them (`status`, `createTime` = the job's start, `updateTime` = its end or its
 * latest step, `operation` = the job type, `error` = the failed step and its reason), so the watch,
 * the board, estimates and the timeline read a hosting job as they read a backend job.
 */

export const AMPLIFY_HOSTING_SERVICE = 'amplify';

export type HostingJobKey = HostingJobRef;

export type BranchKey = Omit<HostingJobKey, 'jobId'>;

/** One step of a hosting job (BUILD, DEPLOY, VERIFY, TEST … — whatever the service sends). */
export interface HostingStep {
  stepName?: string;
  status?: string;
  startTime?: JobTime;
  endTime?: JobTime;
  statusReason?: string;
  /** Presigned S3 URLs for a person to open; never fetched or stored by the page. */
  logUrl?: string;
  artifactsUrl?: string;
  testArtifactsUrl?: string;
  testConfigUrl?: string;
  context?: string;
}

export interface HostingJob {
  kind: 'hosting';
  jobId?: string;
  jobArn?: string;
  status?: string;
  /** RELEASE, RETRY, MANUAL, WEB_HOOK (the estimate groups by it). */
  operation?: string;
  commitId?: string;
  commitMessage?: string;
  commitTime?: JobTime;
  /** The job's startTime. */
  createTime?: JobTime;
  /** The job's endTime, or while it runs the latest time any step reported. */
  updateTime?: JobTime;
  endTime?: JobTime;
  /** The failed step and its reason, when one failed. */
  error?: string;
  /** The step that failed (the first one, in order), when one did. */
  failedStep?: HostingStep;
  steps: HostingStep[];
  /** The answer as the API sent it: `{ summary, steps }` (also what crosses tabs). */
  raw: Record<string, unknown>;
  relayed?: boolean;
}

export interface HostingJobPage {
  jobs: HostingJob[];
  nextToken?: string;
}

export interface Endpoint {
  baseUrl: string;
  signingHost: string;
}

/** The regional endpoint, or the configured override (a proxy signs for `amplifySigningHost`). */
export function resolveHostingEndpoint(
  config: Pick<AppConfig, 'amplifyEndpoint' | 'amplifySigningHost'>,
  region: string,
): Endpoint {
  if (config.amplifyEndpoint) {
    const url = new URL(config.amplifyEndpoint);
    return { baseUrl: config.amplifyEndpoint.replace(/\/+$/, ''), signingHost: config.amplifySigningHost ?? url.host };
  }
  const host = `amplify.${region}.amazonaws.com`;
  return { baseUrl: `https://${host}`, signingHost: host };
}

/** `/apps/{appId}/branches/{branchName}/jobs`, each ID one percent-encoded segment (`feature%2Flogin`). */
export function hostingJobsPath(key: Pick<HostingJobKey, 'appId' | 'branchName'>): string {
  return `/apps/${encodeURIComponent(key.appId)}/branches/${encodeURIComponent(key.branchName)}/jobs`;
}

export function hostingJobPath(key: Pick<HostingJobKey, 'appId' | 'branchName' | 'jobId'>): string {
  return `${hostingJobsPath(key)}/${encodeURIComponent(key.jobId)}`;
}

type Wire = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const isObject = (value: unknown): value is Wire => typeof value === 'object' && value !== null && !Array.isArray(value);

const SUMMARY_MEMBERS = ['jobArn', 'jobId', 'commitId', 'commitMessage', 'status', 'jobType', 'startTime', 'endTime'];

function stepFromWire(wire: Wire): HostingStep {
  return {
    stepName: text(wire.stepName),
    status: text(wire.status),
    startTime: parseEpochSecondsTime(wire.startTime),
    endTime: parseEpochSecondsTime(wire.endTime),
    statusReason: text(wire.statusReason),
    logUrl: text(wire.logUrl),
    artifactsUrl: text(wire.artifactsUrl),
    testArtifactsUrl: text(wire.testArtifactsUrl),
    testConfigUrl: text(wire.testConfigUrl),
    context: text(wire.context),
  };
}

const latest = (times: (JobTime | undefined)[]): JobTime | undefined =>
  times.reduce<JobTime | undefined>((best, time) => {
    const at = time?.date?.getTime();
    return at !== undefined && (best?.date === undefined || at > best.date.getTime()) ? time : best;
  }, undefined);

/**
 * A job from `{ summary, steps }` (GetJob's `job`, or a copy from another tab) or from a bare
 * summary (a ListJobs entry).
 */
export function hostingJobFromWire(wire: Wire): HostingJob {
  const summary = isObject(wire.summary) ? wire.summary : wire;
  const steps = (Array.isArray(wire.steps) ? wire.steps : []).filter(isObject).map(stepFromWire);
  const status = text(summary.status);
  const endTime = parseEpochSecondsTime(summary.endTime);
  const failedStep = steps.find((step) => step.status?.trim().toUpperCase() === 'FAILED');
  const error = failedStep
    ? [failedStep.stepName ?? 'A step', failedStep.statusReason ? `: ${failedStep.statusReason}` : ' failed.'].join('')
    : undefined;
  return {
    kind: 'hosting',
    jobId: text(summary.jobId),
    jobArn: text(summary.jobArn),
    status,
    operation: text(summary.jobType),
    commitId: text(summary.commitId),
    commitMessage: text(summary.commitMessage),
    commitTime: parseEpochSecondsTime(summary.commitTime),
    createTime: parseEpochSecondsTime(summary.startTime),
    endTime,
    updateTime: endTime ?? latest(steps.flatMap((step) => [step.startTime, step.endTime])),
    error,
    failedStep,
    steps,
    raw: isObject(wire.summary) ? wire : { summary: wire, steps: [] },
  };
}

const isSummaryLike = (value: unknown): value is Wire =>
  isObject(value) && SUMMARY_MEMBERS.some((member) => value[member] !== undefined);

/** GetJob's body → model. Tolerant of missing members; refuses a body that is not a job at all. */
export function deserializeHostingJob(response: Pick<SignedResponse, 'text' | 'headers' | 'status'>): HostingJob {
  const body = parseObject(response);
  const job = body.job;
  if (!isObject(job) || !isSummaryLike(job.summary)) {
    throw invalidResponse(response, 'The response had no "job" with a summary.');
  }
  if (job.steps !== undefined && !Array.isArray(job.steps)) {
    throw invalidResponse(response, 'The response’s "steps" was not a list.');
  }
  return hostingJobFromWire(job);
}

/** ListJobs' body → model. Entries that are not job summaries are skipped, not fatal. */
export function deserializeHostingJobPage(response: Pick<SignedResponse, 'text' | 'headers' | 'status'>): HostingJobPage {
  return readJobPage(response, 'jobSummaries', isSummaryLike, hostingJobFromWire);
}

export interface AmplifyHostingClient {
  getJob(key: HostingJobKey, signal?: AbortSignal): Promise<HostingJob>;
  listJobs(key: BranchKey, page: { maxResults?: number; nextToken?: string }, signal?: AbortSignal): Promise<HostingJobPage>;
}

export function createAmplifyHostingClient(
  config: Pick<AppConfig, 'amplifyEndpoint' | 'amplifySigningHost'>,
  signedFetch: SignedFetch,
): AmplifyHostingClient {
  const send = (region: string, path: string, signal: AbortSignal | undefined, query?: Record<string, string>) => {
    const endpoint = resolveHostingEndpoint(config, region);
    return signedFetch({
      method: 'GET',
      url: new URL(endpoint.baseUrl + path),
      signingHost: endpoint.signingHost,
      // Behind a proxy the path AWS sees is the path below the proxy's prefix.
      signingPath: path,
      query,
      region,
      service: AMPLIFY_HOSTING_SERVICE,
      signal,
    });
  };
  return {
    async getJob(key, signal) {
      return deserializeHostingJob(await send(key.region, hostingJobPath(key), signal));
    },
    async listJobs(key, { maxResults, nextToken }, signal) {
      const query: Record<string, string> = {};
      if (maxResults !== undefined) query.maxResults = String(maxResults);
      if (nextToken) query.nextToken = nextToken;
      return deserializeHostingJobPage(await send(key.region, hostingJobsPath(key), signal, query));
    },
  };
}
