// @ts-check
/**
 * The linter is the architecture: the import rules below are the arrows drawn in
 * docs/architecture.md, and a change to one of them is a change to that document.
 *
 *   src/app ──▶ src/features/<one> ──▶ src/shared ──▶ (nothing of ours)
 *   src/cli ──────────────────────────▶ src/shared
 *
 * - shared imports nothing from features or app;
 * - a feature imports shared, never app and never another feature;
 * - src/cli (the terminal command) is a second composition root: it imports shared only, nothing imports it;
 * - src/simulated-aws is reached only by the demo entry (src/app/start.ts) and by tests;
 * - no import cycles anywhere.
 * Tests (`*.test.ts(x)`, src/test/) may cross the lines: they render the whole app.
 */
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['auth', 'board', 'environment-jobs', 'home', 'job'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'src/test/**'];
const DEMO_ENTRY = 'src/app/start.ts';

const NO_WAIT =
  'No real-time waits in tests: use fake timers (vi.advanceTimersByTimeAsync, page.clock) or await the event itself.';
/** `no-restricted-syntax` selectors for the ways a test can wait for real time to pass. */
const REAL_TIME_WAITS = [
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: `waitForTimeout: ${NO_WAIT}` },
  {
    selector: "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout']",
    message: `A promise settled by setTimeout is a sleep: ${NO_WAIT}`,
  },
  {
    selector: 'ImportDeclaration[source.value=/^(node:)?timers\\u002Fpromises$/]',
    message: `node:timers/promises sleeps: ${NO_WAIT}`,
  },
  {
    selector:
      'FunctionDeclaration[id.name=/^(sleep|delay)$/i], VariableDeclarator[id.name=/^(sleep|delay)$/i][init.type=/FunctionExpression$/]',
    message: `A sleep helper: ${NO_WAIT}`,
  },
  { selector: 'CallExpression[callee.name=/^(sleep|delay)$/i]', message: `A sleep: ${NO_WAIT}` },
];

/** `import-x/no-restricted-paths` zones: each says "files under target may not import from". */
const layerZones = [
  {
    target: './src/shared',
    from: ['./src/app', './src/features', './src/main.tsx'],
    message: 'shared/ is the bottom layer: it imports nothing from features/ or app/.',
  },
  {
    target: './src/features',
    from: ['./src/app', './src/main.tsx'],
    message: 'A feature never imports app/: pass what it needs as props or services.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: `A feature never reaches into another feature; move what ${feature}/ shares to shared/.`,
  })),
  {
    target: './src/simulated-aws',
    from: ['./src/app', './src/features', './src/main.tsx', './src/cli'],
    message: 'The simulated AWS stands apart from the app it simulates AWS for.',
  },
  {
    target: './src/cli',
    from: ['./src/app', './src/features', './src/main.tsx'],
    message: 'The terminal command (cli/) sits beside app/: it imports shared/ only.',
  },
  {
    target: ['./src/app', './src/features', './src/shared', './src/main.tsx'],
    from: './src/cli',
    message: 'Nothing imports the terminal command (cli/): it is a composition root, like app/.',
  },
];
const simulatedAwsZone = {
  target: ['./src/app', './src/features', './src/shared', './src/main.tsx', './src/cli'],
  from: './src/simulated-aws',
  message: `Only the demo entry (${DEMO_ENTRY}) and tests import simulated-aws/.`,
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-*',
      'test-results*',
      'playwright-report',
      'bench-results',
      'coverage',
      'public/mockServiceWorker.js',
      'deploy/hosting/amplify/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // TypeScript files are parsed as modules, so import-x follows them (no-cycle needs that).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-duplicates': 'error',
      // One order of imports everywhere: Node's, npm packages, then this repository's (parents before
      // siblings), each group alphabetical; side-effect imports (styles) stay where they are written.
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, simulatedAwsZone] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `void promise` is how this code says "fire and forget, errors are handled inside".
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // React event props take `() => void`; passing an async handler there is the idiom.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Plain JavaScript (configs, small Node scripts, the benchmark's no-framework page) has no types to check.
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The demo entry starts the simulated AWS; it obeys every other line.
    files: [DEMO_ENTRY],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // Tests render the whole app, reach into the simulated AWS and stub what they must.
    files: TESTS,
    rules: {
      'import-x/no-restricted-paths': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // No real-time waits in tests: on a busy machine a sleep is either too short (flaky) or too
    // long (slow). Time moves by fake timers (vi.useFakeTimers, vi.advanceTimersByTimeAsync) or
    // Playwright's page.clock; otherwise a test awaits the event it means (waitFor, expect.poll).
    files: [...TESTS, 'e2e/**'],
    rules: {
      'no-restricted-syntax': ['error', ...REAL_TIME_WAITS],
    },
  },
  {
    // Node-side code and config files sit outside the browser app's layers.
    files: ['*.config.{ts,js}', 'e2e/**', 'scripts/**', 'tools/**', 'deploy/**', 'bench/**'],
    rules: {
      'import-x/no-restricted-paths': 'off',
      // No React here: Playwright's fixture callback is named `use`, which the hooks rules mistake for React's.
      'react-hooks/rules-of-hooks': 'off',
    },
  },
);
