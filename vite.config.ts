import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import {
  contentSecurityPolicy,
  headersFile,
  hostedUiDomainOf,
  securityHeaders,
  type ConnectOptions,
} from './deploy/securityHeaders.ts';
import { entryClosure } from './tools/entryChunk.ts';
import { missingConfigIs404 } from './tools/missingConfig404.ts';
import { devProxy } from './tools/viteProxy.ts';

/**
 * The production build carries a Content-Security-Policy allowing only 'self' and the AWS hosts the
 * page calls, as a meta element and in a `_headers` file. The dev server goes without: its
 * hot-reload preamble is an inline script.
 */
function securityHeadersPlugin(connect: ConnectOptions): Plugin {
  return {
    name: 'security-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(connect) });
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(connect) },
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

/** The Hosted UI domain of `public/config.json`, when `npm run config` wrote one before the build. */
function configuredHostedUiDomain(): string | undefined {
  const file = new URL('./public/config.json', import.meta.url);
  if (!existsSync(file)) return undefined;
  try {
    return hostedUiDomainOf(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Unit tests (`*.test.ts`) run in Node, without a DOM to set up; these few test code that reads the
 * browser's own objects (storage, document, navigator) and run in jsdom with the component tests.
 */
const DOM_UNIT_TESTS = [
  'src/shared/browser/**/*.test.ts',
  'src/shared/aws/credentials.test.ts',
  'src/shared/config/loadConfig.test.ts',
  'src/features/home/openJobChecks.test.ts',
  'src/features/job/timeline.test.ts',
  'src/features/job/useJobShortcuts.test.ts',
  // Amplify keeps its session in localStorage.
  'src/simulated-aws/userPool.test.ts',
  'src/simulated-aws/node/userPoolOverHttp.test.ts',
  'src/app/longWatch.test.ts',
  'src/app/takeoverFocus.test.ts',
];

/**
 * DOM tests that need a page and module graph of their own (the dom project shares one per worker):
 * module mocks (`vi.mock`); the moment before a module's first use (the locale's formats, whose
 * formatters are built once per page in the time zone of that moment); and signing in and out of a
 * deep link under StrictMode with the cross-tab elections, which loses its sign-in when it runs after
 * other files in a shared page (the leftover that signs it out is not pinned down yet).
 */
const DOM_OWN_PAGE_TESTS = [
  'src/app/ErrorPages.test.tsx',
  // vi.mock of a page the shared module graph has already loaded.
  'src/app/renderError.test.tsx',
  'src/shared/ui/localeFormats.test.tsx',
  'src/app/deepLink.test.tsx',
  // The app booted over the entry's first status (a board's rows): its React root stays mounted to the end of the file.
  'src/app/takeover.test.tsx',
  'src/app/boardTakeover.test.tsx',
];

/** Lines and branches covered (`npm run test:unit`), for src/ and the two layers most of the rules live in. */
const COVERAGE_THRESHOLDS = {
  lines: 94,
  branches: 86,
  'src/features/**': { lines: 94, branches: 88 },
  'src/shared/**': { lines: 97, branches: 92 },
};

/**
 * Modules that packages say have side effects, but whose effects only matter to code that calls them:
 * - a pure-JS SHA-256 and uuid, imported bare by Amplify's core for its Pinpoint and Signer code, which
 *   this app never calls;
 * - Amplify auth's `signInWithRedirect`, whose one effect is to import the Hosted UI's OAuth listener.
 *   The sign-in UI that calls it brings the listener along; the page that a Hosted UI sign-in returns to
 *   imports it itself (app/boot.tsx). Otherwise any import from `@aws-amplify/auth/cognito` (the
 *   credential providers) pulled the whole OAuth flow onto a job link's first load.
 * Without side effects they stay out unless something uses them.
 */
const FREE_OF_SIDE_EFFECTS =
  /node_modules[\\/](@aws-crypto[\\/]sha256-js[\\/]|uuid[\\/]|@aws-amplify[\\/]auth[\\/]dist[\\/]esm[\\/]providers[\\/]cognito[\\/]apis[\\/]signInWithRedirect\.mjs$)/;
const moduleSideEffects = (id: string) => !FREE_OF_SIDE_EFFECTS.test(id);

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  // CSP_CONNECT_EXTRA: more origins for connect-src; CSP_HOSTED_UI_DOMAIN: the Hosted UI's domain (default:
  // the one in public/config.json). Both are checked here: a bad value stops the build, naming the variable.
  const connect: ConnectOptions = {
    connectExtra: env.CSP_CONNECT_EXTRA ?? '',
    hostedUiDomain: env.CSP_HOSTED_UI_DOMAIN || configuredHostedUiDomain(),
  };
  const previewHeaders = securityHeaders(connect);
  const entry = entryClosure({ moduleSideEffects });
  return {
    plugins: [
      react(),
      securityHeadersPlugin(connect),
      missingConfigIs404(),
      entry.plugin,
      ...(env.VITE_DEMO === 'off' ? [withoutDemoPlugin()] : []),
    ],
    build: {
      target: 'es2022',
      // Source maps are written (the benchmark reads them) but not referenced from the bundles; upload
      // them only on purpose. BUILD_SOURCEMAP=public references them for those who publish them.
      sourcemap: env.BUILD_SOURCEMAP === 'public' ? true : 'hidden',
      rolldownOptions: {
        treeshake: { moduleSideEffects },
        output: {
          codeSplitting: {
            groups: [
              // What a job link evaluates before its status is one file, the entry (and the bundler's small
              // runtime beside it). Left alone, the bundler gives every module the entry shares with the lazily
              // loaded app a chunk of its own: 9 more files, which the static host's six HTTP/1.1 connections
              // fetched in two waves. tools/entryChunk.ts finds those modules (index.html's included, so this
              // chunk is the entry); the app's chunks import from it, as it is always loaded first. Not
              // following their imports again: that would also take in all a package's index re-exports.
              { name: 'index', test: entry.has, includeDependenciesRecursively: false, priority: 1 },
              // One chunk for what every page needs from npm, so a deep link is not a waterfall of small chunks.
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
            ],
          },
        },
      },
    },
    // AMPLIFYBACKEND_PROXY_REGION / AMPLIFY_PROXY_REGION=<region>: /amplifybackend/* → AmplifyBackend and /amplify/* →
    // Amplify Hosting, same origin (tools/viteProxy.ts).
    server: { host: '127.0.0.1', port: 5173, proxy: devProxy(env) },
    // `vite preview` stands in for the static host: it sends the same headers as the `_headers` file.
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: previewHeaders },
    test: {
      restoreMocks: true,
      // A limit on how long one test may take on a busy two-core CI machine, not a speed being asserted:
      // a test that renders the app, signs requests and pages through lists can take seconds under load.
      testTimeout: 20_000,
      // Vitest's default on two cores is one worker; the tests mostly wait on I/O, so use both.
      maxWorkers: 2,
      coverage: {
        provider: 'v8',
        include: ['src/**'],
        reporter: ['text-summary', 'json-summary'],
        // What the suite reaches, rounded down: coverage cannot drop without someone lowering these.
        thresholds: COVERAGE_THRESHOLDS,
      },
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            // One module graph per worker for all these files: none of them leaves state behind that another
            // reads. Forks, not threads: a worker thread cannot change its time zone (process.env.TZ).
            isolate: false,
            setupFiles: ['./src/test/setupNode.ts'],
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'deploy/**/*.test.ts', 'tools/**/*.test.ts'],
            exclude: [...configDefaults.exclude, ...DOM_UNIT_TESTS],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            isolate: false,
            // setupNode first: its afterEach runs after setup's (hooks unwind in reverse order). Both are listed,
            // not imported one from the other: Vitest runs each setup file again for every test file, but a
            // module a setup file imports only once per worker.
            setupFiles: ['./src/test/setupNode.ts', './src/test/setup.ts'],
            include: ['src/**/*.test.tsx', ...DOM_UNIT_TESTS],
            exclude: [...configDefaults.exclude, ...DOM_OWN_PAGE_TESTS],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom-own-page',
            environment: 'jsdom',
            setupFiles: ['./src/test/setupNode.ts', './src/test/setup.ts'],
            include: DOM_OWN_PAGE_TESTS,
          },
        },
      ],
    },
  };
});
