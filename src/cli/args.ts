/**
 * The command's arguments: links (job pages, boards, the AWS CLI's JSON) or --app/--env/--job, and the
 * options. Links are read by the page's own parsers (shared/domain); this file only decides what the
 * command accepts and says what is wrong in words.
 */
import { parseArgs } from 'node:util';
import { BOARD_PATH, MAX_BOARD_JOBS, parseBoardSearch } from '../shared/domain/boardLink';
import { linkProblems } from '../shared/domain/jobIds';
import { parseJobReference } from '../shared/domain/jobReference';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { DEFAULT_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../shared/config/appConfig';

export const COMMAND = 'amplify-job-watch';

/** One backend job to watch; `region` is absent when the link did not name one. */
export interface BackendTarget {
  kind: 'backend';
  region?: string;
  appId: string;
  envName: string;
  jobId: string;
}

export type WatchTarget = BackendTarget;

export interface CliOptions {
  targets: WatchTarget[];
  /** `--region`: for targets whose link names none. */
  region?: string;
  intervalSeconds: number;
  /** `--timeout`, in milliseconds. */
  timeoutMs?: number;
  json: boolean;
  quiet: boolean;
}

export type ParsedArgs =
  { kind: 'watch'; options: CliOptions } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const HELP = `Usage: ${COMMAND} [options] <link>...
       ${COMMAND} [options] --app <appId> --env <environment> --job <jobId> [--region <region>]

Waits for Amplify backend jobs and exits with their outcome.

A link is a job page or a board, as a full URL or a path:
  https://jobs.example.com/apps/<appId>/environments/<env>/jobs/<jobId>?region=eu-west-1
  /watch?job=eu-west-1/<appId>/<env>/<jobId>&job=...
or the JSON the AWS CLI printed after \`aws amplifybackend create-backend-…\`.

Options:
  --app, --env, --job   one job by its IDs instead of a link
  --region <region>     for links that name none (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)
  --interval <seconds>  time between checks of a running job (default ${DEFAULT_POLL_INTERVAL_SECONDS}, at least ${MIN_POLL_INTERVAL_SECONDS})
  --timeout <duration>  give up after this long, e.g. 90s, 30m, 1h (exit 4)
  --json                one JSON object per line for each change, then a summary
  --quiet               print only failures and problems
  --help, --version

Exit codes: 0 every job completed, 1 a job failed, 2 usage error, 3 a job cannot be watched
(not found, access denied, no credentials), 4 timed out, 130 interrupted.

Credentials come from the AWS SDK's default chain (environment, AWS_PROFILE and the shared files,
SSO, container and instance roles). Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_AMPLIFYBACKEND.
`;

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `90s`, `30m`, `1h`, `1h30m`, `250ms`, or a plain number of seconds → milliseconds; undefined when
 * the text is none of those or is zero.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const ms = Math.round(Number(trimmed) * 1000);
    return ms > 0 ? ms : undefined;
  }
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) return undefined;
  const ms = Math.round(parts.reduce((sum, [, amount = '0', unit = 's']) => sum + Number(amount) * (UNITS_MS[unit] ?? 0), 0));
  return ms > 0 ? ms : undefined;
}

type TargetResult = { ok: true; targets: WatchTarget[] } | { ok: false; message: string };

function backendTarget(ids: { region?: string; appId: string; envName: string; jobId: string }, what: string): TargetResult {
  const problems = linkProblems(ids, isAmplifyBackendRegion);
  if (problems.length > 0) return { ok: false, message: `${what}: ${problems.join(' ')}` };
  const target: BackendTarget = { kind: 'backend', appId: ids.appId, envName: ids.envName, jobId: ids.jobId };
  if (ids.region !== undefined) target.region = ids.region;
  return { ok: true, targets: [target] };
}

/** One positional argument: a job link, a board link or the AWS CLI's JSON. */
export function readLink(text: string): TargetResult {
  const shown = `“${text}”`;
  let url: URL | undefined;
  try {
    url = new URL(text.trim(), 'https://placeholder.invalid');
  } catch {
    url = undefined;
  }
  if (url && /^(https?:\/\/[^/]+)?\/watch(\?|$)/i.test(text.trim()) && url.pathname === BOARD_PATH) {
    const board = parseBoardSearch(url.search, isAmplifyBackendRegion);
    if (board.invalid.length > 0) {
      const first = board.invalid[0];
      return { ok: false, message: `${shown}: board entry “${first?.text}”: ${first?.reason}` };
    }
    if (board.jobs.length === 0) return { ok: false, message: `${shown} is a board with no jobs.` };
    if (board.refused > 0) {
      return {
        ok: false,
        message: `${shown}: a board watches at most ${MAX_BOARD_JOBS} jobs; this one names ${board.refused} more. Split it in two.`,
      };
    }
    return { ok: true, targets: board.jobs.map((job) => ({ kind: 'backend', ...job })) };
  }
  const reference = parseJobReference(text);
  if (!reference) {
    return {
      ok: false,
      message: `${shown} is not a job link: expected …/apps/<appId>/environments/<env>/jobs/<jobId> or a board link (/watch?job=…).`,
    };
  }
  if (reference.appId === undefined || reference.envName === undefined || reference.jobId === undefined) {
    return { ok: false, message: `${shown} does not name a job: it needs an app ID, an environment and a job ID.` };
  }
  return backendTarget({ ...reference, appId: reference.appId, envName: reference.envName, jobId: reference.jobId }, shown);
}

const OPTIONS = {
  app: { type: 'string' },
  env: { type: 'string' },
  job: { type: 'string' },
  region: { type: 'string' },
  interval: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function usage(message: string): ParsedArgs {
  return { kind: 'usage-error', message };
}

/** Reads argv (without `node` and the script). */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  let intervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;
  if (values.interval !== undefined) {
    const seconds = Number(values.interval.trim().replace(/s$/i, ''));
    if (!Number.isFinite(seconds) || values.interval.trim() === '') {
      return usage(`--interval “${values.interval}” is not a number of seconds.`);
    }
    if (seconds < MIN_POLL_INTERVAL_SECONDS || seconds > MAX_POLL_INTERVAL_SECONDS) {
      return usage(
        `--interval must be from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS} seconds, not ${values.interval}.`,
      );
    }
    intervalSeconds = seconds;
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = parseDuration(values.timeout);
    if (timeoutMs === undefined) return usage(`--timeout “${values.timeout}” is not a duration such as 90s, 30m or 1h.`);
  }
  if (values.region !== undefined && !isAmplifyBackendRegion(values.region)) {
    return usage(`--region “${values.region}” is not a region where AmplifyBackend runs (for example us-east-1 or eu-west-1).`);
  }

  const targets: WatchTarget[] = [];
  const byIds = [values.app, values.env, values.job];
  if (byIds.some((value) => value !== undefined)) {
    if (byIds.some((value) => value === undefined)) return usage('--app, --env and --job go together: give all three.');
    const result = backendTarget(
      { appId: values.app ?? '', envName: values.env ?? '', jobId: values.job ?? '' },
      '--app/--env/--job',
    );
    if (!result.ok) return usage(result.message);
    targets.push(...result.targets);
  }
  for (const text of positionals) {
    const result = readLink(text);
    if (!result.ok) return usage(result.message);
    targets.push(...result.targets);
  }
  if (targets.length === 0) return usage('Give a job link, a board link, or --app, --env and --job.');

  const options: CliOptions = {
    targets: dedupe(targets),
    intervalSeconds,
    json: values.json === true,
    quiet: values.quiet === true,
  };
  if (values.region !== undefined) options.region = values.region;
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  return { kind: 'watch', options };
}

/** A job named twice (a link and a board, say) is watched once. */
function dedupe(targets: WatchTarget[]): WatchTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = JSON.stringify([target.kind, target.region ?? '', target.appId, target.envName, target.jobId]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
