import { readJson, writeJson } from '../browser/boundedStorage';
import { isAmplifyOutputs } from './amplifyOutputsShape';
import type { AppConfig, ConfigProblem } from './appConfig';
import { parseAppConfig } from './appConfig';

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

/** Where the last config.json that worked is kept, for opening the page with no network. */
export const CONFIG_MEMORY_KEY = 'amplify-job-watch.config.v1';

/** The last good config.json's text: kept in localStorage (IDs and endpoints only, never credentials). */
export interface ConfigMemory {
  load: () => string | undefined;
  save: (text: string) => void;
}

const isText = (value: unknown): value is string | undefined => typeof value === 'string';

export const LOCAL_CONFIG_MEMORY: ConfigMemory = {
  load: () => readJson(CONFIG_MEMORY_KEY, isText, undefined),
  // Storage full or disabled: nothing kept, and the next offline start says why it could not start.
  save: (text) => writeJson(CONFIG_MEMORY_KEY, text),
};

/**
 * Fetches `/config.json` once at start. Only a missing file (HTTP 404) or `{ "demo": true }` means demo
 * mode. Anything else that is not a usable config is a problem saying what came back, never the demo:
 * an HTML page (an SPA fallback answering for a config.json that went missing on a real site), an
 * error status, a file that is wrong. Hosts with an SPA fallback must answer 404 for /config.json.
 */
export async function loadConfig(
  fetchImpl: typeof fetch = fetch,
  pageOrigin: string | undefined = globalThis.location?.origin,
  memory: ConfigMemory = LOCAL_CONFIG_MEMORY,
): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(CONFIG_URL, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    // No network: the config that worked last time, when there is one (the page then opens offline).
    const remembered = memory.load();
    if (remembered !== undefined) {
      const result = await readConfigText(remembered, pageOrigin);
      if (result.kind === 'ready' && !result.config.demo) return result;
    }
    return invalid('config.json', 'a file the browser can fetch (the request failed)');
  }
  if (response.status === 404) return { kind: 'ready', config: DEMO_CONFIG };
  if (!response.ok) return invalid('config.json', `a readable file (the server answered HTTP ${response.status})`);

  const text = await response.text();
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (type === 'text/html' || /^\s*</.test(text)) {
    return invalid(
      'config.json',
      `a JSON file, or HTTP 404 when there is none, but an HTML page came back (HTTP ${response.status}${type ? `, ${type}` : ''}): ` +
        'a host that serves index.html for unknown paths must answer 404 for /config.json (or serve { "demo": true } to run the demo)',
    );
  }
  const result = await readConfigText(text, pageOrigin);
  if (result.kind === 'ready' && !result.config.demo) memory.save(text);
  return result;
}

async function readConfigText(text: string, pageOrigin: string | undefined): Promise<ConfigLoadResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return invalid('config.json', 'valid JSON (the file could not be parsed)');
  }
  if (typeof raw === 'object' && raw !== null && (raw as { demo?: unknown }).demo === true) {
    return { kind: 'ready', config: DEMO_CONFIG };
  }
  // The plain form, or Amplify Gen 2's amplify_outputs.json (its `auth` section).
  const parsed = isAmplifyOutputs(raw)
    ? (await import('./amplifyOutputs')).parseConfigDocument(raw, { pageOrigin })
    : parseAppConfig(raw, { pageOrigin });
  return parsed.ok ? { kind: 'ready', config: parsed.config } : { kind: 'invalid', problems: parsed.problems };
}

function invalid(field: string, expected: string): ConfigLoadResult {
  return { kind: 'invalid', problems: [{ field, expected }] };
}
