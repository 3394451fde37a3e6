/**
 * The command from arguments to exit code, with everything it touches passed in (environment,
 * streams, credentials, fetch, clock, waits), so tests run it whole in-process and main.ts only
 * connects it to the real process.
 */
import { createAmplifyBackendClient } from '../shared/aws/amplifyBackend';
import { createAmplifyHostingClient } from '../shared/aws/amplifyHosting';
import { createClockOffset } from '../shared/aws/clockOffset';
import { readHistory } from '../shared/aws/jobHistory';
import { createSignedFetch } from '../shared/aws/signedFetch';
import { readJob, type WatchedJob } from '../shared/aws/watchedJob';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { formatDuration } from '../shared/domain/durationFormat';
import { estimateJob, estimateProgress, formatRemaining, showsEstimate } from '../shared/domain/jobEstimate';
import { isHostingRef, sameJobRef, type JobRef } from '../shared/domain/jobRef';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { jobErrorContext } from '../shared/ui/describeError';
import { COMMAND, HELP, parseCliArgs } from './args';
import {
  credentialSourceFrom,
  endpointOverride,
  profileRegion,
  resolveRegion,
  type Env,
  type SdkCredentialProvider,
} from './awsSetup';
import { EXIT, exitCodeFor, type ExitCode } from './exitCodes';
import { colourWanted, createReporter, outputMode, type ReportedJob, type Writable } from './output';
import { realAfter, realEvery, realWait } from './timers';
import { watchJobs, type StopReason } from './watch';

export interface RunDeps {
  argv: readonly string[];
  env: Env;
  stdout: Writable;
  stderr: Writable;
  version: string;
  /** The SDK's credential provider, built only when there is something to watch. */
  credentials: () => SdkCredentialProvider;
  /** Aborted on Ctrl-C. */
  interrupt: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Calls `fn` after `ms`; returns a cancel. */
  after?: (ms: number, fn: () => void) => () => void;
  every?: (ms: number, tick: () => void) => () => void;
  readFile?: (path: string) => string;
  jitterSeed?: number;
}

/** `appId/staging/7f3c…` for a backend job, `appId/feature/login#12` for a hosting one. */
function labelOf(target: { appId: string; jobId: string } & ({ envName: string } | { branchName: string })): string {
  return 'branchName' in target
    ? `${target.appId}/${target.branchName}#${target.jobId}`
    : `${target.appId}/${target.envName}/${target.jobId}`;
}

export async function run(deps: RunDeps): Promise<ExitCode> {
  const { env, stdout, stderr } = deps;
  const usageError = (message: string): ExitCode => {
    stderr.write(`${COMMAND}: ${message}\nRun ${COMMAND} --help for usage.\n`);
    return EXIT.usage;
  };
  const parsed = parseCliArgs(deps.argv);
  if (parsed.kind === 'help') {
    stdout.write(HELP);
    return EXIT.ok;
  }
  if (parsed.kind === 'version') {
    stdout.write(`${deps.version}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage-error') return usageError(parsed.message);
  const { options } = parsed;

  const backendEndpoint = endpointOverride(env, 'AWS_ENDPOINT_URL_AMPLIFYBACKEND');
  if (!backendEndpoint.ok) return usageError(backendEndpoint.message);
  const hostingEndpoint = endpointOverride(env, 'AWS_ENDPOINT_URL_AMPLIFY');
  if (!hostingEndpoint.ok) return usageError(hostingEndpoint.message);
  const endpoints = {
    ...(backendEndpoint.endpoint ? { amplifyBackendEndpoint: backendEndpoint.endpoint } : {}),
    ...(hostingEndpoint.endpoint ? { amplifyEndpoint: hostingEndpoint.endpoint } : {}),
  };

  const fromProfile = () => profileRegion(env, deps.readFile);
  const refs: JobRef[] = [];
  for (const target of options.targets) {
    const resolved = resolveRegion(target.region, options.region, env, fromProfile);
    if (!resolved) {
      return usageError(
        `No region for ${labelOf(target)}: the link names none. Give --region, set AWS_REGION, or set a region in the profile.`,
      );
    }
    if (!isAmplifyBackendRegion(resolved.region)) {
      return usageError(
        `Region “${resolved.region}” (from ${resolved.source}) is not one where AmplifyBackend runs (for example us-east-1 or eu-west-1).`,
      );
    }
    const ref: JobRef = { ...target, region: resolved.region };
    // A job named twice (a link and a board, say) is watched once.
    if (!refs.some((known) => sameJobRef(known, ref))) refs.push(ref);
  }

  const now = deps.now ?? Date.now;
  const clock = createClockOffset(now);
  const signedFetch = createSignedFetch({
    credentials: credentialSourceFrom(deps.credentials()),
    clock,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  });
  const clients = {
    backend: createAmplifyBackendClient(endpoints, signedFetch),
    hosting: createAmplifyHostingClient(endpoints, signedFetch),
  };

  const sources = refs.map((ref) => (signal: AbortSignal) => readJob(clients, ref, signal));
  const reported: ReportedJob[] = refs.map((ref) => ({
    label: labelOf(ref),
    identity: identityOf(ref),
    context: jobErrorContext(endpoints, ref),
  }));

  const mode = outputMode(options.json, stdout, env);
  const controller = new AbortController();
  // The live line's estimate, as the page's: one read of each environment's (branch's) history, only in a
  // terminal and only once a job of it is seen running; a denial or failure leaves the line without one.
  const histories = new Map<string, WatchedJob[] | 'reading' | 'none'>();
  const estimate = (index: number, job: WatchedJob, at: number): string | undefined => {
    const ref = refs[index];
    if (!ref || !showsEstimate(job) || job.operation === undefined) return undefined;
    const key = JSON.stringify(
      isHostingRef(ref) ? ['hosting', ref.region, ref.appId, ref.branchName] : [ref.region, ref.appId, ref.envName],
    );
    const history = histories.get(key);
    if (history === undefined) {
      histories.set(key, 'reading');
      readHistory(clients, ref, controller.signal).then(
        (jobs) => histories.set(key, jobs),
        () => histories.set(key, 'none'),
      );
      return undefined;
    }
    if (!Array.isArray(history)) return undefined;
    const usual = estimateJob(history, job.operation, job.jobId);
    const created = job.createTime?.date?.getTime();
    if (usual.kind !== 'estimate' || created === undefined) return undefined;
    const progress = estimateProgress(usual, at - created);
    if (progress.kind === 'on-track') return formatRemaining(progress.remainingMs);
    if (progress.kind === 'any-time') return 'should finish any time now';
    return `taking longer than usual (${formatDuration(progress.overByMs)} past the slowest of ${usual.samples})`;
  };
  const reporter = createReporter(reported, {
    mode,
    quiet: options.quiet,
    colour: colourWanted(mode, env),
    stdout,
    stderr,
    // The job's elapsed time is measured on the server's clock, as the page does.
    now: () => clock.now().getTime(),
    every: deps.every ?? realEvery,
    ...(mode === 'live' ? { estimate } : {}),
  });

  let stop: StopReason | undefined;
  const stopWith = (reason: StopReason) => {
    stop ??= reason;
    controller.abort();
  };
  const onInterrupt = () => stopWith('interrupted');
  if (deps.interrupt.aborted) onInterrupt();
  deps.interrupt.addEventListener('abort', onInterrupt, { once: true });
  const cancelTimeout =
    options.timeoutMs === undefined ? () => undefined : (deps.after ?? realAfter)(options.timeoutMs, () => stopWith('timed-out'));

  try {
    const results = await watchJobs(
      sources,
      {
        intervalMs: options.intervalSeconds * 1000,
        now,
        wait: deps.wait ?? realWait,
        jitterSeed: deps.jitterSeed ?? TAB_JITTER_SEED,
        onEvent: (event) => reporter.event(event),
      },
      controller.signal,
      () => stop ?? 'interrupted',
    );
    const code = stop === 'interrupted' ? EXIT.interrupted : exitCodeFor(results.map((result) => result.outcome));
    reporter.finish(results, code, stop);
    return code;
  } finally {
    cancelTimeout();
    deps.interrupt.removeEventListener('abort', onInterrupt);
  }
}

/** The job as JSON output names it: its kind and IDs. */
function identityOf(ref: JobRef): Record<string, string> {
  const { region, appId, jobId } = ref;
  return isHostingRef(ref)
    ? { kind: 'hosting', region, appId, branchName: ref.branchName, jobId }
    : { kind: 'backend', region, appId, envName: ref.envName, jobId };
}
