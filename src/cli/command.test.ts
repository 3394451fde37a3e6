// The built `amplify-job-watch` as a child process, against the simulated AWS over plain HTTP on loopback:
// AWS_ENDPOINT_URL, static keys in the environment (signatures checked), no instance metadata, an empty HOME.
// Jobs end on their Nth request, so real time is only what the command's own one-second interval takes.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepsInTurn } from '../simulated-aws/hostingJobStore';
import { startCliSim, type CliSim } from '../test/cliSim';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the bundle's npm imports resolve from node_modules as an installed copy's do;
// one folder per test process, so two runs at once do not build over each other.
const outDir = `${root}dist-cli-test-${process.pid}`;
const command = `${outDir}/amplify-job-watch.js`;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCommand(
  args: string[],
  env: Record<string, string>,
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let aws: CliSim;

beforeAll(async () => {
  await build({ configFile: `${root}vite.cli.config.ts`, root, logLevel: 'silent', build: { outDir } });
  aws = await startCliSim();
}, 120_000);

afterAll(async () => {
  await aws?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const link = (appId: string, env: string, jobId: string) =>
  `http://localhost:5173/apps/${appId}/environments/${env}/jobs/${jobId}`;

// Each run takes the command's one-second interval once or twice; the limit only stops a hung child.
// Concurrent: each test mostly waits for its child's interval; the jobs are apart (own app or job ID each).
describe.concurrent('amplify-job-watch, built, over HTTP', { timeout: 30_000 }, () => {
  it('follows a backend job to COMPLETED, one plain line per change, and exits 0', async () => {
    aws.putBackendJob({ appId: 'app1', envName: 'staging', jobId: 'done-1' }, { endsOnRequest: 2 });
    const result = await runCommand(['--interval', '1', link('app1', 'staging', 'done-1')], aws.env());
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^app1\/staging\/done-1: RUNNING · Create backend auth · \d+ s$/),
      expect.stringMatching(/^app1\/staging\/done-1: COMPLETED · Create backend auth · /),
      'Done: 1 job, 1 completed.',
    ]);
    // No colour and no cursor moves in a pipe or CI.
    expect(result.stdout).not.toContain('\x1b');
    expect(result.code).toBe(0);
  });

  it('prints a failed job’s error text and exits 1', async () => {
    aws.putBackendJob(
      { appId: 'app1', envName: 'staging', jobId: 'fails-1', error: 'Stack UPDATE_ROLLBACK_COMPLETE: <b>bucket exists</b>' },
      { endsOnRequest: 1, endStatus: 'FAILED' },
    );
    const result = await runCommand(['--interval', '1', link('app1', 'staging', 'fails-1')], aws.env());
    expect(result.stdout).toContain('app1/staging/fails-1: FAILED');
    expect(result.stdout).toContain('app1/staging/fails-1: error: Stack UPDATE_ROLLBACK_COMPLETE: <b>bucket exists</b>');
    expect(result.code).toBe(1);
  });

  it('watches every job of a board link and exits 1 when one of them fails', async () => {
    aws.putBackendJob({ appId: 'app2', envName: 'prod', jobId: 'ok-a' }, { endsOnRequest: 2 });
    aws.putBackendJob(
      { appId: 'app2', envName: 'prod', jobId: 'bad-b', error: 'Quota exceeded' },
      { endsOnRequest: 1, endStatus: 'FAILED' },
    );
    const board = '/watch?job=us-east-1/app2/prod/ok-a&job=us-east-1/app2/prod/bad-b';
    const result = await runCommand(['--interval', '1', board], aws.env());
    expect(result.stdout).toContain('app2/prod/ok-a: COMPLETED');
    expect(result.stdout).toContain('app2/prod/bad-b: error: Quota exceeded');
    expect(result.stdout).toContain('Done: 2 jobs, 1 completed, 1 failed.');
    expect(result.code).toBe(1);
  });

  it('--json prints one object per change and a summary (NDJSON)', async () => {
    aws.putBackendJob({ appId: 'app3', envName: 'dev', jobId: 'json-1' }, { endsOnRequest: 2 });
    const result = await runCommand(['--json', '--interval', '1', '--app', 'app3', '--env', 'dev', '--job', 'json-1'], aws.env());
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const job = { kind: 'backend', region: 'us-east-1', appId: 'app3', envName: 'dev', jobId: 'json-1' };
    expect(lines).toEqual([
      expect.objectContaining({ type: 'status', job, status: 'RUNNING', operation: 'CreateBackendAuth' }),
      expect.objectContaining({ type: 'status', job, status: 'COMPLETED' }),
      { type: 'summary', exitCode: 0, jobs: [expect.objectContaining({ job, outcome: 'succeeded', status: 'COMPLETED' })] },
    ]);
    expect(result.code).toBe(0);
  });

  it('waits out throttling with backoff and still reports the outcome', async () => {
    aws.putBackendJob(
      {
        appId: 'app4',
        envName: 'staging',
        jobId: 'throttled-1',
        faults: [{ type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Rate exceeded' }],
      },
      { endsOnRequest: 2 },
    );
    const result = await runCommand(['--interval', '1', link('app4', 'staging', 'throttled-1')], aws.env());
    expect(result.stdout).toMatch(
      /^app4\/staging\/throttled-1: AWS is throttling requests \(HTTP 429\); checking again in \d s$/m,
    );
    expect(result.stdout).toContain('app4/staging/throttled-1: COMPLETED');
    expect(aws.sim.count({ operation: 'GetBackendJob', jobId: 'throttled-1' })).toBe(2);
    expect(result.code).toBe(0);
  });

  it('exits 3 with one line saying what to do when the job is not found', async () => {
    aws.putBackendJob({ appId: 'app5', envName: 'staging', jobId: 'exists' });
    const result = await runCommand(['--interval', '1', link('app5', 'staging', 'missing')], aws.env());
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^app5\/staging\/missing: cannot watch: Not found in us-east-1 \(HTTP 404\)\. AWS has no job missing of app app5, environment staging in region us-east-1\./,
      ),
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(3);
  });

  it('exits 3 naming what to set when the SDK finds no credentials anywhere (nothing leaves the machine)', async () => {
    aws.putBackendJob({ appId: 'app6', envName: 'staging', jobId: 'no-creds' });
    const result = await runCommand(
      [link('app6', 'staging', 'no-creds')],
      aws.env({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }),
    );
    expect(result.stderr).toMatch(
      /^app6\/staging\/no-creds: cannot watch: No AWS credentials\. Set AWS_PROFILE .*AWS_ACCESS_KEY_ID/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(aws.sim.count({ jobId: 'no-creds' })).toBe(0);
    expect(result.code).toBe(3);
  });

  it('exits 2 on a usage error, saying what was wrong', async () => {
    const result = await runCommand(['https://example.com/not-a-job'], aws.env());
    expect(result.stderr).toMatch(/^amplify-job-watch: “https:\/\/example\.com\/not-a-job” is not a job link/);
    expect(result.stderr).toContain('Run amplify-job-watch --help for usage.');
    expect(result.code).toBe(2);
  });

  it('follows a hosting job to SUCCEED and exits 0', async () => {
    aws.putHostingJob(
      {
        appId: 'app7',
        branchName: 'feature/login',
        jobId: '12',
        steps: stepsInTurn(['BUILD', 'DEPLOY']),
      },
      { endsOnRequest: 2 },
    );
    const result = await runCommand(
      ['--interval', '1', 'https://jobs.example.com/apps/app7/branches/feature%2Flogin/jobs/12?region=us-east-1'],
      aws.env(),
    );
    expect(result.stdout).toMatch(/^app7\/feature\/login#12: PROVISIONING/m);
    expect(result.stdout).toMatch(/^app7\/feature\/login#12: SUCCEEDED/m);
    expect(result.code).toBe(0);
  });

  it('prints a failed hosting step’s name and reason and exits 1', async () => {
    aws.putHostingJob(
      {
        appId: 'app7',
        branchName: 'main',
        jobId: '3',
        steps: stepsInTurn(['BUILD'], { last: 'FAILED', statusReason: 'npm ERR! missing script: build' }),
      },
      { endsOnRequest: 1 },
    );
    const result = await runCommand(['--interval', '1', '--app', 'app7', '--branch', 'main', '--job', '3'], aws.env());
    expect(result.stdout).toContain('app7/main#3: error: BUILD: npm ERR! missing script: build');
    expect(result.code).toBe(1);
  });

  it('stops at --timeout with exit 4', async () => {
    aws.putBackendJob({ appId: 'app8', envName: 'staging', jobId: 'forever' });
    const result = await runCommand(['--interval', '1', '--timeout', '1s', link('app8', 'staging', 'forever')], aws.env());
    expect(result.stdout).toContain('Timed out: 1 job, 1 still running.');
    expect(result.code).toBe(4);
  });

  it('stops cleanly on Ctrl-C (SIGINT) with exit 130', async () => {
    aws.putBackendJob({ appId: 'app8', envName: 'staging', jobId: 'interrupted' });
    let sent = false;
    const result = await runCommand(['--interval', '1', link('app8', 'staging', 'interrupted')], aws.env(), (stdout, child) => {
      if (!sent && stdout.includes('RUNNING')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(result.stdout).toContain('Stopped: 1 job, 1 still running.');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(130);
  });
});
