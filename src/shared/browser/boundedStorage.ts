import type { JobRef } from '../domain/jobRef';
/**
 * JSON in localStorage that never grows without bound and never breaks the page: storage may be
 * full, disabled (private modes) or hold something written by an older version.
 */
export function readJson<T>(
  key: string,
  isValid: (value: unknown) => value is T,
  fallback: T,
  storage: Storage | undefined = safeLocalStorage(),
): T {
  try {
    const text = storage?.getItem(key);
    if (!text) return fallback;
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** A stored job reference: an object whose region, appId, envName and jobId are strings. */
/** A stored job reference of either kind: an AmplifyBackend job (`envName`) or a hosting job (`kind: 'hosting'`, `branchName`). */
export function isStoredJobKey(value: unknown): value is JobRef {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  const place = fields.kind === 'hosting' ? 'branchName' : 'envName';
  if (fields.kind !== undefined && fields.kind !== 'hosting' && fields.kind !== 'backend') return false;
  return ['region', 'appId', place, 'jobId'].every((name) => typeof fields[name] === 'string');
}

export function writeJson(key: string, value: unknown, storage: Storage | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the feature degrades to this page's lifetime.
  }
}

export function removeKey(key: string, storage: Storage | undefined = safeLocalStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // As above.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
