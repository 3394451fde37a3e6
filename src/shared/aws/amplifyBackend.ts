import type { AppConfig } from '../config/appConfig';
import type { BackendJobRef } from '../domain/jobRef';
import { parseJobTime, type JobTime } from './jobTime';
import { invalidResponse, parseObject, readJobPage } from './restJson';
import type { SignedFetch, SignedResponse } from './signedFetch';

/** GetBackendJob's 200 body as it travels: lower camelCase, every member an optional string. */
interface BackendJobWire {
  appId?: unknown;
  backendEnvironmentName?: unknown;
  jobId?: unknown;
  operation?: unknown;
  status?: unknown;
  createTime?: unknown;
  updateTime?: unknown;
  error?: unknown;
}

const WIRE_MEMBERS = [
  'appId',
  'backendEnvironmentName',
  'jobId',
  'operation',
  'status',
  'createTime',
  'updateTime',
  'error',
] as const satisfies readonly (keyof BackendJobWire)[];

/** One backend job as the dashboard knows it. The service guarantees none of these members. */
export interface BackendJob {
  /** AmplifyBackend jobs are the first kind: see watchedJob.ts. */
  kind?: 'backend';
  appId?: string;
  backendEnvironmentName?: string;
  jobId?: string;
  operation?: string;
  status?: string;
  createTime?: JobTime;
  updateTime?: JobTime;
  error?: string;
  /** The job's JSON as the API sent it, for the raw view. */
  raw: Record<string, unknown>;
  /** Another tab's answer (see jobPollElections): shown here, stored only by the tab that asked AWS. */
  relayed?: boolean;
}

export type BackendJobKey = BackendJobRef;

export const AMPLIFY_BACKEND_SERVICE = 'amplifybackend';

export interface Endpoint {
  /** Base URL requests are sent to, without a trailing slash. */
  baseUrl: string;
  /** The host the signature covers. */
  signingHost: string;
}

/** The regional endpoint, or the configured override (a proxy signs for `signingHost`). */
export function resolveEndpoint(config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>, region: string): Endpoint {
  if (config.amplifyBackendEndpoint) {
    const url = new URL(config.amplifyBackendEndpoint);
    return {
      baseUrl: config.amplifyBackendEndpoint.replace(/\/+$/, ''),
      signingHost: config.signingHost ?? url.host,
    };
  }
  const host = `amplifybackend.${region}.amazonaws.com`;
  return { baseUrl: `https://${host}`, signingHost: host };
}

/** `/backend/{appId}/job/{env}/{jobId}`: each ID one percent-encoded path segment. */
export function backendJobPath(key: Omit<BackendJobKey, 'region'>): string {
  return `${backendJobsPath(key)}/${encodeURIComponent(key.jobId)}`;
}

/** `/backend/{appId}/job/{env}`, where ListBackendJobs is POSTed. */
export function backendJobsPath(key: Pick<BackendJobKey, 'appId' | 'envName'>): string {
  return `/backend/${encodeURIComponent(key.appId)}/job/${encodeURIComponent(key.envName)}`;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isJobLike(value: unknown): value is BackendJobWire & Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    WIRE_MEMBERS.some((member) => typeof (value as BackendJobWire)[member] === 'string')
  );
}

/** Wire → model. Tolerant of missing members; refuses a body that is not a job at all. */
export function deserializeBackendJob(response: Pick<SignedResponse, 'text' | 'headers' | 'status'>): BackendJob {
  const body = parseObject(response);
  if (!isJobLike(body)) {
    throw invalidResponse(response, 'The response had none of the fields of a backend job.');
  }
  return jobFromWire(body);
}

export interface BackendJobPage {
  jobs: BackendJob[];
  nextToken?: string;
}

/** ListBackendJobs' body → model. Entries that are not jobs are skipped, not fatal. */
export function deserializeBackendJobPage(response: Pick<SignedResponse, 'text' | 'headers' | 'status'>): BackendJobPage {
  return readJobPage(response, 'jobs', isJobLike, jobFromWire);
}

/** A job as the page uses it, from its JSON as AWS sends it (also a copy kept from an earlier answer). */
export function jobFromWire(wire: BackendJobWire & Record<string, unknown>): BackendJob {
  return {
    appId: optionalString(wire.appId),
    backendEnvironmentName: optionalString(wire.backendEnvironmentName),
    jobId: optionalString(wire.jobId),
    operation: optionalString(wire.operation),
    status: optionalString(wire.status),
    createTime: parseJobTime(optionalString(wire.createTime)),
    updateTime: parseJobTime(optionalString(wire.updateTime)),
    error: optionalString(wire.error),
    raw: wire,
  };
}

/** ListBackendJobs' body filters; all optional. */
export interface BackendJobFilters {
  status?: string;
  operation?: string;
  maxResults?: number;
  nextToken?: string;
}

export type EnvironmentKey = Pick<BackendJobKey, 'region' | 'appId' | 'envName'>;

export interface AmplifyBackendClient {
  getBackendJob(key: BackendJobKey, signal?: AbortSignal): Promise<BackendJob>;
  listBackendJobs(key: EnvironmentKey, filters: BackendJobFilters, signal?: AbortSignal): Promise<BackendJobPage>;
}

export function createAmplifyBackendClient(
  config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>,
  signedFetch: SignedFetch,
): AmplifyBackendClient {
  /** One signed call to the region's endpoint (or the configured proxy). */
  const send = (region: string, method: 'GET' | 'POST', path: string, signal: AbortSignal | undefined, body?: string) => {
    const endpoint = resolveEndpoint(config, region);
    return signedFetch({
      method,
      url: new URL(endpoint.baseUrl + path),
      signingHost: endpoint.signingHost,
      signingPath: path,
      region,
      service: AMPLIFY_BACKEND_SERVICE,
      body,
      signal,
    });
  };
  return {
    async getBackendJob(key, signal) {
      return deserializeBackendJob(await send(key.region, 'GET', backendJobPath(key), signal));
    },
    async listBackendJobs(key, filters, signal) {
      const body: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(filters) as [string, string | number | undefined][]) {
        if (value !== undefined && value !== '') body[name] = value;
      }
      return deserializeBackendJobPage(await send(key.region, 'POST', backendJobsPath(key), signal, JSON.stringify(body)));
    },
  };
}
