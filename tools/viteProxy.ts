/**
 * The same-origin proxy route for development: when AmplifyBackend refuses the browser's CORS
 * preflight, `vite` (and `vite preview`, which reuses server.proxy) forwards
 * `/amplifybackend/*` to `https://amplifybackend.<region>.amazonaws.com/*` with Host set to that host,
 * and the page signs for it:
 *
 *   AMPLIFYBACKEND_PROXY_REGION=eu-west-1 npm start
 *   config.json: "amplifyBackendEndpoint": "http://127.0.0.1:5173/amplifybackend",
 *                "signingHost": "amplifybackend.eu-west-1.amazonaws.com", "region": "eu-west-1"
 *
 * AMPLIFYBACKEND_PROXY_TARGET sends the requests elsewhere (an emulator, the simulated AWS) while
 * still presenting the AmplifyBackend host, which is what the signature covers.
 */
import type { ProxyOptions } from 'vite';
import { isAmplifyBackendRegion } from '../src/shared/config/regions.ts';

export const AMPLIFYBACKEND_PROXY_PATH = '/amplifybackend';

export function amplifyBackendDevProxy(env: Record<string, string | undefined>): Record<string, ProxyOptions> | undefined {
  const region = env.AMPLIFYBACKEND_PROXY_REGION;
  if (!region) return undefined;
  if (!isAmplifyBackendRegion(region)) {
    throw new Error(`AMPLIFYBACKEND_PROXY_REGION=${region} is not a region where AmplifyBackend runs`);
  }
  const signingHost = `amplifybackend.${region}.amazonaws.com`;
  const target = env.AMPLIFYBACKEND_PROXY_TARGET;
  const stripPrefix = (path: string) => path.slice(AMPLIFYBACKEND_PROXY_PATH.length) || '/';
  return {
    [AMPLIFYBACKEND_PROXY_PATH]: target
      ? { target, changeOrigin: false, headers: { host: signingHost }, rewrite: stripPrefix }
      : { target: `https://${signingHost}`, changeOrigin: true, secure: true, rewrite: stripPrefix },
  };
}
