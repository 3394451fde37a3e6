import type { AppConfig, ConfigProblem } from './appConfig';
import { parseConfigDocument } from './amplifyOutputs';

export type ConfigLoadResult = { kind: 'ready'; config: AppConfig } | { kind: 'invalid'; problems: ConfigProblem[] };

/** Runs against the simulated AWS inside the page; nothing here reaches a real account. */
export const DEMO_CONFIG: AppConfig = {
  demo: true,
  region: 'us-east-1',
  Auth: {
    Cognito: {
      identityPoolId: 'us-east-1:de300000-0000-4000-8000-000000000000',
      allowGuestAccess: true,
      // The simulated user pool's own IDs: SRP mixes the pool name into its proof.
      userPoolId: 'us-east-1_DemoJobWatch',
      userPoolClientId: 'demo0job0watch0app0client0',
    },
  },
  pollIntervalSeconds: 3,
  authFlowType: 'USER_SRP_AUTH',
  tokenStorage: 'session',
};

export const CONFIG_URL = '/config.json';

/**
 * Fetches `/config.json` once at start. A missing file means demo mode; so does an HTML answer,
 * because static hosts and dev servers with an SPA fallback serve `index.html` for unknown paths.
 * A file that exists but is wrong is never silently replaced by the demo.
 */
export async function loadConfig(
  fetchImpl: typeof fetch = fetch,
  pageOrigin: string | undefined = globalThis.location?.origin,
): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(CONFIG_URL, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    return invalid('config.json', 'a file the browser can fetch (the request failed)');
  }
  if (response.status === 404) return { kind: 'ready', config: DEMO_CONFIG };
  if (!response.ok) return invalid('config.json', `a readable file (the server answered HTTP ${response.status})`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    return { kind: 'ready', config: DEMO_CONFIG };
  }

  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch {
    return invalid('config.json', 'valid JSON (the file could not be parsed)');
  }
  if (typeof raw === 'object' && raw !== null && (raw as { demo?: unknown }).demo === true) {
    return { kind: 'ready', config: DEMO_CONFIG };
  }
  // The plain form, or Amplify Gen 2's amplify_outputs.json (its `auth` section).
  const parsed = parseConfigDocument(raw, { pageOrigin });
  return parsed.ok ? { kind: 'ready', config: parsed.config } : { kind: 'invalid', problems: parsed.problems };
}

function invalid(field: string, expected: string): ConfigLoadResult {
  return { kind: 'invalid', problems: [{ field, expected }] };
}
