/**
 * The command's arguments: links (job pages, boards, the AWS CLI's JSON) or --app/--env/--job, and the
 * options. Links are read by the page's own parsers (shared/domain); this file only decides what the
 * command accepts and says what is wrong in words.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../shared/config/appConfig';
import { isAmplifyBackendRegion } from '../shared/config/regions';
import { BOARD_PATH, MAX_BOARD_JOBS, parseBoardSearch } from '../shared/domain/boardLink';
import { hostingLinkProblems, linkProblems } from '../shared/domain/jobIds';
import { parseJobReference } from '../shared/domain/jobReference';

export const COMMAND = 'amplify-job-watch';

/** A job to watch, of either kind (shared/domain/jobRef); `region` is absent when the link named none. */
export type WatchTarget =
  | { kind?: 'backend'; region?: string; appId: string; envName: string; jobId: string }
  | { kind: 'hosting'; region?: string; appId: string; branchName: string; jobId: string };

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

       ${COMMAND} [options] --app <appId> --branch <branch> --job <jobNumber> [--region <region>]

Waits for Amplify jobs (AmplifyBackend jobs and Amplify Hosting builds) and exits with their outcome.

A link is a job page or a board, as a full URL or a path:
  https://jobs.example.com/apps/<appId>/environments/<env>/jobs/<jobId>?region=eu-west-1
  https://jobs.example.com/apps/<appId>/branches/<branch>/jobs/<jobNumber>?region=eu-west-1
  /watch?job=eu-west-1/<appId>/<env>/<jobId>&build=eu-west-1/<appId>/<branch>/<jobNumber>
or the JSON the AWS CLI printed (\`aws amplifybackend create-backend-…\`, \`aws amplify get-job\`).

Options:
  --app, --env, --job   one backend job by its IDs instead of a link
  --app, --branch, --job  one hosting job (the branch's job number)
  --region <region>     for links that name none (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)
  --interval <seconds>  time between checks of a running job (default ${DEFAULT_POLL_INTERVAL_SECONDS}, at least ${MIN_POLL_INTERVAL_SECONDS})
  --timeout <duration>  give up after this long, e.g. 90s, 30m, 1h (exit 4)
  --json                one JSON object per line for each change, then a summary
  --quiet               print only failures and problems
  --help, --version

Exit codes: 0 every job completed (or succeeded), 1 a job failed, 2 usage error, 3 a job cannot be watched
(not found, access denied, no credentials), 4 timed out, 130 interrupted.

Credentials come from the AWS SDK's default chain (environment, AWS_PROFILE and the shared files,
SSO, container and instance roles). Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_AMPLIFYBACKEND,
AWS_ENDPOINT_URL_AMPLIFY.
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

function checkedTarget(target: WatchTarget, what: string): TargetResult {
  const problems =
    target.kind === 'hosting'
      ? hostingLinkProblems(target, isAmplifyBackendRegion)
      : linkProblems(target, isAmplifyBackendRegion);
  if (problems.length > 0) return { ok: false, message: `${what}: ${problems.join(' ')}` };
  return { ok: true, targets: [target] };
}

function withRegion<T extends WatchTarget>(target: T, region: string | undefined): T {
  return region === undefined ? target : { ...target, region };
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
    return { ok: true, targets: board.jobs };
  }
  const reference = parseJobReference(text);
  if (!reference) {
    return {
      ok: false,
      message: `${shown} is not a job link: expected …/apps/<appId>/environments/<env>/jobs/<jobId>, …/apps/<appId>/branches/<branch>/jobs/<jobNumber> or a board link (/watch?job=…).`,
    };
  }
  const { appId, envName, branchName, jobId, region } = reference;
  if (reference.kind === 'hosting') {
    if (appId === undefined || branchName === undefined || jobId === undefined) {
      return {
        ok: false,
        message: `${shown} names a branch, not a job: it needs the job number (…/branches/<branch>/jobs/<jobNumber>).`,
      };
    }
    return checkedTarget(withRegion({ kind: 'hosting', appId, branchName, jobId }, region), shown);
  }
  if (appId === undefined || envName === undefined || jobId === undefined) {
    return { ok: false, message: `${shown} does not name a job: it needs an app ID, an environment and a job ID.` };
  }
  return checkedTarget(withRegion({ appId, envName, jobId }, region), shown);
}

const OPTIONS = {
  app: { type: 'string' },
  env: { type: 'string' },
  branch: { type: 'string' },
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
  if ([values.app, values.env, values.branch, values.job].some((value) => value !== undefined)) {
    if (values.env !== undefined && values.branch !== undefined) {
      return usage('--env names a backend environment and --branch a hosting branch: give one of them.');
    }
    const { app: appId, env: envName, branch: branchName, job: jobId } = values;
    if (appId === undefined || jobId === undefined || (envName === undefined && branchName === undefined)) {
      return usage('--app, --job and --env (a backend job) or --branch (a hosting job) go together: give all three.');
    }
    const result =
      branchName !== undefined
        ? checkedTarget({ kind: 'hosting', appId, branchName, jobId }, '--app/--branch/--job')
        : checkedTarget({ appId, envName: envName ?? '', jobId }, '--app/--env/--job');
    if (!result.ok) return usage(result.message);
    targets.push(...result.targets);
  }
  for (const text of positionals) {
    const result = readLink(text);
    if (!result.ok) return usage(result.message);
    targets.push(...result.targets);
  }
  if (targets.length === 0) return usage('Give a job link, a board link, or --app, --env (or --branch) and --job.');

  const options: CliOptions = {
    targets,
    intervalSeconds,
    json: values.json === true,
    quiet: values.quiet === true,
  };
  if (values.region !== undefined) options.region = values.region;
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  return { kind: 'watch', options };
}
