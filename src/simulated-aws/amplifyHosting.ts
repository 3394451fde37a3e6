/**
 * Simulated Amplify Hosting (service `amplify`): GetJob and ListJobs over the hosting job store,
 * every request checked for a SigV4 signature for service `amplify` made with credentials the
 * identity pool issued, and the faults a test scripts (restJson.ts answers them).
 *
 * - `GET /apps/{appId}/branches/{branchName}/jobs/{jobId}` → `{ job: { summary, steps } }`
 * - `GET /apps/{appId}/branches/{branchName}/jobs?maxResults=N&nextToken=T` → `{ jobSummaries, nextToken? }`,
 *   newest first, `maxResults` 1–50 (50 unless given).
 * Each path parameter is one percent-encoded segment (`feature%2Flogin`); unknown apps, branches and
 * jobs are 404 NotFoundException.
 */
import { hostingJobView, type HostingJobStore } from './hostingJobStore';
import { jobKey, type SimFault } from './jobStore';
import { answerFault, awsError, decodeSegment, json, readSignedRequest } from './restJson';
import type { SigningSecret } from './sigv4';

/** What the Amplify Hosting simulation works with; `record` logs each request it answers. */
export interface AmplifyHostingContext {
  readonly hostingJobs: HostingJobStore;
  /** Faults for ListJobs, per branch (key: jobKey(region, appId, branchName, '')). */
  readonly hostingListFaults: Map<string, SimFault[]>;
  now(): number;
  secretFor(accessKeyId: string): SigningSecret | undefined;
  record(entry: { operation: string; status: number; jobId?: string }): void;
}

export const MAX_LIST_RESULTS = 50;
const JOB_PATH = /^\/apps\/([^/]+)\/branches\/([^/]+)\/jobs\/([^/]+)$/;
const JOBS_PATH = /^\/apps\/([^/]+)\/branches\/([^/]+)\/jobs$/;

/** Answers an `/apps/…` request; `hostRegion` is the region of an amplify.<region> host, if it was one. */
export async function amplifyHosting(
  context: AmplifyHostingContext,
  request: Request,
  url: URL,
  hostRegion: string | undefined,
): Promise<Response> {
  const { verdict } = await readSignedRequest(request, url, 'amplify', hostRegion, context);
  const one = JOB_PATH.exec(url.pathname);
  const list = one ? null : JOBS_PATH.exec(url.pathname);
  const ids = (one ?? list)?.slice(1).map(decodeSegment) ?? [];
  const jobId = one ? ids[2] : undefined;
  const operation = list ? 'ListJobs' : 'GetJob';
  const finish = (response: Response): Response => {
    context.record(jobId === undefined ? { operation, status: response.status } : { operation, status: response.status, jobId });
    return response;
  };

  if (!verdict.ok) return finish(awsError(403, verdict.errorType, verdict.message));
  if ((!one && !list) || request.method !== 'GET') {
    return finish(awsError(404, 'NotFoundException', `No route for ${request.method} ${url.pathname}`));
  }
  if (ids.some((id) => id === undefined)) return finish(awsError(400, 'BadRequestException', 'Malformed path'));
  const [appId = '', branchName = '', id = ''] = ids as string[];
  const region = verdict.region;
  if (list) return finish(await listJobs(context, request, url, region, appId, branchName));

  const job = context.hostingJobs.open(region, appId, branchName, id);
  if (job?.faults.length) return answerFault(job.faults.shift() as SimFault, request, finish);
  if (!job) return finish(notFound(context, region, appId, branchName, `Job ${id} not found.`));
  return finish(json(200, { job: hostingJobView(job, context.now()) }));
}

function notFound(
  context: AmplifyHostingContext,
  region: string,
  appId: string,
  branchName: string,
  jobMessage: string,
): Response {
  if (!context.hostingJobs.hasApp(region, appId)) return awsError(404, 'NotFoundException', `App ${appId} not found.`);
  if (!context.hostingJobs.hasBranch(region, appId, branchName)) {
    return awsError(404, 'NotFoundException', `Branch ${branchName} not found.`);
  }
  return awsError(404, 'NotFoundException', jobMessage);
}

/** ListJobs: `maxResults` 1–50, an opaque `nextToken`, newest first. */
async function listJobs(
  context: AmplifyHostingContext,
  request: Request,
  url: URL,
  region: string,
  appId: string,
  branchName: string,
): Promise<Response> {
  const fault = context.hostingListFaults.get(jobKey(region, appId, branchName, ''))?.shift();
  if (fault) return answerFault(fault, request, (response) => response);
  const rawMax = url.searchParams.get('maxResults');
  const maxResults = rawMax === null ? MAX_LIST_RESULTS : Number(rawMax);
  if (!/^\d+$/.test(rawMax ?? '50') || maxResults < 1 || maxResults > MAX_LIST_RESULTS) {
    return awsError(400, 'BadRequestException', `maxResults must be between 1 and ${MAX_LIST_RESULTS}`);
  }
  if (!context.hostingJobs.hasApp(region, appId) || !context.hostingJobs.hasBranch(region, appId, branchName)) {
    return notFound(context, region, appId, branchName, '');
  }
  let offset = 0;
  const token = url.searchParams.get('nextToken');
  if (token !== null) {
    try {
      offset = Number(atob(token));
    } catch {
      offset = Number.NaN;
    }
    if (!Number.isInteger(offset) || offset < 0) return awsError(400, 'BadRequestException', 'Invalid nextToken');
  }
  const now = context.now();
  const listed = context.hostingJobs.list(region, appId, branchName);
  const page = listed.slice(offset, offset + maxResults).map((job) => hostingJobView(job, now).summary);
  const next = offset + maxResults < listed.length ? btoa(String(offset + maxResults)) : undefined;
  return json(200, next ? { jobSummaries: page, nextToken: next } : { jobSummaries: page });
}
