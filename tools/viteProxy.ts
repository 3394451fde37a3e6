/**
 * The same-origin proxy routes for development: when AWS refuses the browser's CORS preflight, `vite`
 * (and `vite preview`, which reuses server.proxy) forwards
 *
 * - `/amplifybackend/*` to `https://amplifybackend.<region>.amazonaws.com/*` (AmplifyBackend jobs), and
 * - `/amplify/*` to `https://amplify.<region>.amazonaws.com/*` (Amplify Hosting build and deploy jobs),
 *
 * each with Host set to that host, and the page signs for it:
 *
 *   AMPLIFYBACKEND_PROXY_REGION=eu-west-1 AMPLIFY_PROXY_REGION=eu-west-1 npm start
 *   config.json: "amplifyBackendEndpoint": "http://127.0.0.1:5173/amplifybackend",
 *                "signingHost": "amplifybackend.eu-west-1.amazonaws.com",
 *                "amplifyEndpoint": "http://127.0.0.1:5173/amplify",
 *                "amplifySigningHost": "amplify.eu-west-1.amazonaws.com", "region": "eu-west-1"
 *
 * AMPLIFYBACKEND_PROXY_TARGET and AMPLIFY_PROXY_TARGET send the requests elsewhere (an emulator, the
 * simulated AWS) while still presenting the AWS host, which is what the signature covers.
 */
import type { ProxyOptions } from 'vite';
import { isAmplifyBackendRegion, type AwsService } from '../src/shared/config/regions.ts';

export const AMPLIFYBACKEND_PROXY_PATH = '/amplifybackend';
export const AMPLIFY_PROXY_PATH = '/amplify';

type Env = Record<string, string | undefined>;

/** One service's route: `<path>/*` → `<service>.<region>.amazonaws.com/*`, when `<PREFIX>_PROXY_REGION` is set. */
function serviceProxy(
  env: Env,
  service: AwsService,
  path: string,
  prefix: string,
  name: string,
): Record<string, ProxyOptions> | undefined {
  const region = env[`${prefix}_PROXY_REGION`];
  if (!region) return undefined;
  // Amplify Hosting runs in every region AmplifyBackend does; the dashboard offers that one list.
  if (!isAmplifyBackendRegion(region)) {
    throw new Error(`${prefix}_PROXY_REGION=${region} is not a region where ${name} runs`);
  }
  const signingHost = `${service}.${region}.amazonaws.com`;
  const target = env[`${prefix}_PROXY_TARGET`];
  // `/amplify` must not take `/amplifybackend/…`: only the path itself or a path below it is ours.
  const stripPrefix = (requestPath: string) => requestPath.slice(path.length) || '/';
  return {
    [`^${path}(?=/|$)`]: target
      ? { target, changeOrigin: false, headers: { host: signingHost }, rewrite: stripPrefix }
      : { target: `https://${signingHost}`, changeOrigin: true, secure: true, rewrite: stripPrefix },
  };
}

/** `/amplifybackend/*` → AmplifyBackend (AMPLIFYBACKEND_PROXY_REGION, AMPLIFYBACKEND_PROXY_TARGET). */
export function amplifyBackendDevProxy(env: Env): Record<string, ProxyOptions> | undefined {
  return serviceProxy(env, 'amplifybackend', AMPLIFYBACKEND_PROXY_PATH, 'AMPLIFYBACKEND', 'AmplifyBackend');
}

/** `/amplify/*` → Amplify Hosting (AMPLIFY_PROXY_REGION, AMPLIFY_PROXY_TARGET). */
export function amplifyDevProxy(env: Env): Record<string, ProxyOptions> | undefined {
  return serviceProxy(env, 'amplify', AMPLIFY_PROXY_PATH, 'AMPLIFY', 'Amplify Hosting');
}

/** Both routes, whichever are switched on (vite.config.ts `server.proxy`); undefined when neither is. */
export function devProxy(env: Env): Record<string, ProxyOptions> | undefined {
  const routes = { ...amplifyBackendDevProxy(env), ...amplifyDevProxy(env) };
  return Object.keys(routes).length > 0 ? routes : undefined;
}
