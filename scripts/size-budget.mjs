#!/usr/bin/env node
// Fails when the JavaScript a job deep link loads grows past its budgets, measured gzip as served:
//
// - before the status: the entry script, the modules index.html preloads with it and the stylesheets it
//   links. This is all that is evaluated before a job link's status is on screen (src/app/start.ts):
//   config, Amplify's Cognito credentials and user-pool tokens, SigV4, the two job clients, the plain-DOM
//   status. Amplify is most of it (~17 KB), SigV4 and SHA-256 ~4.5 KB, the config schema (valibot) ~1.5 KB,
//   ours ~15 KB. It is one file (tools/entryChunk.ts; at most one more, the bundler's runtime): more files
//   arrive in more waves over HTTP/1.1, and a split here means app-only code has crept onto the first load.
// - a job link in all: that, plus what the entry's `import('./boot')` fetches once the status is drawn
//   (React, React DOM, React Query, the shell and the job page). Lazy pages (board, home, lists, sign-in
//   screens) and the demo's simulated AWS are not counted: a job link never waits for them.
//
// History of the numbers: docs/performance.md. Each budget is the measured size plus about 1 KB: how the
// bundler splits shared modules into chunks moves a total by that much without any code growing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BEFORE_STATUS_JS_GZIP_BYTES = 39 * 1024;
export const BUDGET_BEFORE_STATUS_JS_FILES = 2;
export const BUDGET_JOB_LINK_JS_GZIP_BYTES = 142 * 1024;
export const BUDGET_CSS_GZIP_BYTES = 8 * 1024;

function gzipSize(distDir, href) {
  return gzipSync(readFileSync(join(distDir, href.replace(/^\//, '')))).length;
}

/** The entry, its preloads and the stylesheets index.html links: everything before the status. */
export function firstLoadAssets(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]);
  return {
    entry: scripts[0],
    js: [...new Set(scripts)].map((href) => ({ href, gzip: gzipSize(distDir, href) })),
    css: [...new Set(styles)].map((href) => ({ href, gzip: gzipSize(distDir, href) })),
  };
}

/**
 * The scripts the entry's dynamic import of the app fetches. Vite lists the files of all the entry's dynamic
 * imports once (`__vite__mapDeps`'s array) and each import names its own by index, its chunk first: the app's
 * is the one whose first file is the boot chunk.
 */
export function appAssets(distDir, entry) {
  const code = readFileSync(join(distDir, entry.replace(/^\//, '')), 'utf8');
  const list = /\[((?:"assets\/[^"]+",?)+)\]/.exec(code);
  const files = list ? [...list[1].matchAll(/"(assets\/[^"]+)"/g)].map((m) => `/${m[1]}`) : [];
  for (const [, indices] of code.matchAll(/__vite__mapDeps\(\[([\d,]+)\]\)/g)) {
    const chunkFiles = indices.split(',').map((index) => files[Number(index)]);
    if (chunkFiles[0] && /\/assets\/boot-[^/]+\.js$/.test(chunkFiles[0])) {
      return chunkFiles.filter((href) => href.endsWith('.js')).map((href) => ({ href, gzip: gzipSize(distDir, href) }));
    }
  }
  throw new Error(`No dynamic import of the app (assets/boot-*.js) found in ${entry}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const { entry, js, css } = firstLoadAssets(dist);
  const before = new Set(js.map((f) => f.href));
  const app = appAssets(dist, entry).filter((f) => !before.has(f.href));
  const total = (files) => files.reduce((sum, f) => sum + f.gzip, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('Before the status:');
  for (const f of [...js, ...css]) console.log(`${kb(f.gzip).padStart(9)}  ${f.href}`);
  console.log('Then the app, once the status is drawn:');
  for (const f of app) console.log(`${kb(f.gzip).padStart(9)}  ${f.href}`);
  const beforeJs = total(js);
  const jobLinkJs = beforeJs + total(app);
  const cssTotal = total(css);
  console.log(
    `JS before the status ${kb(beforeJs)} gzip (budget ${kb(BUDGET_BEFORE_STATUS_JS_GZIP_BYTES)}); ` +
      `a job link in all ${kb(jobLinkJs)} (budget ${kb(BUDGET_JOB_LINK_JS_GZIP_BYTES)}); ` +
      `CSS ${kb(cssTotal)} (budget ${kb(BUDGET_CSS_GZIP_BYTES)}); ` +
      `${js.length} script file${js.length === 1 ? '' : 's'} before the status (budget ${BUDGET_BEFORE_STATUS_JS_FILES})`,
  );
  if (
    js.length > BUDGET_BEFORE_STATUS_JS_FILES ||
    beforeJs > BUDGET_BEFORE_STATUS_JS_GZIP_BYTES ||
    jobLinkJs > BUDGET_JOB_LINK_JS_GZIP_BYTES ||
    cssTotal > BUDGET_CSS_GZIP_BYTES
  ) {
    console.error('Size budget exceeded.');
    process.exit(1);
  }
}
