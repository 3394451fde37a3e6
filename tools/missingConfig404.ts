import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The dev server and `vite preview` answer a missing `/config.json` with 404, as every deployment
 * recipe's host does, instead of their SPA fallback's index.html: the app starts its demo only on a
 * 404 (an HTML answer is a config problem, since on a real site it means config.json went missing).
 */
export function missingConfigIs404(): Plugin {
  let publicDir = 'public';
  let outDir = 'dist';
  const answer404 =
    (dir: () => string) =>
    (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/config.json' || existsSync(join(dir(), 'config.json'))) return next();
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('No config.json: the dashboard runs its demo.');
    };
  return {
    name: 'job-watch:missing-config-404',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(answer404(() => publicDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(answer404(() => outDir));
    },
  };
}
