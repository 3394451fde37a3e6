/**
 * Whether a config document is Amplify Gen 2's `amplify_outputs.json` (see amplifyOutputs.ts), told apart
 * without loading its conversion: the page loads that only for a document that needs it.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An `amplify_outputs.json`: a 1.x `version` and an `auth` section, and no plain-config `Auth`. */
export function isAmplifyOutputs(raw: unknown): raw is Record<string, unknown> & { auth: Record<string, unknown> } {
  return (
    isRecord(raw) && typeof raw.version === 'string' && raw.version.startsWith('1') && isRecord(raw.auth) && !('Auth' in raw)
  );
}
