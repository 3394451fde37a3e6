/** What a simulated job does over time: each step's status takes effect `atMs` after the job starts. */
export interface SimJobStep {
  status: string;
  atMs: number;
}

/** One scripted misbehaviour, used for one request to the job (in order). */
export type SimFault =
  | { type: 'http'; status: number; errorType?: string; message?: string }
  | { type: 'html'; status: number }
  | { type: 'body'; status: number; body: string; contentType?: string }
  | { type: 'hang' }
  | { type: 'network' };

export interface SimJobSpec {
  region?: string;
  appId: string;
  envName: string;
  jobId: string;
  operation?: string;
  steps: SimJobStep[];
  /** Shown once the job reaches FAILED. */
  error?: string;
  /** Start of the job, epoch ms; defaults to the store's now. */
  startedAt?: number;
  /**
   * The job starts when it is first asked for (GetBackendJob), not when it is put: a demo's sample
   * runs from the moment someone opens it. Until then no list shows it.
   */
  startsWhenOpened?: boolean;
  faults?: SimFault[];
}

export interface SimJob extends Required<Omit<SimJobSpec, 'error' | 'faults' | 'startsWhenOpened'>>, ScriptedJob {
  error?: string;
}

export const DEFAULT_REGION = 'us-east-1';

export function jobKey(region: string, appId: string, envName: string, jobId: string): string {
  return JSON.stringify([region, appId, envName, jobId]);
}

export interface JobSnapshot {
  appId: string;
  backendEnvironmentName: string;
  jobId: string;
  operation: string;
  status: string;
  createTime: string;
  updateTime: string;
  error?: string;
}

/** The job as GetBackendJob would describe it at `now` (times as epoch-ms strings, like the service). */
export function snapshot(job: SimJob, now: number): JobSnapshot {
  const elapsed = now - job.startedAt;
  const reached = job.steps.filter((step) => step.atMs <= elapsed);
  const current = reached[reached.length - 1] ?? job.steps[0] ?? { status: 'RUNNING', atMs: 0 };
  const result: JobSnapshot = {
    appId: job.appId,
    backendEnvironmentName: job.envName,
    jobId: job.jobId,
    operation: job.operation,
    status: current.status,
    createTime: String(job.startedAt),
    // Before the first step is reached the job has not been updated since it started.
    updateTime: String(job.startedAt + (reached.length > 0 ? Math.max(0, current.atMs) : 0)),
  };
  if (job.error && current.status === 'FAILED') result.error = job.error;
  return result;
}

/** What every kind of simulated job has: where it is, when it started, and its scripted faults. */
export interface ScriptedJob {
  region: string;
  appId: string;
  startedAt: number;
  faults: SimFault[];
  /** Put with `startsWhenOpened` and not asked for yet: `startedAt` is set when it is. */
  waitingToStart: boolean;
}

/**
 * Simulated jobs by key, each started when put or, with `startsWhenOpened`, when first asked for.
 * The AmplifyBackend and Amplify Hosting stores both keep their jobs in one.
 */
export class ScriptedJobs<J extends ScriptedJob> {
  readonly #jobs = new Map<string, J>();
  constructor(private readonly now: () => number) {}

  set(key: string, job: J): J {
    this.#jobs.set(key, job);
    return job;
  }

  get(key: string): J | undefined {
    return this.#jobs.get(key);
  }

  /** The job as a Get operation finds it: one waiting to start starts now. */
  open(key: string): J | undefined {
    const job = this.#jobs.get(key);
    if (job?.waitingToStart) {
      job.waitingToStart = false;
      job.startedAt = this.now();
    }
    return job;
  }

  /** Jobs that have started and match, newest first. */
  started(match: (job: J) => boolean): J[] {
    return [...this.#jobs.values()].filter((job) => !job.waitingToStart && match(job)).sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Whether any job, started or not, matches. */
  some(match: (job: J) => boolean): boolean {
    return [...this.#jobs.values()].some(match);
  }

  clear(): void {
    this.#jobs.clear();
  }
}

export class JobStore {
  readonly #jobs: ScriptedJobs<SimJob>;
  constructor(private readonly now: () => number) {
    this.#jobs = new ScriptedJobs(now);
  }

  put(spec: SimJobSpec): SimJob {
    const job: SimJob = {
      region: spec.region ?? DEFAULT_REGION,
      appId: spec.appId,
      envName: spec.envName,
      jobId: spec.jobId,
      operation: spec.operation ?? 'CreateBackendAuth',
      steps: [...spec.steps].sort((a, b) => a.atMs - b.atMs),
      startedAt: spec.startedAt ?? this.now(),
      faults: [...(spec.faults ?? [])],
      waitingToStart: spec.startsWhenOpened === true,
    };
    if (spec.error !== undefined) job.error = spec.error;
    return this.#jobs.set(jobKey(job.region, job.appId, job.envName, job.jobId), job);
  }

  get(region: string, appId: string, envName: string, jobId: string): SimJob | undefined {
    return this.#jobs.get(jobKey(region, appId, envName, jobId));
  }

  /** The job as GetBackendJob finds it: one waiting to start starts now. */
  open(region: string, appId: string, envName: string, jobId: string): SimJob | undefined {
    return this.#jobs.open(jobKey(region, appId, envName, jobId));
  }

  /** Jobs of one environment that have started, newest first. */
  list(region: string, appId: string, envName: string): SimJob[] {
    return this.#jobs.started((job) => job.region === region && job.appId === appId && job.envName === envName);
  }

  hasApp(region: string, appId: string): boolean {
    return this.#jobs.some((job) => job.region === region && job.appId === appId);
  }

  clear(): void {
    this.#jobs.clear();
  }
}
