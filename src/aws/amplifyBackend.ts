import type { AppConfig } from '../config/appConfig';
import { AwsError } from './awsError';
import { parseJobTime, type JobTime } from './jobTime';
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
  appId?: string;
  backendEnvironmentName?: string;
  jobId?: string;
  operation?: string;
  status?: string;
  createTime?: JobTime;
  updateTime?: JobTime;
  error?: string;
}

export interface BackendJobKey {
  region: string;
  appId: string;
  envName: string;
  jobId: string;
}

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
  return `/backend/${encodeURIComponent(key.appId)}/job/${encodeURIComponent(key.envName)}/${encodeURIComponent(key.jobId)}`;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Wire → model. Tolerant of missing members; refuses a body that is not a job at all. */
export function deserializeBackendJob(response: Pick<SignedResponse, 'text' | 'headers' | 'status'>): BackendJob {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw invalidResponse(response, 'The response was not JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidResponse(response, 'The response was not a JSON object.');
  }
  const wire = body as BackendJobWire;
  if (!WIRE_MEMBERS.some((member) => typeof wire[member] === 'string')) {
    throw invalidResponse(response, 'The response had none of the fields of a backend job.');
  }
  return {
    appId: optionalString(wire.appId),
    backendEnvironmentName: optionalString(wire.backendEnvironmentName),
    jobId: optionalString(wire.jobId),
    operation: optionalString(wire.operation),
    status: optionalString(wire.status),
    createTime: parseJobTime(optionalString(wire.createTime)),
    updateTime: parseJobTime(optionalString(wire.updateTime)),
    error: optionalString(wire.error),
  };
}

function invalidResponse(response: Pick<SignedResponse, 'headers' | 'status'>, message: string): AwsError {
  return new AwsError({
    kind: 'invalid-response',
    status: response.status,
    serverMessage: message,
    requestId: response.headers.get('x-amzn-requestid') ?? undefined,
  });
}

export interface AmplifyBackendClient {
  getBackendJob(key: BackendJobKey, signal?: AbortSignal): Promise<BackendJob>;
}

export function createAmplifyBackendClient(
  config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>,
  signedFetch: SignedFetch,
): AmplifyBackendClient {
  return {
    async getBackendJob(key, signal) {
      const endpoint = resolveEndpoint(config, key.region);
      const path = backendJobPath(key);
      const response = await signedFetch({
        method: 'GET',
        url: new URL(endpoint.baseUrl + path),
        signingHost: endpoint.signingHost,
        signingPath: path,
        region: key.region,
        service: AMPLIFY_BACKEND_SERVICE,
        signal,
      });
      return deserializeBackendJob(response);
    },
  };
}
