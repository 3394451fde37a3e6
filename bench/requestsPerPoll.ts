import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { evaluateStack, type Template } from '../tools/cloudformation';
import { startCloudFrontEmulator, type CloudFrontEmulator } from '../tools/cloudFrontEmulator';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { createRunningJob } from './jobs';
import { openPage, sleep } from './page';

/**
 * Requests per poll, CORS preflights included, in real time (a browser's preflight cache runs on
 * the real clock: Access-Control-Max-Age, 5 s when absent), for two routes side by side:
 * - direct: the page calls the AmplifyBackend origin (the simulation, answering preflights without
 *   Access-Control-Max-Age, as AmplifyBackend was seen to) cross-origin;
 * - proxy: the page calls `<its own origin>/amplifybackend`, the route of deploy/hosting/s3-cloudfront.json
 *   with ProxyRegion set (tools/cloudFrontEmulator.ts built from the template), same-origin.
 * Counted where they arrive: every request of the job's path at the simulation (preflights are
 * OPTIONS) and, for the proxy, every request of the job's path at the edge.
 */

export const SIGNING_HOST = 'amplifybackend.us-east-1.amazonaws.com';

export interface RouteCount {
  route: 'direct' | 'proxy';
  polls: number;
  /** GetBackendJob (GET) and preflights (OPTIONS) the browser sent for the job over those polls. */
  gets: number;
  preflights: number;
  perPoll: number;
  ok: boolean;
  error?: string;
}

export interface ProxySite {
  edge: CloudFrontEmulator;
  close(): Promise<void>;
}

/** The built app behind the emulated CloudFront of the template, its AmplifyBackend origin the simulation. */
export async function startProxySite(
  bench: Simulator,
  siteDir: string,
  config: (edgeOrigin: string) => unknown,
): Promise<ProxySite> {
  const template = JSON.parse(readFileSync(new URL('../deploy/hosting/s3-cloudfront.json', import.meta.url), 'utf8')) as Template;
  const stack = evaluateStack(template, {
    region: 'us-east-1',
    parameters: { ProxyRegion: 'us-east-1', CspConnectExtra: bench.origin },
  });
  const extraObjects: Record<string, string> = {};
  const edge = await startCloudFrontEmulator({ stack, siteDir, connectTo: { amplifybackend: bench.origin }, extraObjects });
  extraObjects['config.json'] = JSON.stringify(config(edge.origin));
  return { edge, close: () => edge.close() };
}

async function countRoute(
  browser: Browser,
  bench: Simulator,
  route: RouteCount['route'],
  origin: string,
  polls: number,
  intervalMs: number,
): Promise<RouteCount> {
  const job = createRunningJob(bench);
  const opened = await openPage(browser, { simOrigin: bench.origin, throttle: false });
  const seen = () => bench.httpRequests.filter((r) => r.path.endsWith(`/${job.jobId}`));
  const gets = () => seen().filter((r) => r.method === 'GET');
  try {
    await opened.page.goto(origin + job.path, { waitUntil: 'commit' });
    await opened.waitForStatus((c) => c.tone === 'running', 30_000);
    // From one answered poll (the load's own) to `polls` polls later: every preflight in between belongs to them.
    const first = gets().length;
    const deadline = Date.now() + (polls + 3) * intervalMs;
    while (gets().length < first + polls && Date.now() < deadline) await sleep(50);
    const all = gets();
    if (all.length < first + polls) throw new Error(`${all.length - first} of ${polls} polls seen`);
    const from = (all[first - 1] as { at: number }).at;
    const to = (all[first + polls - 1] as { at: number }).at;
    const window = seen().filter((r) => r.at > from && r.at <= to);
    const getCount = window.filter((r) => r.method === 'GET').length;
    const preflights = window.filter((r) => r.method === 'OPTIONS').length;
    return { route, polls, gets: getCount, preflights, perPoll: (getCount + preflights) / polls, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { route, polls, gets: 0, preflights: 0, perPoll: Number.NaN, ok: false, error: message };
  } finally {
    await opened.close();
  }
}

/** Both routes at once (two contexts), `polls` polls each. */
export async function requestsPerPoll(
  browser: Browser,
  bench: Simulator,
  direct: StaticSite,
  proxy: ProxySite,
  polls: number,
  intervalMs: number,
): Promise<{ direct: RouteCount; proxy: RouteCount; edgeRequestsOtherThanGet: number }> {
  const before = proxy.edge.forwarded.length;
  const [directCount, proxyCount] = await Promise.all([
    countRoute(browser, bench, 'direct', direct.origin, polls, intervalMs),
    countRoute(browser, bench, 'proxy', proxy.edge.origin, polls, intervalMs),
  ]);
  const edgeRequestsOtherThanGet = proxy.edge.forwarded
    .slice(before)
    .filter((r) => r.originId === 'amplifybackend' && r.method !== 'GET').length;
  return { direct: directCount, proxy: proxyCount, edgeRequestsOtherThanGet };
}
