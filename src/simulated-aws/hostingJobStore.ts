/**
 * Simulated Amplify Hosting jobs: a branch's build and deploy, as GetJob and ListJobs describe it.
 *
 * Each step has its own timeline (`{ status, atMs }`, `atMs` after the job starts). The job's own
 * status follows from its steps: PROVISIONING before the first step starts, RUNNING while steps
 * run, FAILED (or CANCELLED) as soon as one step does — the steps after it then never start and
 * are not listed —, SUCCEED once every step has. A spec may give an explicit job `timeline`
 * instead, for statuses the steps cannot imply (an unknown word, CANCELLING). A step is listed from
 * its first timeline entry on; its `statusReason` and `artifactsUrl` appear once it reaches the
 * last entry of its timeline, its `logUrl` from its start. Times go out as epoch seconds
 * (JSON numbers, with a fraction when the milliseconds are not round), as the service sends them.
 */
import { DEFAULT_REGION, jobKey, ScriptedJobs, type ScriptedJob, type SimFault, type SimJobStep } from './jobStore';

export interface SimHostingStepSpec {
  stepName: string;
  /** The step's statuses over time; it has not started before the first entry. */
  timeline: SimJobStep[];
  statusReason?: string;
  logUrl?: string;
  artifactsUrl?: string;
}

export interface SimHostingJobSpec {
  region?: string;
  appId: string;
  branchName: string;
  /** A decimal string that grows per branch ("1", "2", …), as the service numbers them. */
  jobId: string;
  /** RELEASE unless given. */
  jobType?: string;
  commitId?: string;
  commitMessage?: string;
  /** Epoch ms; the job's start unless given. */
  commitTime?: number;
  /** Start of the job, epoch ms; defaults to the store's now. */
  startedAt?: number;
  /** The job starts when it is first asked for (GetJob), not when it is put; until then no list shows it. */
  startsWhenOpened?: boolean;
  steps: SimHostingStepSpec[];
  /** The job's status over time instead of the one its steps imply. */
  timeline?: SimJobStep[];
  /** One per GetJob request to this job, in order. */
  faults?: SimFault[];
}

export interface SimHostingJob extends ScriptedJob {
  branchName: string;
  jobId: string;
  jobType: string;
  commitId?: string;
  commitMessage?: string;
  commitTime?: number;
  steps: SimHostingStepSpec[];
  timeline?: SimJobStep[];
}

/**
 * Steps that run one after another, `stepMs` each from `startMs`: every step RUNNING, then SUCCEED,
 * except the last, which ends as `last` (with `statusReason`). The usual shape of a build for tests.
 */
export function stepsInTurn(
  names: readonly string[],
  {
    startMs = 0,
    stepMs = 1000,
    last = 'SUCCEED',
    statusReason,
  }: { startMs?: number; stepMs?: number; last?: string; statusReason?: string } = {},
): SimHostingStepSpec[] {
  return names.map((stepName, index) => {
    const final = index === names.length - 1;
    const step: SimHostingStepSpec = {
      stepName,
      timeline: [
        { status: 'RUNNING', atMs: startMs + index * stepMs },
        { status: final ? last : 'SUCCEED', atMs: startMs + (index + 1) * stepMs },
      ],
    };
    if (final && statusReason !== undefined) step.statusReason = statusReason;
    return step;
  });
}

export const HOSTING_ACCOUNT_ID = '123456789012';
const TERMINAL = new Set(['SUCCEED', 'FAILED', 'CANCELLED']);
const STOPS_LATER_STEPS = new Set(['FAILED', 'CANCELLED']);

export interface HostingJobSummary {
  jobArn: string;
  jobId: string;
  commitId?: string;
  commitMessage?: string;
  commitTime?: number;
  startTime: number;
  status: string;
  endTime?: number;
  jobType: string;
}

export interface HostingStep {
  stepName: string;
  status: string;
  startTime: number;
  endTime?: number;
  statusReason?: string;
  logUrl?: string;
  artifactsUrl?: string;
}

export interface HostingJobView {
  summary: HostingJobSummary;
  steps: HostingStep[];
}

function seconds(ms: number): number {
  return ms / 1000;
}

/** The entries of a timeline reached `elapsed` ms after the start (sorted by time). */
function reached(timeline: SimJobStep[], elapsed: number): SimJobStep[] {
  return timeline.filter((entry) => entry.atMs <= elapsed);
}

/** The job as GetJob would describe it at `now` (`job.summary` and `job.steps`). */
export function hostingJobView(job: SimHostingJob, now: number): HostingJobView {
  const elapsed = now - job.startedAt;
  const steps: HostingStep[] = [];
  let stoppedAt: number | undefined;
  let stopStatus: string | undefined;
  let lastEnd = job.startedAt;
  let allDone = true;
  for (const spec of job.steps) {
    const entries = reached(spec.timeline, elapsed);
    const current = entries[entries.length - 1];
    const first = entries[0];
    if (!current || !first || stopStatus !== undefined) {
      allDone = false;
      break;
    }
    const step: HostingStep = { stepName: spec.stepName, status: current.status, startTime: seconds(job.startedAt + first.atMs) };
    const finished = entries.length === spec.timeline.length;
    if (TERMINAL.has(current.status)) {
      const end = job.startedAt + current.atMs;
      step.endTime = seconds(end);
      lastEnd = Math.max(lastEnd, end);
    }
    if (finished && spec.statusReason !== undefined) step.statusReason = spec.statusReason;
    if (spec.logUrl !== undefined) step.logUrl = spec.logUrl;
    if (finished && spec.artifactsUrl !== undefined) step.artifactsUrl = spec.artifactsUrl;
    steps.push(step);
    if (STOPS_LATER_STEPS.has(current.status)) {
      stopStatus = current.status;
      stoppedAt = job.startedAt + current.atMs;
    } else if (current.status !== 'SUCCEED') {
      allDone = false;
    }
  }

  let status: string;
  let endTime: number | undefined;
  if (job.timeline) {
    const entries = reached(job.timeline, elapsed);
    const current = entries[entries.length - 1];
    status = current?.status ?? 'PROVISIONING';
    if (current && TERMINAL.has(current.status)) endTime = job.startedAt + current.atMs;
  } else if (stopStatus !== undefined) {
    status = stopStatus;
    endTime = stoppedAt;
  } else if (steps.length === 0) {
    status = 'PROVISIONING';
  } else if (allDone) {
    status = 'SUCCEED';
    endTime = lastEnd;
  } else {
    status = 'RUNNING';
  }

  const summary: HostingJobSummary = {
    jobArn: `arn:aws:amplify:${job.region}:${HOSTING_ACCOUNT_ID}:apps/${job.appId}/branches/${encodeURIComponent(job.branchName)}/jobs/${job.jobId}`,
    jobId: job.jobId,
    startTime: seconds(job.startedAt),
    status,
    jobType: job.jobType,
  };
  if (job.commitId !== undefined) summary.commitId = job.commitId;
  if (job.commitMessage !== undefined) summary.commitMessage = job.commitMessage;
  summary.commitTime = seconds(job.commitTime ?? job.startedAt);
  if (endTime !== undefined) summary.endTime = seconds(endTime);
  return { summary, steps };
}

export class HostingJobStore {
  readonly #jobs: ScriptedJobs<SimHostingJob>;
  constructor(private readonly now: () => number) {
    this.#jobs = new ScriptedJobs(now);
  }

  put(spec: SimHostingJobSpec): SimHostingJob {
    const job: SimHostingJob = {
      region: spec.region ?? DEFAULT_REGION,
      appId: spec.appId,
      branchName: spec.branchName,
      jobId: spec.jobId,
      jobType: spec.jobType ?? 'RELEASE',
      startedAt: spec.startedAt ?? this.now(),
      steps: spec.steps.map((step) => ({ ...step, timeline: [...step.timeline].sort((a, b) => a.atMs - b.atMs) })),
      faults: [...(spec.faults ?? [])],
      waitingToStart: spec.startsWhenOpened === true,
    };
    if (spec.commitId !== undefined) job.commitId = spec.commitId;
    if (spec.commitMessage !== undefined) job.commitMessage = spec.commitMessage;
    if (spec.commitTime !== undefined) job.commitTime = spec.commitTime;
    if (spec.timeline) job.timeline = [...spec.timeline].sort((a, b) => a.atMs - b.atMs);
    return this.#jobs.set(jobKey(job.region, job.appId, job.branchName, job.jobId), job);
  }

  get(region: string, appId: string, branchName: string, jobId: string): SimHostingJob | undefined {
    return this.#jobs.get(jobKey(region, appId, branchName, jobId));
  }

  /** The job as GetJob finds it: one waiting to start starts now. */
  open(region: string, appId: string, branchName: string, jobId: string): SimHostingJob | undefined {
    return this.#jobs.open(jobKey(region, appId, branchName, jobId));
  }

  /** Jobs of one branch that have started, newest first (the larger job ID first when they started together). */
  list(region: string, appId: string, branchName: string): SimHostingJob[] {
    return this.#jobs
      .started((job) => job.region === region && job.appId === appId && job.branchName === branchName)
      .sort((a, b) => b.startedAt - a.startedAt || Number(b.jobId) - Number(a.jobId));
  }

  hasApp(region: string, appId: string): boolean {
    return this.#jobs.some((job) => job.region === region && job.appId === appId);
  }

  hasBranch(region: string, appId: string, branchName: string): boolean {
    return this.#jobs.some((job) => job.region === region && job.appId === appId && job.branchName === branchName);
  }

  clear(): void {
    this.#jobs.clear();
  }
}
