import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * One instrumented page of the benchmark: the status observer, long tasks, visibility control,
 * the traffic it sends to the simulated AWS, and the throttled conditions of a timed load.
 */

/** The conditions of every timed page load: a slow phone on a decent link. */
export const CONDITIONS = {
  cpuSlowdown: 4,
  latencyMs: 80,
  downloadBitsPerSecond: 10_000_000,
  uploadBitsPerSecond: 10_000_000,
} as const;

/** One status the page put on screen, as the in-page observer saw it. */
export interface StatusChange {
  /** The badge's data-tone: running, completed, failed, unknown. */
  tone: string;
  /** The status word shown. */
  text: string;
  /** performance.now() when the element appeared: milliseconds since navigation start. */
  at: number;
  /** Date.now() at the same moment (the page's clock: faked during the economy phase). */
  wall: number;
}

/**
 * Runs before any script of the page. A PerformanceObserver collects long tasks (main-thread work
 * of 50 ms or more). A MutationObserver notes the moment a status is in the DOM
 * (`[aria-label="Job status"] [data-tone]` with text: the job page's badge, and the floor's equivalent)
 * and reports every change through the `__benchReport` binding, so nothing polls inside the page.
 * With `overrideVisibility`, document.visibilityState/hidden follow `__benchSetHidden(bool)`, which
 * also fires visibilitychange as a browser does when a tab is hidden or shown.
 */
function instrumentScript(overrideVisibility: boolean): string {
  return `(() => {
  const state = { changes: [], hidden: false, longTasks: [] };
  Object.defineProperty(window, '__bench', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) state.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  if (${overrideVisibility ? 'true' : 'false'}) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (state.hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state.hidden });
    window.__benchSetHidden = (hidden) => {
      state.hidden = hidden;
      document.dispatchEvent(new Event('visibilitychange'));
    };
  }
  let last = '';
  const check = () => {
    const element = document.querySelector('[aria-label="Job status"] [data-tone]');
    if (!element) return;
    const text = (element.textContent || '').trim();
    if (!text) return;
    const tone = element.getAttribute('data-tone') || '';
    if (tone + '|' + text === last) return;
    last = tone + '|' + text;
    const change = { tone, text, at: performance.now(), wall: Date.now() };
    state.changes.push(change);
    if (typeof window.__benchReport === 'function') window.__benchReport(change);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-tone'] });
})();`;
}

/** Resource Timing as the page recorded it (times in ms since navigation start). */
export interface ResourceEntry {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
  /** The body as it came over the wire: the gzip size for a gzipped response. */
  encodedBodySize: number;
  transferSize: number;
}

export interface PageTimings {
  navigation: {
    responseStart: number;
    responseEnd: number;
    encodedBodySize: number;
    transferSize: number;
    domContentLoaded: number;
  } | null;
  resources: ResourceEntry[];
  longTasks: { start: number; duration: number }[];
}

const READ_TIMINGS = `(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {
    navigation: n ? { responseStart: n.responseStart, responseEnd: n.responseEnd, encodedBodySize: n.encodedBodySize, transferSize: n.transferSize, domContentLoaded: n.domContentLoadedEventEnd } : null,
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name, initiatorType: e.initiatorType, startTime: e.startTime, responseEnd: e.responseEnd,
      encodedBodySize: e.encodedBodySize, transferSize: e.transferSize,
    })),
    longTasks: window.__bench ? window.__bench.longTasks : [],
  };
})()`;

/** What the browser sent to the simulated AWS, seen from the page (Playwright's request events). */
export interface SimTraffic {
  /** Requests started, by kind. */
  started: { kind: 'amplifybackend' | 'cognito'; method: string; path: string; at: number }[];
  /** AmplifyBackend requests in flight now, and the most ever at once. */
  backendInFlight: number;
  maxBackendInFlight: number;
  /** Any request to the simulation in flight now. */
  inFlight: number;
  /** Date.now() of the last request start or end. */
  lastActivity: number;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  changes: StatusChange[];
  traffic: SimTraffic;
  /** Resolves with the first status change (already seen or still to come) that `accept`s. */
  waitForStatus(accept: (change: StatusChange) => boolean, timeoutMs: number): Promise<StatusChange>;
  readTimings(): Promise<PageTimings>;
  setHidden(hidden: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  simOrigin: string;
  /** CPU slowdown and the emulated link (CONDITIONS). */
  throttle: boolean;
  overrideVisibility?: boolean;
  /** Install Playwright's fake clock (at the current time) before the first navigation. */
  fakeClock?: boolean;
}

/** A new browser context: a cold HTTP cache and empty storage. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
}

/**
 * One instrumented page, not yet navigated: in a new context (cold cache, no storage) when given
 * the browser, closed with it; in the given context (what an earlier visit left: cached assets,
 * stored identity ID) when given one, which then outlives the page.
 */
export async function openPage(target: Browser | BrowserContext, options: OpenOptions): Promise<OpenedPage> {
  const ownContext = 'newContext' in target;
  const context = ownContext ? await newContext(target) : target;
  const page = await context.newPage();
  const changes: StatusChange[] = [];
  const waiters = new Set<() => void>();
  await page.exposeBinding('__benchReport', (_source, change: StatusChange) => {
    changes.push(change);
    for (const wake of [...waiters]) wake();
  });
  await page.addInitScript(instrumentScript(options.overrideVisibility === true));

  const traffic: SimTraffic = { started: [], backendInFlight: 0, maxBackendInFlight: 0, inFlight: 0, lastActivity: Date.now() };
  const isBackend = (url: string) => new URL(url).pathname.startsWith('/backend/');
  page.on('request', (request) => {
    if (!request.url().startsWith(options.simOrigin) || request.method() === 'OPTIONS') return;
    const backend = isBackend(request.url());
    traffic.started.push({
      kind: backend ? 'amplifybackend' : 'cognito',
      method: request.method(),
      path: new URL(request.url()).pathname,
      at: Date.now(),
    });
    traffic.inFlight += 1;
    if (backend) {
      traffic.backendInFlight += 1;
      traffic.maxBackendInFlight = Math.max(traffic.maxBackendInFlight, traffic.backendInFlight);
    }
    traffic.lastActivity = Date.now();
  });
  const ended = (request: { url(): string; method(): string }) => {
    if (!request.url().startsWith(options.simOrigin) || request.method() === 'OPTIONS') return;
    traffic.inFlight -= 1;
    if (isBackend(request.url())) traffic.backendInFlight -= 1;
    traffic.lastActivity = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);

  if (options.throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: CONDITIONS.latencyMs,
      downloadThroughput: CONDITIONS.downloadBitsPerSecond / 8,
      uploadThroughput: CONDITIONS.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
  }
  if (options.fakeClock) await page.clock.install({ time: Date.now() });

  return {
    context,
    page,
    changes,
    traffic,
    waitForStatus(accept, timeoutMs) {
      return new Promise((resolve, reject) => {
        const found = () => changes.find(accept);
        const now = found();
        if (now) return resolve(now);
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(`no matching status within ${timeoutMs} ms (seen: ${changes.map((c) => c.text).join(', ') || 'none'})`),
          );
        }, timeoutMs);
        const wake = () => {
          const change = found();
          if (!change) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(change);
        };
        waiters.add(wake);
      });
    },
    readTimings: () => page.evaluate<PageTimings>(READ_TIMINGS),
    setHidden: async (hidden) => {
      await page.evaluate(`window.__benchSetHidden(${hidden ? 'true' : 'false'})`);
    },
    close: () => (ownContext ? context.close() : page.close()),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
