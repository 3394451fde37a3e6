/**
 * What the command prints. Three forms of the same events: a live block of one line per job redrawn in
 * place (a terminal), one plain line per change (a pipe or CI: no colour, no spinner, no cursor moves),
 * and NDJSON (`--json`: one object per change, then a summary).
 */
import { isAwsError } from '../shared/aws/awsError';
import type { WatchedJob } from '../shared/aws/watchedJob';
import { formatDuration } from '../shared/domain/durationFormat';
import { friendlyOperation, statusTone, statusWord } from '../shared/domain/jobStatus';
import type { ErrorContext } from '../shared/ui/describeError';
import type { ExitCode, JobOutcome } from './exitCodes';
import { problemText, problemTitle } from './messages';
import type { JobResult, WatchEvent } from './watch';

export interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** One job as printed: its label, its identity for JSON, and the words its errors are described with. */
export interface ReportedJob {
  label: string;
  identity: Record<string, string>;
  context: ErrorContext;
}

export type OutputMode = 'live' | 'plain' | 'json';

export interface Reporter {
  event(event: WatchEvent): void;
  finish(results: readonly JobResult[], exitCode: ExitCode, stop?: 'timed-out' | 'interrupted'): void;
}

export interface ReporterOptions {
  mode: OutputMode;
  quiet: boolean;
  colour: boolean;
  stdout: Writable;
  stderr: Writable;
  now: () => number;
  /** The live line's estimate for a running job, when the history allows one. */
  estimate?: (index: number, job: WatchedJob, now: number) => string | undefined;
  /** Redraws the live block every `ms` (elapsed time, spinner); returns a stop function. */
  every?: (ms: number, tick: () => void) => () => void;
}

/** Terminal or plain: a TTY outside CI draws live, anything else prints lines. */
export function outputMode(json: boolean, stdout: Writable, env: Readonly<Record<string, string | undefined>>): OutputMode {
  if (json) return 'json';
  return stdout.isTTY === true && !env.CI ? 'live' : 'plain';
}

/** NO_COLOR (any non-empty value) turns colour off; only the live form has any. */
export function colourWanted(mode: OutputMode, env: Readonly<Record<string, string | undefined>>): boolean {
  return mode === 'live' && !env.NO_COLOR;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', dim: '\x1b[2m', reset: '\x1b[0m' };
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

interface Row {
  job?: WatchedJob;
  note?: string;
  stopped?: string;
}

function elapsedOf(job: WatchedJob, now: number): number | undefined {
  const start = job.createTime?.date?.getTime();
  if (start === undefined) return undefined;
  const end =
    statusTone(job.status) === 'running' || statusTone(job.status) === 'unknown' ? now : job.updateTime?.date?.getTime();
  return end === undefined ? undefined : Math.max(0, end - start);
}

function statusWords(job: WatchedJob, now: number): string {
  const parts = [job.status === undefined ? '(no status)' : statusWord(job.status)];
  const operation = friendlyOperation(job.operation) ?? job.operation;
  if (operation) parts.push(operation);
  const elapsed = elapsedOf(job, now);
  if (elapsed !== undefined) parts.push(formatDuration(elapsed));
  return parts.join(' · ');
}

const OUTCOME_WORDS: Record<JobOutcome, string> = {
  succeeded: 'completed',
  failed: 'failed',
  'cannot-watch': 'could not be watched',
  'timed-out': 'still running',
  interrupted: 'still running',
};

function summaryLine(results: readonly JobResult[], stop: 'timed-out' | 'interrupted' | undefined): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    const words = OUTCOME_WORDS[result.outcome];
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  const tally = [...counts].map(([words, count]) => `${count} ${words}`).join(', ');
  const lead = stop === 'timed-out' ? 'Timed out' : stop === 'interrupted' ? 'Stopped' : 'Done';
  return `${lead}: ${results.length} job${results.length === 1 ? '' : 's'}, ${tally}.`;
}

export function createReporter(jobs: readonly ReportedJob[], options: ReporterOptions): Reporter {
  const { mode, quiet, colour, stdout, stderr, now } = options;
  const rows: Row[] = jobs.map(() => ({}));
  const paint = (code: string, text: string) => (colour ? `${code}${text}${ANSI.reset}` : text);
  const toneColour = (job: WatchedJob) => {
    const tone = statusTone(job.status);
    return tone === 'completed' ? ANSI.green : tone === 'failed' ? ANSI.red : ANSI.yellow;
  };

  // The live block: how many lines were drawn last time, to move back over them.
  let drawn = 0;
  let frame = 0;
  const liveLines = (): string[] => {
    const lines: string[] = [];
    rows.forEach((row, index) => {
      const label = jobs[index]?.label ?? '';
      let state: string;
      if (row.stopped) state = paint(ANSI.red, 'cannot watch');
      else if (!row.job) state = `${SPINNER[frame % SPINNER.length]} checking…`;
      else {
        const tone = statusTone(row.job.status);
        const mark = tone === 'completed' ? '✔' : tone === 'failed' ? '✖' : (SPINNER[frame % SPINNER.length] ?? '');
        state = `${mark} ${paint(toneColour(row.job), statusWords(row.job, now()))}`;
        const estimate = tone === 'completed' || tone === 'failed' ? undefined : options.estimate?.(index, row.job, now());
        if (estimate) state += ` · ${estimate}`;
      }
      const note = row.note ? paint(ANSI.dim, ` · ${row.note}`) : '';
      lines.push(`${label}  ${state}${note}`);
      if (row.job?.error && statusTone(row.job.status) === 'failed') lines.push(`    error: ${row.job.error}`);
      if (row.stopped) lines.push(`    ${row.stopped}`);
    });
    return lines;
  };
  const width = () => (stdout.columns && stdout.columns > 20 ? stdout.columns - 1 : undefined);
  const fit = (line: string) => {
    const max = width();
    // Only lines without colour codes are cut: a cut inside an escape sequence would garble the terminal.
    return max !== undefined && line.length > max && !line.includes('\x1b') ? `${line.slice(0, max - 1)}…` : line;
  };
  const redraw = () => {
    if (quiet) return;
    const lines = liveLines();
    let text = drawn > 0 ? `\x1b[${drawn}F` : '';
    for (const line of lines) text += `\x1b[2K${fit(line)}\n`;
    stdout.write(text);
    drawn = lines.length;
  };
  const stopTicking =
    mode === 'live' && !quiet && options.every
      ? options.every(500, () => {
          frame += 1;
          redraw();
        })
      : () => undefined;
  if (mode === 'live') redraw();

  const json = (value: Record<string, unknown>) => stdout.write(`${JSON.stringify(value)}\n`);
  const errorJson = (error: unknown, context: ErrorContext) => ({
    kind: isAwsError(error) ? error.kind : 'unexpected',
    ...(isAwsError(error) && error.status !== undefined ? { httpStatus: error.status } : {}),
    title: problemTitle(error, context),
    message: problemText(error, context),
  });
  const jobJson = (job: WatchedJob) => {
    const fields: Record<string, unknown> = { status: job.status ?? null, operation: job.operation ?? null };
    if (job.createTime) fields.createTime = job.createTime.date?.toISOString() ?? job.createTime.raw;
    if (job.updateTime) fields.updateTime = job.updateTime.date?.toISOString() ?? job.updateTime.raw;
    const elapsed = elapsedOf(job, now());
    if (elapsed !== undefined) fields.elapsedMs = elapsed;
    if (job.error) fields.error = job.error;
    return fields;
  };

  return {
    event(event) {
      const reported = jobs[event.index];
      const row = rows[event.index];
      if (!reported || !row) return;
      const at = new Date(event.at).toISOString();
      if (event.type === 'status') {
        row.job = event.job;
        row.note = undefined;
        const failed = statusTone(event.job.status) === 'failed';
        if (mode === 'json') {
          if (!quiet || failed) json({ type: 'status', at, job: reported.identity, ...jobJson(event.job) });
        } else if (mode === 'plain') {
          if (!quiet || failed) {
            stdout.write(`${reported.label}: ${statusWords(event.job, now())}\n`);
            if (failed && event.job.error) stdout.write(`${reported.label}: error: ${event.job.error}\n`);
          }
        } else redraw();
      } else if (event.type === 'retry') {
        const title = problemTitle(event.error, reported.context);
        const retryIn = formatDuration(event.retryInMs + 999);
        row.note = `${title}; checking again in ${retryIn}`;
        if (mode === 'json') {
          if (!quiet)
            json({
              type: 'retry',
              at,
              job: reported.identity,
              error: errorJson(event.error, reported.context),
              retryInMs: event.retryInMs,
            });
        } else if (mode === 'plain') {
          if (!quiet) stdout.write(`${reported.label}: ${row.note}\n`);
        } else redraw();
      } else {
        const text = problemText(event.error, reported.context);
        row.stopped = text;
        row.note = undefined;
        if (mode === 'json')
          json({ type: 'cannot-watch', at, job: reported.identity, error: errorJson(event.error, reported.context) });
        else if (mode === 'live') redraw();
        // The one line that says what to do, where a pipeline's log shows errors.
        if (mode !== 'live' || quiet) stderr.write(`${reported.label}: cannot watch: ${text}\n`);
      }
    },
    finish(results, exitCode, stop) {
      stopTicking();
      if (mode === 'json') {
        json({
          type: 'summary',
          exitCode,
          ...(stop ? { stopped: stop } : {}),
          jobs: results.map((result, index) => ({
            job: jobs[index]?.identity,
            outcome: result.outcome,
            ...(result.job ? jobJson(result.job) : {}),
          })),
        });
        return;
      }
      if (mode === 'live') redraw();
      if (!quiet || exitCode !== 0) (quiet ? stderr : stdout).write(`${summaryLine(results, stop)}\n`);
    },
  };
}
