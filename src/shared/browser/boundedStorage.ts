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
export function isStoredJobKey(value: unknown): value is Record<'region' | 'appId' | 'envName' | 'jobId', string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['region', 'appId', 'envName', 'jobId'].every((name) => typeof (value as Record<string, unknown>)[name] === 'string')
  );
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
