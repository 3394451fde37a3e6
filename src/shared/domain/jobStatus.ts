/**
 * Statuses after which a job never changes, of both kinds of job: AmplifyBackend's COMPLETED and
 * FAILED (the API does not enumerate them, so compare loosely) and Amplify Hosting's SUCCEED, FAILED
 * and CANCELLED (CANCELLING is still moving). The two services' words do not collide.
 */
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'SUCCEED', 'CANCELLED']);
const ENDED_WELL = new Set(['COMPLETED', 'SUCCEED']);
const IN_PROGRESS = new Set(['RUNNING', 'IN_PROGRESS', 'PENDING', 'CREATED', 'PROVISIONING', 'CANCELLING']);

export function isTerminalStatus(status: string | undefined): boolean {
  return status !== undefined && TERMINAL.has(status.trim().toUpperCase());
}

export type StatusTone = 'running' | 'completed' | 'failed' | 'unknown';

/** How a status is drawn. Unknown values are shown verbatim and treated as still in progress. */
export function statusTone(status: string | undefined): StatusTone {
  const normalized = status?.trim().toUpperCase();
  if (normalized === undefined) return 'unknown';
  if (ENDED_WELL.has(normalized)) return 'completed';
  if (normalized === 'FAILED' || normalized === 'CANCELLED') return 'failed';
  if (IN_PROGRESS.has(normalized)) return 'running';
  return 'unknown';
}

/** The job ended and ended well (COMPLETED, SUCCEED): what estimates learn from and what exits 0. */
export function endedWell(status: string | undefined): boolean {
  return status !== undefined && ENDED_WELL.has(status.trim().toUpperCase());
}

/**
 * The word shown for a status: the API's own, except Amplify Hosting's SUCCEED, which reads as
 * SUCCEEDED (same stem). Unknown words are shown as they came.
 */
export function statusWord(status: string): string {
  return status.trim().toUpperCase() === 'SUCCEED' ? 'SUCCEEDED' : status;
}

/** `CreateBackendAuth` → `Create backend auth`; `UpdateBackendAPI` → `Update backend API`. */
export function friendlyOperation(operation: string | undefined): string | undefined {
  if (!operation || !/^[A-Z][A-Za-z]+$/.test(operation)) return undefined;
  const words = operation.match(/[A-Z]+(?![a-z])|[A-Z][a-z]+/g);
  if (!words || words.join('') !== operation) return undefined;
  return words
    .map((word, index) => (index === 0 || (word.length > 1 && word === word.toUpperCase()) ? word : word.toLowerCase()))
    .join(' ');
}
