import { JobStore, jobKey, snapshot, type SimFault, type SimJobSpec } from './jobStore';
import { verifySigV4, type SigningSecret } from './sigv4';
import { sha256 } from './jwt';
import { SimulatedUserPool, type SimulatedUserPoolOptions } from './userPool';

export interface SimulatedAwsOptions {
  now?: () => number;
  /** Origins besides `*.amazonaws.com` that the simulation answers (a loopback server). */
  extraOrigins?: string[];
  /** Lifetime of issued credentials. */
  credentialLifetimeMs?: number;
  /** Whether identity pools hand out guest credentials. */
  guestAccess?: boolean;
  jobs?: SimJobSpec[];
  /** The Cognito user pool (demo users by default); its clock is `now`. */
  userPool?: Omit<SimulatedUserPoolOptions, 'now'>;
}

export interface SimRequestRecord {
  at: number;
  /** `cognito-idp` covers the user pool API and its Hosted UI endpoints (OAuth2Token, Login, …). */
  service: 'amplifybackend' | 'cognito-identity' | 'cognito-idp';
  operation: string;
  status: number;
  jobId?: string;
}

interface IssuedCredentials extends SigningSecret {
  identityId: string;
  authenticated: boolean;
}

const AMAZON_HOST = /^(amplifybackend|cognito-identity|cognito-idp)\.([a-z0-9-]+)\.amazonaws\.com$/;
/** Hosted UI domains: `<prefix>.auth.<region>.amazoncognito.com` (the region is optional here). */
const HOSTED_UI_HOST = /^(?:[a-z0-9-]+\.)*?(?:auth(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.)?amazoncognito\.com$/;
const JOB_PATH = /^\/backend\/([^/]+)\/job\/([^/]+)\/([^/]+)$/;
const JOBS_PATH = /^\/backend\/([^/]+)\/job\/([^/]+)$/;
const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f-]{36}$/;
const MAX_RECORDS = 5000;
const UNAUTHENTICATED = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_DONT_MATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";

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
 * One simulated AWS: AmplifyBackend jobs that move through statuses over time, a Cognito user pool
 * (`userPool`: sign-in, challenges, tokens, Hosted UI token endpoint; demo users by default), and
 * Cognito Identity handing out guest credentials, or authenticated ones for a user pool ID token in
 * `Logins`, that every AmplifyBackend request must be signed with.
 * It speaks the Fetch API (Request in, Response out), so MSW in Node, MSW in the browser and a
 * loopback HTTP server all serve the same behaviour.
 */
export class SimulatedAws {
  readonly jobs: JobStore;
  readonly records: SimRequestRecord[] = [];
  /** Faults for ListBackendJobs, per environment (key: jobKey(region, appId, envName, '')). */
  readonly listFaults = new Map<string, SimFault[]>();
  readonly now: () => number;
  guestAccess: boolean;
  credentialLifetimeMs: number;
  readonly #credentials = new Map<string, IssuedCredentials>();
  readonly #extraOrigins: Set<string>;
  /** Identities that have a user pool login linked: identity ID → the login's `iss|sub`. */
  readonly #authenticatedIdentities = new Map<string, string>();
  readonly userPool: SimulatedUserPool;

  constructor(options: SimulatedAwsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.jobs = new JobStore(this.now);
    this.guestAccess = options.guestAccess ?? true;
    this.credentialLifetimeMs = options.credentialLifetimeMs ?? 60 * 60 * 1000;
    this.#extraOrigins = new Set(options.extraOrigins ?? []);
    for (const spec of options.jobs ?? []) this.jobs.put(spec);
    this.userPool = new SimulatedUserPool({ ...options.userPool, now: this.now });
  }

  /** Answers requests to this origin too (a loopback server that learned its port after start). */
  addExtraOrigin(origin: string): void {
    this.#extraOrigins.add(origin);
  }

  /** Every refresh token issued so far stops working (the next refresh gets NotAuthorizedException). */
  revokeAllRefreshTokens(): void {
    this.userPool.revokeAllRefreshTokens();
  }

  /** Access and ID tokens issued so far count as expired: the next credentials need a token refresh. */
  expireAccessTokens(): void {
    this.userPool.expireAccessTokens();
  }

  /** An authorization code for the Hosted UI token endpoint, as if `username` had just signed in there. */
  issueAuthorizationCode(
    username: string,
    codeChallenge?: string,
    options?: { clientId?: string; redirectUri?: string; scope?: string; region?: string },
  ): string {
    return this.userPool.issueAuthorizationCode(username, codeChallenge, options);
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
    this.listFaults.clear();
    this.records.length = 0;
    this.#credentials.clear();
    this.#authenticatedIdentities.clear();
    this.guestAccess = true;
    this.userPool.reset();
  }

  /** Answers a request meant for AWS, or returns undefined when it is not one. */
  async handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const amazon = AMAZON_HOST.exec(url.hostname);
    const hostedUi = amazon ? null : HOSTED_UI_HOST.exec(url.hostname);
    const extra = this.#extraOrigins.has(url.origin);
    if (!amazon && !hostedUi && !extra) return undefined;
    const target = request.headers.get('x-amz-target') ?? '';
    if (target.startsWith('AWSCognitoIdentityService.')) {
      return this.#cognitoIdentity(request, target.slice('AWSCognitoIdentityService.'.length));
    }
    if (target.startsWith('AWSCognitoIdentityProviderService.')) {
      const operation = target.slice('AWSCognitoIdentityProviderService.'.length);
      const response =
        amazon && amazon[1] !== 'cognito-idp'
          ? cognitoError(400, 'UnknownOperationException', `${target} is not an operation of ${amazon[1]}`)
          : await this.userPool.handle(request, operation, amazon?.[2]);
      this.#record({ service: 'cognito-idp', operation, status: response.status });
      return response;
    }
    const hostedUiOperation = SimulatedUserPool.hostedUiOperation(url.pathname);
    if ((hostedUi || extra) && hostedUiOperation) {
      const response = await this.userPool.handleHostedUi(request, url, hostedUi?.[1]);
      this.#record({ service: 'cognito-idp', operation: hostedUiOperation, status: response.status });
      return response;
    }
    if (hostedUi) return undefined;
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
    const response = await this.#cognitoIdentityOperation(operation, body);
    this.#record({ service: 'cognito-identity', operation, status: response.status });
    return response;
  }

  async #cognitoIdentityOperation(operation: string, body: Record<string, unknown>): Promise<Response> {
    const logins = body.Logins;
    if (logins !== undefined && (typeof logins !== 'object' || logins === null || Array.isArray(logins))) {
      return cognitoError(400, 'ValidationException', 'Logins must be a map of provider names to tokens');
    }
    // A login is the user pool's ID token under its issuer (without https://): `iss|sub` once checked.
    let login: string | undefined;
    for (const [provider, token] of Object.entries(logins ?? {})) {
      const verdict = await this.userPool.verifyLogin(provider, token);
      if (!verdict.ok) return cognitoError(400, 'NotAuthorizedException', verdict.message);
      login ??= `${verdict.issuer}|${verdict.sub}`;
    }
    if (operation === 'GetId') {
      const poolId = String(body.IdentityPoolId ?? '');
      const match = IDENTITY_POOL_ID.exec(poolId);
      if (!match)
        return cognitoError(
          400,
          'ValidationException',
          `1 validation error detected: Value '${poolId}' at 'identityPoolId' failed to satisfy constraint`,
        );
      const region = match[1] as string;
      if (!login && !this.guestAccess) return cognitoError(400, 'NotAuthorizedException', UNAUTHENTICATED);
      const identityId = login ? await this.#identityFor(region, login) : `${region}:${crypto.randomUUID()}`;
      return new Response(JSON.stringify({ IdentityId: identityId }), {
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
    }
    if (operation === 'GetCredentialsForIdentity') {
      const requested = String(body.IdentityId ?? '');
      const match = IDENTITY_POOL_ID.exec(requested);
      if (!match) return cognitoError(400, 'ValidationException', 'IdentityId is malformed');
      let identityId = requested;
      const linked = this.#authenticatedIdentities.get(requested);
      if (login) {
        if (linked !== undefined && linked !== login) return cognitoError(400, 'NotAuthorizedException', LOGINS_DONT_MATCH);
        // The user's identity; a guest identity presented with the login is merged into it (the
        // response names the identity to use from now on, which Amplify stores).
        identityId = await this.#identityFor(match[1] as string, login);
      } else {
        if (!this.guestAccess) return cognitoError(400, 'NotAuthorizedException', UNAUTHENTICATED);
        // An identity with a login linked is not handed out without that login.
        if (linked !== undefined) return cognitoError(400, 'NotAuthorizedException', LOGINS_DONT_MATCH);
      }
      const accessKeyId = `ASIA${randomToken(16)}`;
      const issued: IssuedCredentials = {
        identityId,
        authenticated: login !== undefined,
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

  /** Each user's identity, stable for a region and login (the same across simulation instances). */
  async #identityFor(region: string, login: string): Promise<string> {
    const hash = await sha256(`${region}|${login}`);
    hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x40;
    hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(hash.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
    const identityId = `${region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    this.#authenticatedIdentities.set(identityId, login);
    return identityId;
  }

  /** The identity a set of credentials was issued for, and whether a user pool login backed it. */
  credentialsIdentity(accessKeyId: string): { identityId: string; authenticated: boolean } | undefined {
    const issued = this.#credentials.get(accessKeyId);
    return issued ? { identityId: issued.identityId, authenticated: issued.authenticated } : undefined;
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
    const list = JOBS_PATH.exec(url.pathname);
    if (list && request.method === 'POST') return finish(this.#listJobs(list, verdict.region, body));
    if (!match || request.method !== 'GET' || ids.some((id) => id === undefined)) {
      return finish(
        awsError(404, 'NotFoundException', `No route for ${request.method} ${url.pathname}`, { resourceType: 'Route' }),
      );
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
    return finish(json(200, snapshot(job, this.now())));
  }

  /** ListBackendJobs: body filters, `maxResults` 1–25, an opaque `nextToken`; oldest first (the API promises no order). */
  #listJobs(match: RegExpExecArray, region: string, body: string): Response {
    const appId = decodeSegment(match[1] ?? '');
    const envName = decodeSegment(match[2] ?? '');
    if (appId === undefined || envName === undefined) return awsError(400, 'BadRequestException', 'Malformed path');
    let filters: Record<string, unknown>;
    try {
      filters = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return awsError(400, 'BadRequestException', 'Request body is not JSON');
    }
    const fault = this.listFaults.get(jobKey(region, appId, envName, ''))?.shift();
    if (fault?.type === 'http')
      return awsError(fault.status, fault.errorType ?? 'ServiceException', fault.message ?? `Simulated HTTP ${fault.status}`);
    const maxResults = filters.maxResults ?? 25;
    if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 25) {
      return awsError(400, 'BadRequestException', 'maxResults must be between 1 and 25');
    }
    if (!this.jobs.hasApp(region, appId)) {
      return awsError(404, 'NotFoundException', `App ${appId} not found.`, { resourceType: 'App' });
    }
    const now = this.now();
    const matching = this.jobs
      .list(region, appId, envName)
      .reverse()
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
          new Response(fault.body, {
            status: fault.status,
            headers: { 'content-type': fault.contentType ?? 'application/json' },
          }),
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
