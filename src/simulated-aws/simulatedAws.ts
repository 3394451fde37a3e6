/**
 * The simulated AWS's front door: it tells which service a request is for and records it. The
 * services are amplifyBackend.ts, amplifyHosting.ts, cognitoIdentity.ts and userPool.ts.
 */
import { amplifyBackend, type AmplifyBackendContext, type ListOrder } from './amplifyBackend';
import { amplifyHosting, type AmplifyHostingContext } from './amplifyHosting';
import { SimulatedCognitoIdentity, cognitoError } from './cognitoIdentity';
import { HostingJobStore, type SimHostingJobSpec } from './hostingJobStore';
import { JobStore, type SimFault, type SimJobSpec } from './jobStore';
import type { SigningSecret } from './sigv4';
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
  /** Amplify Hosting jobs (GetJob, ListJobs on amplify.<region>.amazonaws.com). */
  hostingJobs?: SimHostingJobSpec[];
  /** How ListBackendJobs pages; oldest first unless asked (the newest jobs on the last page). */
  listOrder?: ListOrder;
  /** The Cognito user pool (demo users by default); its clock is `now`. */
  userPool?: Omit<SimulatedUserPoolOptions, 'now'>;
  /**
   * Long-term access keys (access key ID → secret) accepted besides the identity pool's, as an IAM
   * user's keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY would be.
   */
  staticKeys?: Record<string, string>;
}

export interface SimRequestRecord {
  at: number;
  /** `cognito-idp` covers the user pool API and its Hosted UI endpoints (OAuth2Token, Login, …). */
  service: 'amplifybackend' | 'amplify' | 'cognito-identity' | 'cognito-idp';
  operation: string;
  status: number;
  jobId?: string;
}

const AMAZON_HOST = /^(amplifybackend|amplify|cognito-identity|cognito-idp)\.([a-z0-9-]+)\.amazonaws\.com$/;
/** Hosted UI domains: `<prefix>.auth.<region>.amazoncognito.com` (the region is optional here). */
const HOSTED_UI_HOST = /^(?:[a-z0-9-]+\.)*?(?:auth(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.)?amazoncognito\.com$/;
const MAX_RECORDS = 5000;

/** What the AmplifyBackend and Amplify Hosting simulations record of a request they answer. */
type AmplifyRecord = Omit<SimRequestRecord, 'at' | 'service'>;

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
  /** Amplify Hosting jobs: a branch's builds and deploys. */
  readonly hostingJobs: HostingJobStore;
  /** Faults for ListJobs, per branch (key: jobKey(region, appId, branchName, '')). */
  readonly hostingListFaults = new Map<string, SimFault[]>();
  readonly records: SimRequestRecord[] = [];
  /** Faults for ListBackendJobs, per environment (key: jobKey(region, appId, envName, '')). */
  readonly listFaults = new Map<string, SimFault[]>();
  /** How ListBackendJobs pages: the real API promises no order, and a test may pick either. */
  listOrder: ListOrder;
  readonly #initialListOrder: ListOrder;
  readonly now: () => number;
  guestAccess: boolean;
  credentialLifetimeMs: number;
  readonly #extraOrigins: Set<string>;
  readonly userPool: SimulatedUserPool;
  readonly #identity: SimulatedCognitoIdentity;
  readonly #staticKeys: ReadonlyMap<string, string>;
  readonly #backend: AmplifyBackendContext;
  readonly #hosting: AmplifyHostingContext;

  constructor(options: SimulatedAwsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.jobs = new JobStore(this.now);
    this.hostingJobs = new HostingJobStore(this.now);
    this.guestAccess = options.guestAccess ?? true;
    this.#initialListOrder = options.listOrder ?? 'oldest-first';
    this.listOrder = this.#initialListOrder;
    this.credentialLifetimeMs = options.credentialLifetimeMs ?? 60 * 60 * 1000;
    this.#extraOrigins = new Set(options.extraOrigins ?? []);
    this.#staticKeys = new Map(Object.entries(options.staticKeys ?? {}));
    for (const spec of options.jobs ?? []) this.jobs.put(spec);
    for (const spec of options.hostingJobs ?? []) this.hostingJobs.put(spec);
    this.userPool = new SimulatedUserPool({ ...options.userPool, now: this.now });
    this.#identity = new SimulatedCognitoIdentity(this);
    this.#backend = {
      jobs: this.jobs,
      listFaults: this.listFaults,
      listOrder: () => this.listOrder,
      now: this.now,
      secretFor: (accessKeyId) => this.#secretFor(accessKeyId),
      record: (entry) => this.#record({ service: 'amplifybackend', ...entry }),
    };
    this.#hosting = {
      hostingJobs: this.hostingJobs,
      hostingListFaults: this.hostingListFaults,
      now: this.now,
      secretFor: (accessKeyId) => this.#secretFor(accessKeyId),
      record: (entry) => this.#record({ service: 'amplify', ...entry }),
    };
  }

  /** The secret behind an access key: a static key's, or one the identity pool issued. */
  #secretFor(accessKeyId: string): SigningSecret | undefined {
    const secretAccessKey = this.#staticKeys.get(accessKeyId);
    return secretAccessKey === undefined ? this.#identity.secretFor(accessKeyId) : { secretAccessKey };
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
    this.#identity.expireAllCredentials();
  }

  count(filter: Partial<Pick<SimRequestRecord, 'service' | 'operation' | 'jobId'>> = {}): number {
    return this.records.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.jobId === undefined || r.jobId === filter.jobId),
    ).length;
  }

  /**
   * Counts resets. A request still being answered when the simulation is reset (a test that ended
   * with a request on its way) is answered from the new state but not recorded: it belongs to the
   * test before.
   */
  #generation = 0;

  reset(): void {
    this.#generation += 1;
    this.jobs.clear();
    this.listFaults.clear();
    this.hostingJobs.clear();
    this.hostingListFaults.clear();
    this.listOrder = this.#initialListOrder;
    this.records.length = 0;
    this.#identity.clear();
    this.guestAccess = true;
    this.userPool.reset();
  }

  /** Answers a request meant for AWS, or returns undefined when it is not one. */
  async handle(request: Request): Promise<Response | undefined> {
    const generation = this.#generation;
    const record = (entry: Omit<SimRequestRecord, 'at'>) => {
      if (generation === this.#generation) this.#record(entry);
    };
    const url = new URL(request.url);
    const amazon = AMAZON_HOST.exec(url.hostname);
    const hostedUi = amazon ? null : HOSTED_UI_HOST.exec(url.hostname);
    const extra = this.#extraOrigins.has(url.origin);
    if (!amazon && !hostedUi && !extra) return undefined;
    const target = request.headers.get('x-amz-target') ?? '';
    if (target.startsWith('AWSCognitoIdentityService.')) {
      return this.#cognitoIdentity(request, target.slice('AWSCognitoIdentityService.'.length), record);
    }
    if (target.startsWith('AWSCognitoIdentityProviderService.')) {
      const operation = target.slice('AWSCognitoIdentityProviderService.'.length);
      const response =
        amazon && amazon[1] !== 'cognito-idp'
          ? cognitoError(400, 'UnknownOperationException', `${target} is not an operation of ${amazon[1]}`)
          : await this.userPool.handle(request, operation, amazon?.[2]);
      record({ service: 'cognito-idp', operation, status: response.status });
      return response;
    }
    const hostedUiOperation = SimulatedUserPool.hostedUiOperation(url.pathname);
    if ((hostedUi || extra) && hostedUiOperation) {
      const response = await this.userPool.handleHostedUi(request, url, hostedUi?.[1]);
      record({ service: 'cognito-idp', operation: hostedUiOperation, status: response.status });
      return response;
    }
    if (hostedUi) return undefined;
    if (url.pathname.startsWith('/backend/')) {
      const context = { ...this.#backend, record: (entry: AmplifyRecord) => record({ service: 'amplifybackend', ...entry }) };
      return amplifyBackend(context, request, url, amazon?.[1] === 'amplifybackend' ? amazon[2] : undefined);
    }
    if (url.pathname.startsWith('/apps/') && (extra || amazon?.[1] === 'amplify')) {
      const context = { ...this.#hosting, record: (entry: AmplifyRecord) => record({ service: 'amplify', ...entry }) };
      return amplifyHosting(context, request, url, amazon?.[1] === 'amplify' ? amazon[2] : undefined);
    }
    return undefined;
  }

  #record(record: Omit<SimRequestRecord, 'at'>): void {
    this.records.push({ ...record, at: this.now() });
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  async #cognitoIdentity(
    request: Request,
    operation: string,
    record: (entry: Omit<SimRequestRecord, 'at'>) => void,
  ): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      return cognitoError(400, 'SerializationException', 'Request body is not JSON');
    }
    const response = await this.#identity.operation(operation, body);
    record({ service: 'cognito-identity', operation, status: response.status });
    return response;
  }

  /** The identity a set of credentials was issued for, and whether a user pool login backed it. */
  credentialsIdentity(accessKeyId: string): { identityId: string; authenticated: boolean } | undefined {
    return this.#identity.credentialsIdentity(accessKeyId);
  }
}
