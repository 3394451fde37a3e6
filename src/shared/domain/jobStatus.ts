/** Statuses after which a job never changes; the API does not enumerate them, so compare loosely. */
const TERMINAL = new Set(['COMPLETED', 'FAILED']);

export function isTerminalStatus(status: string | undefined): boolean {
  return status !== undefined && TERMINAL.has(status.trim().toUpperCase());
}

export type StatusTone = 'running' | 'completed' | 'failed' | 'unknown';

/** How a status is drawn. Unknown values are shown verbatim and treated as still in progress. */
export function statusTone(status: string | undefined): StatusTone {
  const normalized = status?.trim().toUpperCase();
  if (normalized === 'COMPLETED') return 'completed';
  if (normalized === 'FAILED') return 'failed';
  if (normalized === 'RUNNING' || normalized === 'IN_PROGRESS' || normalized === 'PENDING') return 'running';
  return 'unknown';
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
