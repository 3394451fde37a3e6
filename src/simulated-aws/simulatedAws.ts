import { JobStore, snapshot, type SimFault, type SimJobSpec } from './jobStore';
import { verifySigV4, type SigningSecret } from './sigv4';

export interface SimulatedAwsOptions {
  now?: () => number;
  /** Origins besides `*.amazonaws.com` that the simulation answers (a loopback server). */
  extraOrigins?: string[];
  /** Lifetime of issued credentials. */
  credentialLifetimeMs?: number;
  /** Whether identity pools hand out guest credentials. */
  guestAccess?: boolean;
  jobs?: SimJobSpec[];
}

export interface SimRequestRecord {
  at: number;
  service: 'amplifybackend' | 'cognito-identity';
  operation: string;
  status: number;
  jobId?: string;
}

interface IssuedCredentials extends SigningSecret {
  identityId: string;
}

const AMAZON_HOST = /^(amplifybackend|cognito-identity|cognito-idp)\.([a-z0-9-]+)\.amazonaws\.com$/;
const JOB_PATH = /^\/backend\/([^/]+)\/job\/([^/]+)\/([^/]+)$/;
const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f-]{36}$/;
const MAX_RECORDS = 5000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': crypto.randomUUID(), ...headers },
  });
}

function awsError(status: number, errorType: string, message: string, extra: Record<string, string> = {}): Response {
  return json(status, { message, ...extra }, { 'x-amzn-errortype': errorType });
}

function cognitoError(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() },
  });
}

function randomToken(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * One simulated AWS: AmplifyBackend jobs that move through statuses over time, and Cognito
 * Identity handing out credentials that every AmplifyBackend request must be signed with.
 * It speaks the Fetch API (Request in, Response out), so MSW in Node, MSW in the browser and a
 * loopback HTTP server all serve the same behaviour.
 */
export class SimulatedAws {
  readonly jobs: JobStore;
  readonly records: SimRequestRecord[] = [];
  readonly now: () => number;
  guestAccess: boolean;
  credentialLifetimeMs: number;
  readonly #credentials = new Map<string, IssuedCredentials>();
  readonly #extraOrigins: Set<string>;

  constructor(options: SimulatedAwsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.jobs = new JobStore(this.now);
    this.guestAccess = options.guestAccess ?? true;
    this.credentialLifetimeMs = options.credentialLifetimeMs ?? 60 * 60 * 1000;
    this.#extraOrigins = new Set(options.extraOrigins ?? []);
    for (const spec of options.jobs ?? []) this.jobs.put(spec);
  }

  /** Makes every credential issued so far expire now (as if the watch had lasted hours). */
  expireAllCredentials(): void {
    for (const issued of this.#credentials.values()) issued.expiresAt = this.now();
  }

  count(filter: Partial<Pick<SimRequestRecord, 'service' | 'operation' | 'jobId'>> = {}): number {
    return this.records.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.jobId === undefined || r.jobId === filter.jobId),
    ).length;
  }

  reset(): void {
    this.jobs.clear();
    this.records.length = 0;
    this.#credentials.clear();
    this.guestAccess = true;
  }

  /** Answers a request meant for AWS, or returns undefined when it is not one. */
  async handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const amazon = AMAZON_HOST.exec(url.hostname);
    if (!amazon && !this.#extraOrigins.has(url.origin)) return undefined;
    const target = request.headers.get('x-amz-target') ?? '';
    if (target.startsWith('AWSCognitoIdentityService.')) {
      return this.#cognitoIdentity(request, target.slice('AWSCognitoIdentityService.'.length));
    }
    if (url.pathname.startsWith('/backend/')) {
      return this.#amplifyBackend(request, url, amazon?.[1] === 'amplifybackend' ? amazon[2] : undefined);
    }
    return undefined;
  }

  #record(record: Omit<SimRequestRecord, 'at'>): void {
    this.records.push({ ...record, at: this.now() });
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  async #cognitoIdentity(request: Request, operation: string): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      return cognitoError(400, 'SerializationException', 'Request body is not JSON');
    }
    const response = this.#cognitoIdentityOperation(operation, body);
    this.#record({ service: 'cognito-identity', operation, status: response.status });
    return response;
  }

  #cognitoIdentityOperation(operation: string, body: Record<string, unknown>): Response {
    const logins = (body.Logins ?? {}) as Record<string, string>;
    const guest = Object.keys(logins).length === 0;
    if (operation === 'GetId') {
      const poolId = String(body.IdentityPoolId ?? '');
      const match = IDENTITY_POOL_ID.exec(poolId);
      if (!match) return cognitoError(400, 'ValidationException', `1 validation error detected: Value '${poolId}' at 'identityPoolId' failed to satisfy constraint`);
      if (guest && !this.guestAccess) {
        return cognitoError(400, 'NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');
      }
      return new Response(JSON.stringify({ IdentityId: `${match[1]}:${crypto.randomUUID()}` }), {
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
    }
    if (operation === 'GetCredentialsForIdentity') {
      const identityId = String(body.IdentityId ?? '');
      if (!IDENTITY_POOL_ID.test(identityId)) {
        return cognitoError(400, 'ValidationException', 'IdentityId is malformed');
      }
      if (guest && !this.guestAccess) {
        return cognitoError(400, 'NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');
      }
      const accessKeyId = `ASIA${randomToken(16)}`;
      const issued: IssuedCredentials = {
        identityId,
        secretAccessKey: randomToken(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
        sessionToken: randomToken(120, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
        expiresAt: this.now() + this.credentialLifetimeMs,
      };
      this.#credentials.set(accessKeyId, issued);
      return new Response(
        JSON.stringify({
          IdentityId: identityId,
          Credentials: {
            AccessKeyId: accessKeyId,
            SecretKey: issued.secretAccessKey,
            SessionToken: issued.sessionToken,
            Expiration: Math.floor((issued.expiresAt ?? 0) / 1000),
          },
        }),
        { headers: { 'content-type': 'application/x-amz-json-1.1' } },
      );
    }
    return cognitoError(400, 'UnknownOperationException', `Unknown operation ${operation}`);
  }

  async #amplifyBackend(request: Request, url: URL, hostRegion: string | undefined): Promise<Response> {
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const verdict = await verifySigV4(
      { method: request.method, url, headers: request.headers, body },
      {
        service: 'amplifybackend',
        region: hostRegion,
        now: this.now(),
        secretFor: (id) => this.#credentials.get(id),
      },
    );
    const match = JOB_PATH.exec(url.pathname);
    const ids = match ? match.slice(1).map(decodeSegment) : [];
    const jobId = ids[2];
    const operation = request.method === 'GET' ? 'GetBackendJob' : 'ListBackendJobs';
    const finish = (response: Response): Response => {
      this.#record({ service: 'amplifybackend', operation, status: response.status, jobId });
      return response;
    };

    if (!verdict.ok) return finish(awsError(403, verdict.errorType, verdict.message));
    if (!match || request.method !== 'GET' || ids.some((id) => id === undefined)) {
      return finish(awsError(404, 'NotFoundException', `No route for ${request.method} ${url.pathname}`, { resourceType: 'Route' }));
    }
    const [appId = '', envName = '', id = ''] = ids as string[];
    const region = verdict.region;
    const job = this.jobs.get(region, appId, envName, id);
    if (job?.faults.length) {
      const fault = job.faults.shift() as SimFault;
      return this.#fault(fault, request, finish);
    }
    if (!job) {
      const resourceType = this.jobs.hasApp(region, appId) ? 'BackendJob' : 'App';
      return finish(
        awsError(404, 'NotFoundException', resourceType === 'App' ? `App ${appId} not found.` : `Job ${id} not found for environment ${envName}.`, {
          resourceType,
        }),
      );
    }
    return finish(json(200, snapshot(job, this.now())));
  }

  async #fault(fault: SimFault, request: Request, finish: (r: Response) => Response): Promise<Response> {
    switch (fault.type) {
      case 'http':
        return finish(
          awsError(fault.status, fault.errorType ?? 'ServiceException', fault.message ?? `Simulated HTTP ${fault.status}`),
        );
      case 'html':
        return finish(
          new Response(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`, {
            status: fault.status,
            headers: { 'content-type': 'text/html' },
          }),
        );
      case 'body':
        return finish(
          new Response(fault.body, { status: fault.status, headers: { 'content-type': fault.contentType ?? 'application/json' } }),
        );
      case 'hang':
        finish(new Response(null, { status: 599 }));
        await new Promise<void>((resolve) => {
          if (request.signal.aborted) resolve();
          request.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return Response.error();
      case 'network':
        finish(new Response(null, { status: 598 }));
        return Response.error();
    }
  }
}
