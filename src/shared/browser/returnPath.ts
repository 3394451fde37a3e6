/**
 * A path to return to after the Hosted UI sign-in, taken from the OAuth state, which came back
 * through the address bar and so is not to be trusted. Accepted only when the URL parser (not a
 * prefix check: `/\evil.com` and `/\t/evil.com` both start with one slash) puts it on this page's
 * origin; returns the path, query and hash, or undefined.
 */
export function sameOriginPath(value: unknown, origin: string = window.location.origin): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  return url.pathname + url.search + url.hash;
}
