import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The one static host of the test harness (the end-to-end suite through scripts/serve.ts, the
 * benchmark), a static host in miniature: every file of a folder held in memory with its gzip
 * (zlib's default level, as `scripts/size-budget.mjs` measures), sent gzipped to browsers that
 * accept it; unknown paths fall back to index.html (client-side routes), but a missing `/assets/*` or
 * `/config.json` is a 404 (the app starts its demo only on a 404); `/config.json` comes from memory when given; hashed `/assets/*` are cached for a year, everything else is `no-cache`; the
 * given headers (the site's security headers) go with every answer.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;
/** Files a host reads for itself and never serves. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

export interface StaticSite {
  origin: string;
  /** The gzip size of a served path (what a browser that accepts gzip receives as the body). */
  gzipSize(path: string): number | undefined;
  close(): Promise<void>;
}

function fileEntry(body: Buffer, type: string): StaticFile {
  return { body, type, gzip: COMPRESSIBLE.test(type) ? gzipSync(body) : null };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export interface StaticSiteOptions {
  dir: string;
  /** Any free port when absent or 0. */
  port?: number;
  /** Served as /config.json (from memory) when given. */
  config?: unknown;
  /** Apply the folder's `_headers` file (the build's security and cache headers) as Netlify and Cloudflare Pages do. */
  headersFile?: boolean;
}

/** `_headers` rules: a path pattern (`*` matches anything) on its own line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: Record<string, string> }[] {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

export async function serveStatic(options: StaticSiteOptions): Promise<StaticSite> {
  const files = new Map<string, StaticFile>();
  for (const file of listFiles(options.dir)) {
    const path = `/${relative(options.dir, file).split(sep).join('/')}`;
    if (HOST_FILES.has(path)) continue;
    files.set(path, fileEntry(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream'));
  }
  if (options.config !== undefined) {
    files.set('/config.json', fileEntry(Buffer.from(JSON.stringify(options.config)), TYPES['.json'] as string));
  }
  const headerRules = options.headersFile ? parseHeadersFile(readFileSync(join(options.dir, '_headers'), 'utf8')) : [];
  const headersFor = (path: string): Record<string, string> =>
    Object.assign({}, ...headerRules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers)) as Record<
      string,
      string
    >;
  const index = files.get('/index.html');
  if (!index) throw new Error(`${options.dir} has no index.html`);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = files.get(path);
    if (!file && (path.startsWith('/assets/') || path === '/config.json')) {
      // Not the year-long caching of /assets/*: a chunk's 404 during a deployment must not be kept.
      res.writeHead(404, { ...headersFor(path), 'cache-control': 'no-cache', 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const requested = path;
    if (!file) {
      file = index;
      path = '/index.html';
    }
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...headersFor(requested),
    };
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? (file.gzip as Buffer) : file.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`,
    gzipSize: (path) => {
      const file = files.get(path);
      return file ? (file.gzip ?? file.body).length : undefined;
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
