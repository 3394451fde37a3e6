/**
 * Simulated AmplifyBackend: GetBackendJob and ListBackendJobs over the job store, every request
 * checked for a SigV4 signature made with credentials the identity pool issued, and the faults a
 * test scripts (restJson.ts answers them).
 */
import { jobKey, snapshot, type JobStore, type SimFault } from './jobStore';
import { answerFault, awsError, decodeSegment, json, readSignedRequest } from './restJson';
import type { SigningSecret } from './sigv4';

/** What the AmplifyBackend simulation works with; `record` logs each request it answers. */
export interface AmplifyBackendContext {
  readonly jobs: JobStore;
  /** Faults for ListBackendJobs, per environment (key: jobKey(region, appId, envName, '')). */
  readonly listFaults: Map<string, SimFault[]>;
  /** The order ListBackendJobs pages in (the real API promises none). */
  listOrder(): ListOrder;
  now(): number;
  secretFor(accessKeyId: string): SigningSecret | undefined;
  record(entry: { operation: string; status: number; jobId?: string }): void;
}

/**
 * The order ListBackendJobs pages through an environment's jobs. The service promises none, so a
 * test can ask for the one that trips a page sorting only what it has loaded.
 */
export type ListOrder = 'newest-first' | 'oldest-first';

const JOB_PATH = /^\/backend\/([^/]+)\/job\/([^/]+)\/([^/]+)$/;
const JOBS_PATH = /^\/backend\/([^/]+)\/job\/([^/]+)$/;

/** Answers a `/backend/…` request; `hostRegion` is the region of an amplifybackend.<region> host, if it was one. */
export async function amplifyBackend(
  context: AmplifyBackendContext,
  request: Request,
  url: URL,
  hostRegion: string | undefined,
): Promise<Response> {
  const { body, verdict } = await readSignedRequest(request, url, 'amplifybackend', hostRegion, context);
  const match = JOB_PATH.exec(url.pathname);
  const ids = match ? match.slice(1).map(decodeSegment) : [];
  const jobId = ids[2];
  const operation = request.method === 'GET' ? 'GetBackendJob' : 'ListBackendJobs';
  const finish = (response: Response): Response => {
    context.record({ operation, status: response.status, jobId });
    return response;
  };

  if (!verdict.ok) return finish(awsError(403, verdict.errorType, verdict.message));
  const list = JOBS_PATH.exec(url.pathname);
  if (list && request.method === 'POST') return finish(listJobs(context, list, verdict.region, body));
  if (!match || request.method !== 'GET' || ids.some((id) => id === undefined)) {
    return finish(
      awsError(404, 'NotFoundException', `No route for ${request.method} ${url.pathname}`, { resourceType: 'Route' }),
    );
  }
  const [appId = '', envName = '', id = ''] = ids as string[];
  const region = verdict.region;
  const job = context.jobs.open(region, appId, envName, id);
  if (job?.faults.length) {
    const fault = job.faults.shift() as SimFault;
    return answerFault(fault, request, finish);
  }
  if (!job) {
    const resourceType = context.jobs.hasApp(region, appId) ? 'BackendJob' : 'App';
    return finish(
      awsError(
        404,
        'NotFoundException',
        resourceType === 'App' ? `App ${appId} not found.` : `Job ${id} not found for environment ${envName}.`,
        {
          resourceType,
        },
      ),
    );
  }
  return finish(json(200, snapshot(job, context.now())));
}

/** ListBackendJobs: body filters, `maxResults` 1–25, an opaque `nextToken`; pages in `context.listOrder()`. */
function listJobs(context: AmplifyBackendContext, match: RegExpExecArray, region: string, body: string): Response {
  const appId = decodeSegment(match[1] ?? '');
  const envName = decodeSegment(match[2] ?? '');
  if (appId === undefined || envName === undefined) return awsError(400, 'BadRequestException', 'Malformed path');
  let filters: Record<string, unknown>;
  try {
    filters = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    return awsError(400, 'BadRequestException', 'Request body is not JSON');
  }
  const fault = context.listFaults.get(jobKey(region, appId, envName, ''))?.shift();
  if (fault?.type === 'http')
    return awsError(fault.status, fault.errorType ?? 'ServiceException', fault.message ?? `Simulated HTTP ${fault.status}`);
  const maxResults = filters.maxResults ?? 25;
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 25) {
    return awsError(400, 'BadRequestException', 'maxResults must be between 1 and 25');
  }
  if (!context.jobs.hasApp(region, appId)) {
    return awsError(404, 'NotFoundException', `App ${appId} not found.`, { resourceType: 'App' });
  }
  const now = context.now();
  const listed = context.jobs.list(region, appId, envName);
  const matching = (context.listOrder() === 'oldest-first' ? listed.reverse() : listed)
    .map((job) => snapshot(job, now))
    .filter(
      (job) =>
        (filters.status === undefined || job.status === filters.status) &&
        (filters.operation === undefined || job.operation === filters.operation) &&
        (filters.jobId === undefined || job.jobId === filters.jobId),
    );
  let offset = 0;
  if (typeof filters.nextToken === 'string') {
    offset = Number(atob(filters.nextToken));
    if (!Number.isInteger(offset) || offset < 0) return awsError(400, 'BadRequestException', 'Invalid nextToken');
  }
  const page = matching.slice(offset, offset + maxResults);
  const next = offset + maxResults < matching.length ? btoa(String(offset + maxResults)) : undefined;
  return json(200, next ? { jobs: page, nextToken: next } : { jobs: page });
}
