import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * The terminal command (`amplify-job-watch`, src/cli/main.ts) as one ES module for Node 20.19+, in its
 * own folder beside the web build: src/ is bundled, npm dependencies (the AWS SDK's credential chain,
 * the SigV4 signer) stay imports, installed with the package. `npm run build` runs it after the page.
 * CLI_OUT_DIR builds elsewhere (the command's end-to-end tests build their own copy).
 */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  publicDir: false,
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: process.env.CLI_OUT_DIR ?? 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: 'amplify-job-watch.js' } },
  },
});
