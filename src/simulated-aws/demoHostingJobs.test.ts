import { describe, expect, it } from 'vitest';
import { DEMO_GUIDE } from './demoGuide';
import {
  DEMO_BUILD_FAILS,
  DEMO_BUILD_SUCCEEDS,
  DEMO_FEATURE_BRANCH,
  DEMO_MAIN_BRANCH,
  DEMO_REGION,
  demoHostingJobSpecs,
} from './demoHostingJobs';
import { DEMO_APP_ID, DEMO_ENV, demoJobSpecs } from './demoJobs';
import { HostingJobStore, hostingJobView } from './hostingJobStore';

const LOADED = Date.UTC(2026, 11, 4, 9, 0, 0);
const SECOND = 1000;

/** The demo's hosting jobs as the simulated AWS holds them, on a clock the test moves. */
function demo() {
  const clock = { now: LOADED };
  const store = new HostingJobStore(() => clock.now);
  for (const spec of demoHostingJobSpecs(LOADED)) store.put(spec);
  return { clock, store };
}

function describeAt(store: HostingJobStore, branchName: string, jobId: string, now: number): string {
  const job = store.get(DEMO_REGION, DEMO_APP_ID, branchName, jobId);
  if (!job) throw new Error(`no demo job ${branchName} ${jobId}`);
  const view = hostingJobView(job, now);
  return [view.summary.status, ...view.steps.map((step) => `${step.stepName}:${step.status}`)].join(' ');
}

describe('the demo’s hosting samples', () => {
  it('main build 12 starts when opened and goes PROVISIONING → BUILD → DEPLOY → VERIFY → SUCCEED in about a minute', () => {
    const { clock, store } = demo();
    clock.now = LOADED + 5 * 60 * SECOND;
    expect(store.list(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH).map((job) => job.jobId)).not.toContain('12');
    const opened = clock.now;
    store.open(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH, DEMO_BUILD_SUCCEEDS);
    const at = (seconds: number) => describeAt(store, DEMO_MAIN_BRANCH, DEMO_BUILD_SUCCEEDS, opened + seconds * SECOND);
    expect(at(0)).toBe('PROVISIONING');
    expect(at(6)).toBe('RUNNING BUILD:RUNNING');
    expect(at(36)).toBe('RUNNING BUILD:SUCCEED DEPLOY:RUNNING');
    expect(at(50)).toBe('RUNNING BUILD:SUCCEED DEPLOY:SUCCEED VERIFY:RUNNING');
    expect(at(57)).toMatch(/^RUNNING /);
    expect(at(58)).toBe('SUCCEED BUILD:SUCCEED DEPLOY:SUCCEED VERIFY:SUCCEED');

    const view = hostingJobView(store.get(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH, '12')!, opened + 60 * SECOND);
    expect(view.summary).toMatchObject({ jobType: 'RELEASE', commitMessage: expect.any(String) as string });
    expect(view.summary.commitId).toMatch(/^[0-9a-f]{40}$/);
    for (const step of view.steps) expect(new URL(step.logUrl ?? '').protocol).toBe('https:');
    expect(store.list(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH)[0]?.jobId).toBe('12');
  });

  it('feature/login build 3 fails in BUILD with a reason about 25 s after it is opened, and nothing runs after it', () => {
    const { clock, store } = demo();
    clock.now = LOADED + 60 * SECOND;
    const opened = clock.now;
    store.open(DEMO_REGION, DEMO_APP_ID, DEMO_FEATURE_BRANCH, DEMO_BUILD_FAILS);
    const at = (seconds: number) => describeAt(store, DEMO_FEATURE_BRANCH, DEMO_BUILD_FAILS, opened + seconds * SECOND);
    expect(at(24)).toBe('RUNNING BUILD:RUNNING');
    expect(at(25)).toBe('FAILED BUILD:FAILED');
    expect(at(600)).toBe('FAILED BUILD:FAILED');
    const [build] = hostingJobView(store.get(DEMO_REGION, DEMO_APP_ID, DEMO_FEATURE_BRANCH, '3')!, opened + 30 * SECOND).steps;
    expect(build?.statusReason).toMatch(/^npm ci exited with code 1: /);
    expect(new URL(build?.logUrl ?? '').protocol).toBe('https:');
  });

  it('main has earlier builds that succeeded in varied times around the sample’s minute, for the estimate', () => {
    const { store } = demo();
    const now = LOADED;
    const succeeded = store
      .list(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH)
      .map((job) => hostingJobView(job, now).summary)
      .filter((summary) => summary.status === 'SUCCEED' && summary.jobType === 'RELEASE');
    const seconds = succeeded.map((summary) => (summary.endTime ?? Number.NaN) - summary.startTime);
    expect(seconds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seconds).size).toBe(seconds.length);
    expect(Math.min(...seconds)).toBeLessThanOrEqual(58);
    expect(Math.max(...seconds)).toBeGreaterThanOrEqual(58);
    const statuses = store.list(DEMO_REGION, DEMO_APP_ID, DEMO_MAIN_BRANCH).map((job) => hostingJobView(job, now).summary.status);
    expect(statuses).toContain('FAILED');
    expect(store.list(DEMO_REGION, DEMO_APP_ID, DEMO_FEATURE_BRANCH).length).toBeGreaterThan(0);
  });

  it('the guide links each hosting sample that exists, and one that does not', () => {
    const { store } = demo();
    const found = DEMO_GUIDE.hostingJobs.map(
      (link) => store.get(DEMO_REGION, link.appId, link.branchName, link.jobId) !== undefined,
    );
    expect(found.filter((exists) => !exists)).toHaveLength(1);
    expect(DEMO_GUIDE.hostingJobs.map((link) => link.branchName)).toContain('feature/login');
  });

  it('the sample board holds both kinds, each a job the demo has', () => {
    const { store } = demo();
    const backend = demoJobSpecs(LOADED);
    expect(DEMO_GUIDE.sampleBoard.filter((ref) => ref.kind === 'hosting')).not.toHaveLength(0);
    expect(DEMO_GUIDE.sampleBoard.filter((ref) => ref.kind !== 'hosting')).not.toHaveLength(0);
    for (const ref of DEMO_GUIDE.sampleBoard) {
      const exists =
        ref.kind === 'hosting'
          ? store.get(ref.region, ref.appId, ref.branchName, ref.jobId) !== undefined
          : backend.some((spec) => spec.appId === ref.appId && ref.envName === DEMO_ENV && spec.jobId === ref.jobId);
      expect(exists, JSON.stringify(ref)).toBe(true);
    }
  });
});
