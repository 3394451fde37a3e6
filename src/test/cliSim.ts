import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimHostingJobSpec } from '../simulated-aws/hostingJobStore';
import type { ScriptedJob, SimJobSpec } from '../simulated-aws/jobStore';
import { startSimServer, type SimServer } from '../simulated-aws/node/httpServer';
import { SimulatedAws } from '../simulated-aws/simulatedAws';

/**
 * The simulated AWS over loopback HTTP for the terminal command's tests: static keys as an IAM user's,
 * signatures checked, and jobs that end on the Nth request for them (not after some real time), so a
 * test neither waits for a clock nor races one.
 */
export const TEST_ACCESS_KEY_ID = 'AKIDCLITEST000000001';
export const TEST_SECRET_ACCESS_KEY = 'cli-test-secret-access-key';

/** Long enough that a job never reaches its last step by itself during a test. */
const FAR_MS = 24 * 60 * 60 * 1000;

export interface CliSim {
  sim: SimulatedAws;
  origin: string;
  /** A backend job RUNNING until its `endsOnRequest`th GetBackendJob, which answers `endStatus`. */
  putBackendJob(spec: Omit<SimJobSpec, 'steps'>, ending?: Ending): void;
  /** A hosting job whose steps run until its `endsOnRequest`th GetJob; then they have all happened. */
  putHostingJob(spec: Omit<SimHostingJobSpec, 'steps'> & { steps: SimHostingJobSpec['steps'] }, ending?: Ending): void;
  /** An empty home directory: no ~/.aws, so no profile, config or cached SSO token of the machine's. */
  home: string;
  /** The environment for the command: loopback endpoint, static keys, no instance metadata, no colour. */
  env(extra?: Record<string, string | undefined>): Record<string, string>;
  close(): Promise<void>;
}

export interface Ending {
  endsOnRequest: number;
  /** For backend jobs: COMPLETED unless given. */
  endStatus?: string;
}

export async function startCliSim(): Promise<CliSim> {
  const sim = new SimulatedAws({ staticKeys: { [TEST_ACCESS_KEY_ID]: TEST_SECRET_ACCESS_KEY } });
  // Paths as the request line carries them → the job to move to its end, and on which request.
  const endings = new Map<string, { job: ScriptedJob; ending: Ending; seen: number; shiftMs: number }>();
  const server: SimServer = await startSimServer({
    port: 0,
    sim,
    onRequest: ({ method, path }) => {
      const entry = endings.get(path);
      if (method !== 'GET' || !entry) return;
      entry.seen += 1;
      // Runs before the simulation answers: this very request finds the job ended.
      if (entry.seen === entry.ending.endsOnRequest) entry.job.startedAt -= entry.shiftMs;
    },
  });
  const home = mkdtempSync(join(tmpdir(), 'amplify-job-watch-home-'));
  return {
    sim,
    origin: server.origin,
    home,
    putBackendJob(spec, ending) {
      const job = sim.jobs.put({
        ...spec,
        steps: [{ status: 'RUNNING', atMs: 0 }, ...(ending ? [{ status: ending.endStatus ?? 'COMPLETED', atMs: FAR_MS }] : [])],
      });
      const path = `/backend/${encodeURIComponent(spec.appId)}/job/${encodeURIComponent(spec.envName)}/${encodeURIComponent(spec.jobId)}`;
      if (ending) endings.set(path, { job, ending, seen: 0, shiftMs: FAR_MS });
    },
    putHostingJob(spec, ending) {
      // Each step's timeline is shifted a day later, so nothing happens until the job is moved there.
      const steps = spec.steps.map((step) => ({
        ...step,
        timeline: step.timeline.map((entry) => ({ ...entry, atMs: entry.atMs + (ending ? FAR_MS : 0) })),
      }));
      const job = sim.hostingJobs.put({ ...spec, steps });
      // Moved past the last entry of every step's timeline: all of them have happened.
      const shiftMs = FAR_MS + Math.max(0, ...spec.steps.flatMap((step) => step.timeline.map((entry) => entry.atMs)));
      const path = `/apps/${encodeURIComponent(spec.appId)}/branches/${encodeURIComponent(spec.branchName)}/jobs/${encodeURIComponent(spec.jobId)}`;
      if (ending) endings.set(path, { job, ending, seen: 0, shiftMs });
    },
    env(extra = {}) {
      const env: Record<string, string | undefined> = {
        PATH: process.env.PATH,
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL: server.origin,
        AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
        AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
        AWS_REGION: 'us-east-1',
        CI: 'true',
        ...extra,
      };
      return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    },
    async close() {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
