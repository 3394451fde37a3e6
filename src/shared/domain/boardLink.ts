import { hostingLinkProblems, validateId } from './jobIds';
import { isHostingRef, pickJobRef, placeName, sameJobRef, type JobRef } from './jobRef';

/**
 * The jobs a board watches, of both kinds: `job=REGION/APP/ENV/JOB` (AmplifyBackend) and
 * `build=REGION/APP/BRANCH/JOB` (Amplify Hosting), as in their job page links.
 */
export type BoardJob = JobRef;

export const BOARD_PATH = '/watch';
export const MAX_BOARD_JOBS = 25;

/** One `job` or `build` parameter that could not be read, as written in the link, with the reason. */
export interface InvalidBoardEntry {
  text: string;
  reason: string;
}

export interface BoardLink {
  jobs: BoardJob[];
  invalid: InvalidBoardEntry[];
  /** Valid jobs beyond the first MAX_BOARD_JOBS; they are not watched. */
  refused: number;
  /** Those jobs, in the link's order, so the page can name them and keep them in the link. */
  refusedJobs: BoardJob[];
}

/**
 * `REGION/APP_ID/ENV/JOB_ID` or `REGION/APP_ID/BRANCH/JOB_ID`, each segment percent-encoded so a
 * `/`, `%`, `&` or `#` in an ID survives (a branch `feature/login` is `feature%2Flogin`).
 */
export function formatBoardEntry(job: BoardJob): string {
  return [job.region, job.appId, placeName(job), job.jobId].map(encodeURIComponent).join('/');
}

/** The query parameter a job goes in: `job` (AmplifyBackend) or `build` (Amplify Hosting). */
export function boardParameter(job: BoardJob): 'job' | 'build' {
  return isHostingRef(job) ? 'build' : 'job';
}

/** `/watch?job=…&build=…` in the given order; `/watch` alone for an empty board. */
export function boardPath(jobs: readonly BoardJob[]): string {
  if (jobs.length === 0) return BOARD_PATH;
  return `${BOARD_PATH}?${jobs.map((job) => `${boardParameter(job)}=${formatBoardEntry(job)}`).join('&')}`;
}

/** The same job, whatever else differs. */
export function sameBoardJob(a: BoardJob, b: BoardJob): boolean {
  return sameJobRef(a, b);
}

/** A stable identity for a job, safe as a React key or a map key. */
export function boardJobId(job: BoardJob): string {
  return `${boardParameter(job)}=${formatBoardEntry(job)}`;
}

function decodeText(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function parseEntry(raw: string, hosting: boolean, isKnownRegion: (region: string) => boolean): BoardJob | string {
  const segments = raw.split('/');
  if (segments.length !== 4) {
    const shape = hosting ? 'region/app/branch/job' : 'region/app/environment/job';
    return `Expected ${shape} (four parts separated by “/”), found ${segments.length} part${segments.length === 1 ? '' : 's'}.`;
  }
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return 'It has a broken percent-encoding (a “%” not followed by two hex digits).';
  }
  const [region = '', appId = '', place = '', jobId = ''] = decoded;
  if (region === '') return 'The region is missing.';
  if (!isKnownRegion(region)) {
    return hosting
      ? `Region “${region}” is not one where this dashboard watches Amplify Hosting jobs (for example us-east-1 or eu-west-1).`
      : `Region “${region}” is not one where AmplifyBackend runs (for example us-east-1 or eu-west-1).`;
  }
  if (hosting) {
    const [problem] = hostingLinkProblems({ appId, branchName: place, jobId }, isKnownRegion);
    return problem ?? { kind: 'hosting', region, appId, branchName: place, jobId };
  }
  const problem = validateId('App ID', appId) ?? validateId('Environment', place) ?? validateId('Job ID', jobId);
  return problem ?? { region, appId, envName: place, jobId };
}

/**
 * Reads a board's query string. Parameters are split by hand, not with URLSearchParams, because
 * that would decode `%2F` before the value is split into its four segments.
 * Invalid entries are returned with their reason and do not stop the valid ones; a job listed
 * twice is watched once; jobs beyond MAX_BOARD_JOBS are counted in `refused`.
 */
export function parseBoardSearch(search: string, isKnownRegion: (region: string) => boolean): BoardLink {
  const result: BoardLink = { jobs: [], invalid: [], refused: 0, refusedJobs: [] };
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeText(equals === -1 ? pair : pair.slice(0, equals));
    if (name !== 'job' && name !== 'build') continue;
    const raw = equals === -1 ? '' : pair.slice(equals + 1);
    const parsed = parseEntry(raw, name === 'build', isKnownRegion);
    if (typeof parsed === 'string') {
      result.invalid.push({ text: decodeText(raw), reason: parsed });
    } else if (result.jobs.some((job) => sameBoardJob(job, parsed))) {
      continue;
    } else if (result.refusedJobs.some((job) => sameBoardJob(job, parsed))) {
      continue;
    } else if (result.jobs.length >= MAX_BOARD_JOBS) {
      result.refused += 1;
      result.refusedJobs.push(parsed);
    } else {
      result.jobs.push(parsed);
    }
  }
  return result;
}

export type AddResult = { ok: true; jobs: BoardJob[] } | { ok: false; reason: string };

/** Adds a job at the end; a job already there stays where it is. Refuses a 26th job. */
export function addBoardJobs(jobs: readonly BoardJob[], added: readonly BoardJob[]): AddResult {
  const next = [...jobs];
  for (const job of added) {
    if (next.some((existing) => sameBoardJob(existing, job))) continue;
    next.push(pickJobRef(job));
  }
  if (next.length > MAX_BOARD_JOBS) {
    return {
      ok: false,
      reason: `A board watches at most ${MAX_BOARD_JOBS} jobs; this would make ${next.length}. Remove some first.`,
    };
  }
  return { ok: true, jobs: next };
}

export function removeBoardJob(jobs: readonly BoardJob[], removed: BoardJob): BoardJob[] {
  return jobs.filter((job) => !sameBoardJob(job, removed));
}
