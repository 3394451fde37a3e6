import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A static host in miniature: every file of a folder held in memory with its gzip (zlib's default
 * level, as `scripts/size-budget.mjs` measures), sent gzipped to browsers that accept it; unknown
 * paths fall back to index.html (client-side routes); `/config.json` comes from memory; hashed
 * `/assets/*` are cached for a year, everything else is `no-cache`.
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

export async function serveStatic(options: { dir: string; port: number; config: unknown }): Promise<StaticSite> {
  const files = new Map<string, StaticFile>();
  for (const file of listFiles(options.dir)) {
    const path = `/${relative(options.dir, file).split(sep).join('/')}`;
    if (HOST_FILES.has(path)) continue;
    files.set(path, fileEntry(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream'));
  }
  files.set('/config.json', fileEntry(Buffer.from(JSON.stringify(options.config)), TYPES['.json'] as string));
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
    if (!file && path.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (!file) {
      file = index;
      path = '/index.html';
    }
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
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
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  return {
    origin: `http://127.0.0.1:${options.port}`,
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
