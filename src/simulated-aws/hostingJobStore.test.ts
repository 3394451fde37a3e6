import { describe, expect, it } from 'vitest';
import { HostingJobStore, hostingJobView, type SimHostingJobSpec } from './hostingJobStore';
import { DEFAULT_REGION } from './jobStore';

const START = Date.UTC(2026, 10, 29, 12, 0, 0);
const S = START / 1000;

function storeAt(now: number): HostingJobStore {
  return new HostingJobStore(() => now);
}

/** BUILD 5–25 s, DEPLOY 25–40 s, VERIFY 40–50 s after the start. */
const release: SimHostingJobSpec = {
  appId: 'app1',
  branchName: 'main',
  jobId: '12',
  commitId: '3f2a9c1',
  commitMessage: 'Add sign-in page',
  startedAt: START,
  steps: [
    {
      stepName: 'BUILD',
      timeline: [
        { status: 'RUNNING', atMs: 5_000 },
        { status: 'SUCCEED', atMs: 25_000 },
      ],
      logUrl: 'https://logs.example/build',
      artifactsUrl: 'https://artifacts.example/build',
    },
    {
      stepName: 'DEPLOY',
      timeline: [
        { status: 'RUNNING', atMs: 25_000 },
        { status: 'SUCCEED', atMs: 40_000 },
      ],
    },
    {
      stepName: 'VERIFY',
      timeline: [
        { status: 'RUNNING', atMs: 40_000 },
        { status: 'SUCCEED', atMs: 50_000 },
      ],
    },
  ],
};

const failing: SimHostingJobSpec = {
  appId: 'app1',
  branchName: 'feature/login',
  jobId: '7',
  startedAt: START,
  steps: [
    {
      stepName: 'BUILD',
      timeline: [
        { status: 'RUNNING', atMs: 3_000 },
        { status: 'FAILED', atMs: 20_000 },
      ],
      statusReason: 'npm ci exited with code 1',
    },
    // Scripted as if it would run: a failed BUILD means it never starts.
    {
      stepName: 'DEPLOY',
      timeline: [
        { status: 'RUNNING', atMs: 20_000 },
        { status: 'SUCCEED', atMs: 30_000 },
      ],
    },
  ],
};

function viewAt(spec: SimHostingJobSpec, elapsed: number) {
  const job = storeAt(START).put(spec);
  return hostingJobView(job, START + elapsed);
}

describe('hostingJobView', () => {
  it('is PROVISIONING, with no steps and no end, before the first step starts', () => {
    const view = viewAt(release, 4_999);
    expect(view.summary).toEqual({
      jobArn: 'arn:aws:amplify:us-east-1:123456789012:apps/app1/branches/main/jobs/12',
      jobId: '12',
      commitId: '3f2a9c1',
      commitMessage: 'Add sign-in page',
      commitTime: S,
      startTime: S,
      status: 'PROVISIONING',
      jobType: 'RELEASE',
    });
    expect(view.steps).toEqual([]);
  });

  it('runs through BUILD, DEPLOY and VERIFY, listing each step from its start', () => {
    const at = (elapsed: number) => {
      const view = viewAt(release, elapsed);
      return [view.summary.status, ...view.steps.map((step) => `${step.stepName}:${step.status}`)].join(' ');
    };
    expect(at(5_000)).toBe('RUNNING BUILD:RUNNING');
    expect(at(24_999)).toBe('RUNNING BUILD:RUNNING');
    expect(at(25_000)).toBe('RUNNING BUILD:SUCCEED DEPLOY:RUNNING');
    expect(at(40_000)).toBe('RUNNING BUILD:SUCCEED DEPLOY:SUCCEED VERIFY:RUNNING');
    expect(at(50_000)).toBe('SUCCEED BUILD:SUCCEED DEPLOY:SUCCEED VERIFY:SUCCEED');
    expect(at(60 * 60_000)).toBe('SUCCEED BUILD:SUCCEED DEPLOY:SUCCEED VERIFY:SUCCEED');
  });

  it('gives each step its start and, once it has ended, its end, in epoch seconds', () => {
    const running = viewAt(release, 30_000);
    expect(running.steps[0]).toEqual({
      stepName: 'BUILD',
      status: 'SUCCEED',
      startTime: S + 5,
      endTime: S + 25,
      logUrl: 'https://logs.example/build',
      artifactsUrl: 'https://artifacts.example/build',
    });
    expect(running.steps[1]).toEqual({ stepName: 'DEPLOY', status: 'RUNNING', startTime: S + 25 });
    expect(running.summary).not.toHaveProperty('endTime');
    expect(viewAt(release, 55_000).summary.endTime).toBe(S + 50);
  });

  it('shows a running step its log but not its artifacts yet', () => {
    const build = viewAt(release, 10_000).steps[0];
    expect(build?.logUrl).toBe('https://logs.example/build');
    expect(build).not.toHaveProperty('artifactsUrl');
  });

  it('fails with its step: the reason appears when the step fails, and the later steps never start', () => {
    const running = viewAt(failing, 19_999);
    expect(running.summary.status).toBe('RUNNING');
    expect(running.steps[0]).not.toHaveProperty('statusReason');

    const failed = viewAt(failing, 45_000);
    expect(failed.summary).toMatchObject({ status: 'FAILED', endTime: S + 20 });
    expect(failed.steps).toEqual([
      {
        stepName: 'BUILD',
        status: 'FAILED',
        startTime: S + 3,
        endTime: S + 20,
        statusReason: 'npm ci exited with code 1',
      },
    ]);
    expect(failed.summary.jobArn).toBe('arn:aws:amplify:us-east-1:123456789012:apps/app1/branches/feature%2Flogin/jobs/7');
  });

  it('follows an explicit job timeline over what the steps imply (CANCELLING, a word it does not know)', () => {
    const spec: SimHostingJobSpec = {
      ...release,
      timeline: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'CANCELLING', atMs: 10_000 },
        { status: 'REWINDING', atMs: 20_000 },
        { status: 'CANCELLED', atMs: 30_000 },
      ],
    };
    expect(viewAt(spec, 10_000).summary.status).toBe('CANCELLING');
    expect(viewAt(spec, 20_000).summary).toMatchObject({ status: 'REWINDING' });
    expect(viewAt(spec, 20_000).summary).not.toHaveProperty('endTime');
    expect(viewAt(spec, 31_000).summary).toMatchObject({ status: 'CANCELLED', endTime: S + 30 });
  });

  it('writes times as numbers, with a fraction when the milliseconds are not round', () => {
    const view = viewAt({ ...release, startedAt: START + 250, commitTime: START - 60_000 }, 26_000);
    expect(view.summary.startTime).toBe(S + 0.25);
    expect(view.summary.commitTime).toBe(S - 60);
    expect(view.steps[0]?.endTime).toBe(S + 25.25);
    expect(JSON.stringify(view.summary)).toContain(`"startTime":${S}.25`);
  });

  it('leaves out what the spec leaves out, and takes RELEASE as the job type', () => {
    const view = viewAt({ appId: 'a', branchName: 'b', jobId: '1', startedAt: START, steps: [] }, 1_000);
    expect(Object.keys(view.summary).sort()).toEqual(['commitTime', 'jobArn', 'jobId', 'jobType', 'startTime', 'status']);
    expect(view.summary).toMatchObject({ jobType: 'RELEASE', status: 'PROVISIONING' });
  });
});

describe('HostingJobStore', () => {
  it('finds a job by region, app, branch and job ID, and copies the spec', () => {
    const store = storeAt(START);
    const spec: SimHostingJobSpec = { ...failing, region: 'eu-west-1', faults: [{ type: 'network' }] };
    const job = store.put(spec);
    spec.faults?.push({ type: 'hang' });
    expect(store.get('eu-west-1', 'app1', 'feature/login', '7')).toBe(job);
    expect(store.get(DEFAULT_REGION, 'app1', 'feature/login', '7')).toBeUndefined();
    expect(store.get('eu-west-1', 'app1', 'feature', '7')).toBeUndefined();
    expect(job.faults).toEqual([{ type: 'network' }]);
    expect(store.hasBranch('eu-west-1', 'app1', 'feature/login')).toBe(true);
    expect(store.hasBranch('eu-west-1', 'app1', 'main')).toBe(false);
    expect(store.hasApp('eu-west-1', 'app1')).toBe(true);
  });

  it("lists one branch's jobs newest first (the larger job ID first when they started together)", () => {
    const store = storeAt(START);
    const put = (jobId: string, startedAt: number, branchName = 'main') =>
      store.put({ appId: 'a', branchName, jobId, startedAt, steps: [] });
    put('9', START - 60_000);
    put('10', START);
    put('11', START);
    put('8', START - 120_000);
    put('1', START, 'dev');
    expect(store.list(DEFAULT_REGION, 'a', 'main').map((job) => job.jobId)).toEqual(['11', '10', '9', '8']);
    expect(store.list(DEFAULT_REGION, 'a', 'dev').map((job) => job.jobId)).toEqual(['1']);
  });

  it('starts a job put to start when opened at its first open, and lists it only from then on', () => {
    let now = START;
    const store = new HostingJobStore(() => now);
    store.put({ ...release, startedAt: undefined, startsWhenOpened: true });
    now = START + 45_000;
    expect(store.list(DEFAULT_REGION, 'app1', 'main')).toEqual([]);
    expect(store.hasBranch(DEFAULT_REGION, 'app1', 'main')).toBe(true);

    const opened = store.open(DEFAULT_REGION, 'app1', 'main', '12');
    expect(opened && hostingJobView(opened, now).summary).toMatchObject({ status: 'PROVISIONING', startTime: S + 45 });
    expect(store.list(DEFAULT_REGION, 'app1', 'main').map((job) => job.jobId)).toEqual(['12']);

    now = START + 45_000 + 50_000;
    expect(store.open(DEFAULT_REGION, 'app1', 'main', '12')?.startedAt).toBe(START + 45_000);
    expect(hostingJobView(store.get(DEFAULT_REGION, 'app1', 'main', '12')!, now).summary.status).toBe('SUCCEED');
    store.clear();
    expect(store.hasApp(DEFAULT_REGION, 'app1')).toBe(false);
  });
});
