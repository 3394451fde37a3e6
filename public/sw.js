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
 */
const BUILD = new URL(self.location.href).searchParams.get('build') || 'unversioned';
const PREFIX = 'job-watch-shell:';
const CACHE = PREFIX + BUILD;
const SHELL = '/index.html';

function isShellFile(url) {
  return (
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/icons/') ||
    url.pathname === '/favicon.svg' ||
    url.pathname === '/manifest.webmanifest'
  );
}

async function fetchOk(request) {
  const response = await fetch(request);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${typeof request === 'string' ? request : request.url}`);
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetchOk(new Request('/', { cache: 'no-cache' }));
      const html = await page.clone().text();
      await cache.put(SHELL, page);
      const named = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)]
        .map((match) => new URL(match[1], self.location.origin))
        .filter(isShellFile)
        .map((url) => url.pathname);
      await cache.addAll([...new Set(named)]);
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
    const html = (response.headers.get('content-type') || '').includes('text/html');
    if (response.ok && html) await (await caches.open(CACHE)).put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function shellFile(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// The page names the files it loaded before this worker controlled it (lazy chunks among them).
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
      for (const url of new Set(urls)) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
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
