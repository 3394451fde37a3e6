/**
 * The command from arguments to exit code, with everything it touches passed in (environment,
 * streams, credentials, fetch, clock, waits), so tests run it whole in-process and main.ts only
 * connects it to the real process.
 */
import { createAmplifyBackendClient, type BackendJobKey } from '../shared/aws/amplifyBackend';
import { createClockOffset } from '../shared/aws/clockOffset';
import { createSignedFetch } from '../shared/aws/signedFetch';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { TAB_JITTER_SEED } from '../shared/domain/pollingPolicy';
import { errorContext } from '../shared/ui/describeError';
import { COMMAND, HELP, parseCliArgs, type WatchTarget } from './args';
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
import { watchJobs, type StopReason, type WatchedJob } from './watch';

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

function realWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function realAfter(ms: number, fn: () => void): () => void {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}

function realEvery(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

const GET_ACTION = 'amplifybackend:GetBackendJob';

function labelOf(target: WatchTarget): string {
  return `${target.appId}/${target.envName}/${target.jobId}`;
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

  const endpoint = endpointOverride(env, 'AWS_ENDPOINT_URL_AMPLIFYBACKEND');
  if (!endpoint.ok) return usageError(endpoint.message);
  const backendConfig = endpoint.endpoint ? { amplifyBackendEndpoint: endpoint.endpoint } : {};

  const fromProfile = () => profileRegion(env, deps.readFile);
  const keys: BackendJobKey[] = [];
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
    keys.push({ region: resolved.region, appId: target.appId, envName: target.envName, jobId: target.jobId });
  }

  const now = deps.now ?? Date.now;
  const clock = createClockOffset(now);
  const signedFetch = createSignedFetch({
    credentials: credentialSourceFrom(deps.credentials()),
    clock,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  });
  const client = createAmplifyBackendClient(backendConfig, signedFetch);

  const watched: WatchedJob[] = keys.map((key) => ({
    label: labelOf({ kind: 'backend', ...key }),
    fetch: (signal) => client.getBackendJob(key, signal),
  }));
  const reported: ReportedJob[] = keys.map((key) => ({
    label: labelOf({ kind: 'backend', ...key }),
    identity: { kind: 'backend', region: key.region, appId: key.appId, envName: key.envName, jobId: key.jobId },
    context: errorContext(
      backendConfig,
      key.region,
      GET_ACTION,
      `job ${key.jobId} of app ${key.appId}, environment ${key.envName}`,
    ),
  }));

  const mode = outputMode(options.json, stdout, env);
  const reporter = createReporter(reported, {
    mode,
    quiet: options.quiet,
    colour: colourWanted(mode, env),
    stdout,
    stderr,
    // The job's elapsed time is measured on the server's clock, as the page does.
    now: () => clock.now().getTime(),
    every: deps.every ?? realEvery,
  });

  const controller = new AbortController();
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
      watched,
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
