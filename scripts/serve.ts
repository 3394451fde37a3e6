/**
 * `tsx scripts/serve.ts <dir> [--port <port>]`: a built site served the way a static host serves it
 * (tools/staticServer.ts: gzip, SPA fallback, immutable assets), with the security and cache headers
 * of the build's own `_headers` file. The end-to-end suite's web server.
 */
import { parseArgs } from 'node:util';
import { serveStatic } from '../tools/staticServer';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '4173' } } });
const dir = positionals[0];
if (!dir) {
  process.stderr.write('usage: tsx scripts/serve.ts <dir> [--port <port>]\n');
  process.exit(2);
}
const site = await serveStatic({ dir, port: Number(values.port), headersFile: true });
process.stdout.write(`${dir} served on ${site.origin}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void site.close().then(() => process.exit(0)));
}
