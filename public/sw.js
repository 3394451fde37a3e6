/*
 * Amplify Job Watch: the app shell, kept so the page opens with no network.
 *
 * Registered by src/shared/browser/offlineShell.ts for a real deployment (never in demo mode, where the
 * simulated AWS owns the worker scope) as /sw.js?build=<the entry script's path>. A new deployment
 * has a new entry script, so a new worker: it installs in the background on the next visit, takes
 * over at once and drops the older deployment's cache.
 *
 * What it keeps: index.html, the scripts and styles it names, and same-origin /assets/, /icons/,
 * /favicon.svg and /manifest.webmanifest as the page loads them. Pages are asked of the network first
 * and only answered from the cache when the network fails. It never touches another origin (AWS,
 * Cognito), any request but a GET, config.json (the page keeps its own copy) or /amplifybackend/.
 *
 * What it stores (`fits`): only a same-origin, successful, unredirected answer whose content-type fits
 * the file's name, never HTML under a script's or style's name. During a deployment a host with an SPA
 * fallback may answer a chunk that is not uploaded yet with index.html (200); kept under the chunk's
 * name, that would break the page until the next deployment. An answer that does not fit is passed to
 * the page (which fails and offers a reload) but not kept, so the next load asks the network again.
 */
const BUILD = new URL(self.location.href).searchParams.get('build') || 'unversioned';
const PREFIX = 'job-watch-shell:';
// The rule's version is part of the name: caches kept under an older rule are dropped on activation.
const CACHE = PREFIX + 'v2:' + BUILD;
const SHELL = '/index.html';

/** The content-types a file of the shell may come with, by its name's extension. */
const TYPES = {
  '.js': ['text/javascript', 'application/javascript', 'application/x-javascript'],
  '.mjs': ['text/javascript', 'application/javascript'],
  '.css': ['text/css'],
  '.html': ['text/html'],
  '.svg': ['image/svg+xml'],
  '.png': ['image/png'],
  '.ico': ['image/x-icon', 'image/vnd.microsoft.icon'],
  '.webp': ['image/webp'],
  '.woff2': ['font/woff2'],
  '.json': ['application/json'],
  '.webmanifest': ['application/manifest+json', 'application/json'],
};

/**
 * May this answer be kept under this path? Same origin, 2xx, not redirected, and a content-type that
 * fits the name (an unknown extension: anything but HTML; no content-type: never).
 */
function fits(path, response) {
  if (!response || !response.ok || response.redirected) return false;
  if (response.url && new URL(response.url).origin !== self.location.origin) return false;
  if (response.type && response.type !== 'basic' && response.type !== 'default') return false;
  const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (!type) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const allowed = dot > 0 ? TYPES[name.slice(dot).toLowerCase()] : undefined;
  if (allowed) return allowed.includes(type);
  return type !== 'text/html';
}

function isShellFile(url) {
  return (
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/icons/') ||
    url.pathname === '/favicon.svg' ||
    url.pathname === '/manifest.webmanifest'
  );
}

/** Fetches a shell file and keeps it when it fits; true when kept. */
async function keep(cache, path, init) {
  const response = await fetch(new Request(path, init));
  if (!fits(path, response)) return false;
  await cache.put(path, response);
  return true;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(new Request('/', { cache: 'no-cache' }));
      if (!fits(SHELL, page)) throw new Error(`index.html answered HTTP ${page.status} (${page.headers.get('content-type')})`);
      const html = await page.clone().text();
      const named = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)]
        .map((match) => new URL(match[1], self.location.origin))
        .filter(isShellFile)
        .map((url) => url.pathname);
      // Every file the page names, fitting, or no install: this worker then tries again on the next visit.
      for (const path of new Set(named)) {
        if (!(await keep(cache, path, { cache: 'no-cache' }))) throw new Error(`${path} did not fit its name`);
      }
      await cache.put(SHELL, page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function page(request) {
  try {
    const response = await fetch(request);
    if (fits(SHELL, response)) await (await caches.open(CACHE)).put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function shellFile(request) {
  const path = new URL(request.url).pathname;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached && fits(path, cached)) return cached;
  if (cached) await cache.delete(request);
  const response = await fetch(request);
  if (fits(path, response)) await cache.put(request, response.clone());
  return response;
}

// The page names the files it loaded before this worker controlled it (lazy chunks among them).
// (To load afresh after a chunk failed, the page deletes these caches itself: see offlineShell.ts.)
self.addEventListener('message', (event) => {
  const { data } = event;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((url) => typeof url === 'string')
    .map((url) => new URL(url, self.location.origin))
    .filter((url) => url.origin === self.location.origin && isShellFile(url))
    .map((url) => url.pathname);
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of new Set(urls)) if (!(await cache.match(url))) await keep(cache, url).catch(() => false);
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (isShellFile(url)) event.respondWith(shellFile(request));
});
