/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy, headersFile, securityHeaders } from './deploy/securityHeaders.ts';
import { amplifyBackendDevProxy } from './tools/viteProxy.ts';

/**
 * The production build carries a Content-Security-Policy allowing only 'self' and AWS, as a meta
 * element and in a `_headers` file. The dev server goes without: its hot-reload preamble is an
 * inline script.
 */
function securityHeadersPlugin(connectExtra: string): Plugin {
  return {
    name: 'security-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(connectExtra) });
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(connectExtra) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * `VITE_DEMO=off`: a build for a real deployment only. boot.tsx then never imports the simulated AWS
 * (the bundler drops it as dead code) and the demo's service worker is left out of the output.
 */
function withoutDemoPlugin(): Plugin {
  return {
    name: 'without-demo',
    apply: 'build',
    writeBundle(options) {
      rmSync(join(options.dir ?? 'dist', 'mockServiceWorker.js'), { force: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const connectExtra = env.CSP_CONNECT_EXTRA ?? '';
  return {
    plugins: [react(), securityHeadersPlugin(connectExtra), ...(env.VITE_DEMO === 'off' ? [withoutDemoPlugin()] : [])],
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        output: {
          // One chunk for what every page needs from npm, so a deep link is not a waterfall of small chunks.
          advancedChunks: {
            groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ }],
          },
        },
      },
    },
    // AMPLIFYBACKEND_PROXY_REGION=<region>: /amplifybackend/* → AmplifyBackend, same origin (tools/viteProxy.ts).
    server: { host: '127.0.0.1', port: 5173, proxy: amplifyBackendDevProxy(env) },
    // `vite preview` stands in for the static host: it sends the same headers as the `_headers` file.
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders(connectExtra) },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'deploy/**/*.test.ts', 'tools/**/*.test.ts'],
      restoreMocks: true,
    },
  };
});
