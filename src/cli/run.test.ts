// The command whole, in-process, against the simulated AWS over loopback HTTP: the terminal's live lines,
// --quiet, --json retries, --timeout and Ctrl-C, with waits and timers in the test's hands (no real time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliSim, TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY, type CliSim } from '../test/cliSim';
import { run, type RunDeps } from './run';

let aws: CliSim;

beforeAll(async () => {
  aws = await startCliSim();
});

afterAll(async () => {
  await aws.close();
});

interface Captured {
  text: string;
  isTTY: boolean;
  columns: number;
  write(text: string): boolean;
}

function stream(isTTY = false): Captured {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(text) {
      this.text += text;
      return true;
    },
  };
}

function deps(argv: string[], overrides: Partial<RunDeps> = {}, env: Record<string, string | undefined> = {}) {
  const stdout = stream();
  const stderr = stream();
  const ticks: (() => void)[] = [];
  const all: RunDeps = {
    argv,
    env: aws.env(env),
    stdout,
    stderr,
    version: '1.2.3',
    credentials: () => () => Promise.resolve({ accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY }),
    interrupt: new AbortController().signal,
    // Checks follow each other at once: the jobs end on their Nth request, not after some time.
    wait: () => Promise.resolve(),
    every: (_ms, tick) => {
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
    jitterSeed: 7,
    ...overrides,
  };
  return { all, stdout: all.stdout as Captured, stderr: all.stderr as Captured, ticks };
}

const link = (appId: string, env: string, jobId: string) => `/apps/${appId}/environments/${env}/jobs/${jobId}`;

describe('run: in a terminal', () => {
  it('draws one live line per job, redrawn in place, with colour, and stops ticking at the end', async () => {
    aws.putBackendJob({ appId: 'live1', envName: 'dev', jobId: 'a' }, { endsOnRequest: 3 });
    aws.putBackendJob(
      { appId: 'live1', envName: 'dev', jobId: 'b', error: 'Out of capacity' },
      { endsOnRequest: 2, endStatus: 'FAILED' },
    );
    const { all, stdout, ticks } = deps(
      [link('live1', 'dev', 'a'), link('live1', 'dev', 'b')],
      { stdout: stream(true) },
      { CI: undefined },
    );
    const code = await run(all);
    expect(code).toBe(1);
    // Moves back over the block it drew (two lines, then three with the error) and clears each line.
    expect(stdout.text).toContain('\x1b[2F');
    expect(stdout.text).toContain('\x1b[3F');
    expect(stdout.text).toContain('\x1b[2K');
    expect(stdout.text).toContain('\x1b[32mCOMPLETED');
    expect(stdout.text).toContain('\x1b[31mFAILED');
    const lastBlock = stdout.text.slice(stdout.text.lastIndexOf('\x1b[3F'));
    expect(lastBlock).toContain('live1/dev/a  ✔');
    expect(lastBlock).toContain('live1/dev/b  ✖');
    expect(lastBlock).toContain('    error: Out of capacity');
    expect(stdout.text.trimEnd().split('\n').at(-1)).toBe('Done: 2 jobs, 1 completed, 1 failed.');
    expect(ticks).toEqual([]);
  });

  it('honours NO_COLOR, and treats CI as a pipe even on a terminal', async () => {
    aws.putBackendJob({ appId: 'live2', envName: 'dev', jobId: 'a' }, { endsOnRequest: 1 });
    const noColour = deps([link('live2', 'dev', 'a')], { stdout: stream(true) }, { CI: undefined, NO_COLOR: '1' });
    expect(await run(noColour.all)).toBe(0);
    expect(noColour.stdout.text).toContain('\x1b[2K');
    expect(noColour.stdout.text).not.toContain('\x1b[32m');

    aws.putBackendJob({ appId: 'live2', envName: 'dev', jobId: 'b' }, { endsOnRequest: 1 });
    const ci = deps([link('live2', 'dev', 'b')], { stdout: stream(true) });
    expect(await run(ci.all)).toBe(0);
    expect(ci.stdout.text).toBe('live2/dev/b: COMPLETED · Create backend auth · 1 d 0 h\nDone: 1 job, 1 completed.\n');
  });

  it('redraws on each tick while a job runs (the spinner and elapsed time move)', async () => {
    aws.putBackendJob({ appId: 'live3', envName: 'dev', jobId: 'a' }, { endsOnRequest: 3 });
    let ticksSeen = 0;
    const setup = deps(
      [link('live3', 'dev', 'a')],
      {
        stdout: stream(true),
        wait: () => {
          setup.ticks.forEach((tick) => tick());
          ticksSeen += setup.ticks.length;
          return Promise.resolve();
        },
      },
      { CI: undefined },
    );
    await run(setup.all);
    expect(ticksSeen).toBe(2);
    expect(setup.stdout.text).toContain('⠙ ');
  });
});

describe('run: the estimate in a terminal', () => {
  it('adds the page’s estimate to a running job’s live line once the environment’s history is read', async () => {
    const earlier = Date.now() - 60 * 60_000;
    for (const jobId of ['e1', 'e2', 'e3']) {
      aws.sim.jobs.put({
        appId: 'est',
        envName: 'dev',
        jobId,
        startedAt: earlier,
        steps: [
          { status: 'RUNNING', atMs: 0 },
          { status: 'COMPLETED', atMs: 150_000 },
        ],
      });
    }
    aws.putBackendJob({ appId: 'est', envName: 'dev', jobId: 'now' }, { endsOnRequest: 3 });
    const listsBefore = aws.sim.count({ operation: 'ListBackendJobs' });
    const setup = deps(
      [link('est', 'dev', 'now')],
      {
        stdout: stream(true),
        // The first wait lasts until the history has come and the line shows the estimate.
        wait: async () => {
          await expect
            .poll(() => {
              setup.ticks.forEach((tick) => tick());
              return setup.stdout.text;
            })
            .toContain(' · about 2 min left');
        },
      },
      { CI: undefined },
    );
    expect(await run(setup.all)).toBe(0);
    // Once, not once per redraw or per check.
    expect(aws.sim.count({ operation: 'ListBackendJobs' })).toBe(listsBefore + 1);
  });

  it('reads no history in a pipe', async () => {
    const before = aws.sim.count({ operation: 'ListBackendJobs' });
    aws.putBackendJob({ appId: 'est', envName: 'pipe', jobId: 'a' }, { endsOnRequest: 2 });
    expect(await run(deps([link('est', 'pipe', 'a')]).all)).toBe(0);
    expect(aws.sim.count({ operation: 'ListBackendJobs' })).toBe(before);
  });
});

describe('run: quiet and JSON', () => {
  it('--quiet prints nothing when every job completes, and the failure and summary when one fails', async () => {
    aws.putBackendJob({ appId: 'quiet', envName: 'dev', jobId: 'ok' }, { endsOnRequest: 2 });
    const ok = deps(['--quiet', link('quiet', 'dev', 'ok')]);
    expect(await run(ok.all)).toBe(0);
    expect(ok.stdout.text + ok.stderr.text).toBe('');

    aws.putBackendJob(
      { appId: 'quiet', envName: 'dev', jobId: 'bad', error: 'Denied by SCP' },
      { endsOnRequest: 2, endStatus: 'FAILED' },
    );
    const bad = deps(['--quiet', link('quiet', 'dev', 'bad')]);
    expect(await run(bad.all)).toBe(1);
    expect(bad.stdout.text).toMatch(/^quiet\/dev\/bad: FAILED .*\nquiet\/dev\/bad: error: Denied by SCP\n$/);
    expect(bad.stderr.text).toBe('Done: 1 job, 1 failed.\n');
  });

  it('--json reports a retry with the error’s kind and words, then the outcome', async () => {
    aws.putBackendJob(
      { appId: 'json', envName: 'dev', jobId: 'flaky', faults: [{ type: 'http', status: 503, message: 'Service Unavailable' }] },
      { endsOnRequest: 2 },
    );
    const { all, stdout } = deps(['--json', link('json', 'dev', 'flaky')]);
    expect(await run(all)).toBe(0);
    const lines = stdout.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.type)).toEqual(['retry', 'status', 'summary']);
    expect(lines[0]).toMatchObject({
      error: { kind: 'service-unavailable', httpStatus: 503, title: 'The AmplifyBackend service is having trouble (HTTP 503)' },
      retryInMs: expect.any(Number) as number,
    });
  });

  it('--json names a hosting job by its branch', async () => {
    aws.putHostingJob(
      {
        appId: 'json',
        branchName: 'release/1.0',
        jobId: '7',
        steps: [{ stepName: 'BUILD', timeline: [{ status: 'SUCCEED', atMs: 0 }] }],
      },
      { endsOnRequest: 1 },
    );
    const { all, stdout } = deps(['--json', '--app', 'json', '--branch', 'release/1.0', '--job', '7']);
    expect(await run(all)).toBe(0);
    expect(JSON.parse(stdout.text.trim().split('\n')[0] ?? '')).toMatchObject({
      type: 'status',
      job: { kind: 'hosting', region: 'us-east-1', appId: 'json', branchName: 'release/1.0', jobId: '7' },
      status: 'SUCCEED',
      operation: 'RELEASE',
    });
  });
});

describe('run: stopping', () => {
  it('--timeout stops every running job with exit 4', async () => {
    aws.putBackendJob({ appId: 'stop', envName: 'dev', jobId: 'long' });
    let fire: (() => void) | undefined;
    let waits = 0;
    const { all, stdout } = deps(['--timeout', '10m', link('stop', 'dev', 'long')], {
      after: (ms, fn) => {
        expect(ms).toBe(600_000);
        fire = fn;
        return () => undefined;
      },
      wait: (_ms, signal) => {
        waits += 1;
        if (waits === 2) fire?.();
        return signal.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
      },
    });
    expect(await run(all)).toBe(4);
    expect(stdout.text).toContain('Timed out: 1 job, 1 still running.');
  });

  it('Ctrl-C stops with exit 130', async () => {
    aws.putBackendJob({ appId: 'stop', envName: 'dev', jobId: 'ctrl-c' });
    const interrupt = new AbortController();
    const { all, stdout } = deps(['--json', link('stop', 'dev', 'ctrl-c')], {
      interrupt: interrupt.signal,
      wait: (_ms, signal) => {
        interrupt.abort();
        return signal.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
      },
    });
    expect(await run(all)).toBe(130);
    expect(JSON.parse(stdout.text.trim().split('\n').at(-1) ?? '')).toMatchObject({
      type: 'summary',
      exitCode: 130,
      stopped: 'interrupted',
      jobs: [{ outcome: 'interrupted', status: 'RUNNING' }],
    });
  });
});

describe('run: before any request', () => {
  it('answers --help and --version', async () => {
    const help = deps(['--help']);
    expect(await run(help.all)).toBe(0);
    expect(help.stdout.text).toMatch(/^Usage: amplify-job-watch/);
    const version = deps(['--version']);
    expect(await run(version.all)).toBe(0);
    expect(version.stdout.text).toBe('1.2.3\n');
  });

  it('exits 2 when no region can be found for a link without one', async () => {
    const { all, stderr } = deps([link('x', 'dev', 'y')], {}, { AWS_REGION: undefined });
    expect(await run(all)).toBe(2);
    expect(stderr.text).toMatch(/^amplify-job-watch: No region for x\/dev\/y: the link names none\. Give --region/);
  });

  it('exits 2 for a region from the environment where AmplifyBackend does not run', async () => {
    const { all, stderr } = deps([link('x', 'dev', 'y')], {}, { AWS_REGION: 'xx-nowhere-9' });
    expect(await run(all)).toBe(2);
    expect(stderr.text).toContain('Region “xx-nowhere-9” (from AWS_REGION) is not one where AmplifyBackend runs');
  });

  it('exits 2 for a plain-http endpoint that is not this machine', async () => {
    const { all, stderr } = deps([link('x', 'dev', 'y')], {}, { AWS_ENDPOINT_URL_AMPLIFYBACKEND: 'http://10.0.0.8:4010' });
    expect(await run(all)).toBe(2);
    expect(stderr.text).toContain('AWS_ENDPOINT_URL_AMPLIFYBACKEND must be an https:// URL');
  });

  it('watches a job named twice once', async () => {
    aws.putBackendJob({ appId: 'twice', envName: 'dev', jobId: 'a' }, { endsOnRequest: 1 });
    const { all, stdout } = deps([link('twice', 'dev', 'a'), '/watch?job=us-east-1/twice/dev/a']);
    expect(await run(all)).toBe(0);
    expect(stdout.text).toContain('Done: 1 job, 1 completed.');
  });
});
