/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production build carries a Content-Security-Policy allowing only 'self' and AWS. A
 * deployment that talks to another origin (an emulator, a proxy on another host, the end-to-end
 * suite's simulated AWS) names it at build time: CSP_CONNECT_EXTRA="http://127.0.0.1:4010".
 * The dev server goes without: its hot-reload preamble is an inline script.
 */
export function contentSecurityPolicy(connectExtra: string): string {
  // Cognito and AmplifyBackend live on *.amazonaws.com; a Hosted UI's token endpoint on *.amazoncognito.com.
  const connect = ["'self'", 'https://*.amazonaws.com', 'https://*.amazoncognito.com', ...connectExtra.split(/\s+/).filter(Boolean)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
  ].join('; ');
}

function cspMeta(connectExtra: string): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(connectExtra) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [react(), cspMeta(env.CSP_CONNECT_EXTRA ?? '')],
    build: {
      target: 'es2022',
      sourcemap: true,
    },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
    },
  };
});
