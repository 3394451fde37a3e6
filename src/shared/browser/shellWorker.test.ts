/**
 * The app-shell worker (public/sw.js), run as it is in a sandbox with a fake network and Cache
 * Storage: what it keeps, and above all what it must not keep under a file's name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SHELL_CACHE_PREFIX } from './offlineShell';

const ORIGIN = 'https://jobs.example.com';
const CODE = readFileSync(join(process.cwd(), 'public/sw.js'), 'utf8');
const INDEX_HTML =
  '<!doctype html><script type="module" src="/assets/index-A.js"></script><link rel="stylesheet" href="/assets/index-A.css">';

type Answer = { status?: number; type?: string; body?: string; url?: string; redirected?: boolean };
/** What the network answers for a URL (a function, so a test can change it between requests). */
type Network = (url: string) => Answer;

const js = (body = 'export {}'): Answer => ({ type: 'text/javascript', body });
const html = (): Answer => ({ type: 'text/html; charset=utf-8', body: INDEX_HTML });

function response(answer: Answer): Response {
  const made = new Response(answer.body ?? '', {
    status: answer.status ?? 200,
    headers: answer.type ? { 'content-type': answer.type } : {},
  });
  if (answer.url !== undefined) Object.defineProperty(made, 'url', { value: answer.url });
  if (answer.redirected) Object.defineProperty(made, 'redirected', { value: true });
  return made;
}

class FakeRequest {
  url: string;
  method = 'GET';
  mode: string;
  constructor(url: string, init: { mode?: string } = {}) {
    this.url = new URL(url, ORIGIN).href;
    this.mode = init.mode ?? 'cors';
  }
}

function startWorker(network: Network) {
  const listeners = new Map<string, (event: unknown) => void>();
  const storage = new Map<string, Map<string, Response>>();
  const fetched: string[] = [];
  const keyOf = (request: string | { url: string }) => new URL(typeof request === 'string' ? request : request.url, ORIGIN).href;
  const caches = {
    open: (name: string) => {
      const store = storage.get(name) ?? new Map<string, Response>();
      storage.set(name, store);
      return Promise.resolve({
        match: (request: string | { url: string }) => Promise.resolve(store.get(keyOf(request))?.clone()),
        put: (request: string | { url: string }, answer: Response) => Promise.resolve(void store.set(keyOf(request), answer)),
        delete: (request: string | { url: string }) => Promise.resolve(store.delete(keyOf(request))),
        // Cache Storage's own: any 2xx is stored, whatever it is.
        addAll: (requests: string[]) => {
          for (const request of requests) {
            const answer = response(network(keyOf(request)));
            if (!answer.ok) return Promise.reject(new TypeError(`HTTP ${answer.status}`));
            store.set(keyOf(request), answer);
          }
          return Promise.resolve();
        },
        add: (request: string) => {
          const answer = response(network(keyOf(request)));
          if (!answer.ok) return Promise.reject(new TypeError(`HTTP ${answer.status}`));
          store.set(keyOf(request), answer);
          return Promise.resolve();
        },
      });
    },
    keys: () => Promise.resolve([...storage.keys()]),
    delete: (name: string) => Promise.resolve(storage.delete(name)),
  };
  const fetch = (request: string | { url: string }) => {
    const url = keyOf(request);
    fetched.push(url);
    return Promise.resolve(response(network(url)));
  };
  const self = {
    location: new URL(`${ORIGIN}/sw.js?build=%2Fassets%2Findex-A.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  const context = createContext({ self, caches, fetch, Request: FakeRequest, Response, URL, Set, console });
  runInContext(CODE, context);
  const cacheName = runInContext('CACHE', context) as string;

  return {
    fetched,
    storage,
    cacheName,
    fits: (path: string, answer: Answer) =>
      (context.fits as (path: string, response: Response) => boolean)(path, response(answer)),
    kept: () => [...(storage.get(cacheName)?.keys() ?? [])].map((url) => new URL(url).pathname).sort(),
    async install(): Promise<void> {
      let work: Promise<unknown> = Promise.resolve();
      listeners.get('install')?.({ waitUntil: (promise: Promise<unknown>) => (work = promise) });
      await work;
    },
    async activate(): Promise<void> {
      let work: Promise<unknown> = Promise.resolve();
      listeners.get('activate')?.({ waitUntil: (promise: Promise<unknown>) => (work = promise) });
      await work;
    },
    /** A GET of the page (mode navigate) or of a file; what the page gets. */
    async get(path: string, mode = 'no-cors'): Promise<Response | undefined> {
      let answer: Promise<Response> | undefined;
      listeners.get('fetch')?.({
        request: new FakeRequest(path, { mode }),
        respondWith: (promise: Promise<Response>) => (answer = promise),
      });
      return answer;
    },
  };
}

/** A site during a deployment: the new chunk is not uploaded yet, and the host's SPA fallback answers for it. */
function deploying() {
  let uploaded = false;
  const network: Network = (url) => {
    const path = new URL(url).pathname;
    if (path === '/' || path === '/index.html') return html();
    if (path === '/assets/index-A.js') return js();
    if (path === '/assets/index-A.css') return { type: 'text/css', body: 'body{}' };
    if (path === '/assets/JobPage-B.js') return uploaded ? js('export const page = 1') : html();
    return { status: 404, type: 'application/xml', body: '<Error/>' };
  };
  return { network, finishUpload: () => (uploaded = true) };
}

describe('the app-shell worker (public/sw.js)', () => {
  it('never keeps index.html answered for a chunk not uploaded yet: once it is, the chunk loads', async () => {
    const site = deploying();
    const worker = startWorker(site.network);
    await worker.install();

    const during = await worker.get('/assets/JobPage-B.js');
    // The page gets what the network said (its import fails and it offers a reload) …
    expect(during?.headers.get('content-type')).toContain('text/html');
    // … but nothing is kept under the chunk's name.
    expect(worker.kept()).not.toContain('/assets/JobPage-B.js');

    site.finishUpload();
    const after = await worker.get('/assets/JobPage-B.js');
    expect(after?.headers.get('content-type')).toBe('text/javascript');
    expect(await after?.text()).toBe('export const page = 1');
    expect(worker.kept()).toContain('/assets/JobPage-B.js');
    // From then on it comes from the cache.
    const count = worker.fetched.length;
    expect(await (await worker.get('/assets/JobPage-B.js'))?.text()).toBe('export const page = 1');
    expect(worker.fetched.length).toBe(count);
  });

  it('drops an entry that does not fit its name (kept by an older worker) and asks the network again', async () => {
    const site = deploying();
    site.finishUpload();
    const worker = startWorker(site.network);
    await worker.install();
    const store = worker.storage.get(worker.cacheName);
    store?.set(`${ORIGIN}/assets/JobPage-B.js`, response(html()));

    const answer = await worker.get('/assets/JobPage-B.js');
    expect(await answer?.text()).toBe('export const page = 1');
    expect(store?.get(`${ORIGIN}/assets/JobPage-B.js`)?.headers.get('content-type')).toBe('text/javascript');
  });

  it('installs the shell: index.html and the files it names, each fitting its name', async () => {
    const worker = startWorker(deploying().network);
    await worker.install();
    expect(worker.kept()).toEqual(['/assets/index-A.css', '/assets/index-A.js', '/index.html']);
  });

  it('does not install a shell whose named file came back as HTML (it tries again on the next visit)', async () => {
    const worker = startWorker((url) => (new URL(url).pathname === '/assets/index-A.css' ? html() : deploying().network(url)));
    await expect(worker.install()).rejects.toThrow('/assets/index-A.css');
    expect(worker.kept()).not.toContain('/index.html');
    expect(worker.kept()).not.toContain('/assets/index-A.css');
  });

  it('keeps the page only when it is HTML, and drops caches kept under an older rule or build on activation', async () => {
    const worker = startWorker(deploying().network);
    worker.storage.set('job-watch-shell:/assets/index-OLD.js', new Map());
    worker.storage.set('other-cache', new Map());
    await worker.activate();
    expect([...worker.storage.keys()]).toEqual(['other-cache']);
    expect(worker.cacheName).toBe('job-watch-shell:v2:/assets/index-A.js');
    // The page's Reload after a chunk failed drops the caches by this prefix (offlineShell.ts).
    expect(worker.cacheName.startsWith(SHELL_CACHE_PREFIX)).toBe(true);

    const plain = startWorker(() => ({ type: 'text/plain', body: 'maintenance' }));
    await plain.get('/apps/a/environments/b/jobs/c', 'navigate');
    expect(plain.kept()).toEqual([]);
  });

  it.each<[string, string, Answer, boolean]>([
    ['a script as JavaScript', '/assets/a.js', js(), true],
    ['a script as application/javascript', '/assets/a.js', { type: 'application/javascript; charset=utf-8' }, true],
    ['a style as CSS', '/assets/a.css', { type: 'text/css' }, true],
    ['an icon as SVG', '/favicon.svg', { type: 'image/svg+xml' }, true],
    ['the manifest', '/manifest.webmanifest', { type: 'application/manifest+json' }, true],
    ['a PNG icon', '/icons/icon-192.png', { type: 'image/png' }, true],
    ['index.html as HTML', '/index.html', html(), true],
    ['HTML under a script’s name', '/assets/a.js', html(), false],
    ['HTML under a style’s name', '/assets/a.css', html(), false],
    ['HTML under an unknown extension', '/assets/a.bin', html(), false],
    ['JSON under a script’s name', '/assets/a.js', { type: 'application/json' }, false],
    ['a script without a content-type', '/assets/a.js', { body: 'export {}' }, false],
    ['a 404', '/assets/a.js', { ...js(), status: 404 }, false],
    ['a redirected answer', '/assets/a.js', { ...js(), redirected: true }, false],
    ['an answer from another origin', '/assets/a.js', { ...js(), url: 'https://cdn.example.net/assets/a.js' }, false],
    ['an answer from this origin', '/assets/a.js', { ...js(), url: `${ORIGIN}/assets/a.js` }, true],
  ])('fits: %s → %s', (_label, path, answer, expected) => {
    expect(startWorker(() => js()).fits(path, answer)).toBe(expected);
  });
});
