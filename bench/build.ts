import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');
const SDK_DIR = resolve(import.meta.dirname, 'sdk');

/**
 * The SDK variant: every import of src/shared/aws/amplifyBackend.ts (and of src/shared/aws/signedFetch.ts, only
 * so the SDK client can reach the app's credential source) resolves to the stand-ins in ./sdk,
 * except the stand-ins' own imports of the originals.
 */
function sdkClientPlugin(): Plugin {
  const replacements = new Map([
    [resolve(ROOT, 'src/shared/aws/amplifyBackend.ts'), resolve(SDK_DIR, 'amplifyBackend.ts')],
    [resolve(ROOT, 'src/shared/aws/signedFetch.ts'), resolve(SDK_DIR, 'signedFetch.ts')],
  ]);
  const used = new Set<string>();
  return {
    name: 'bench-sdk-client',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(SDK_DIR) || !/amplifyBackend|signedFetch/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const replacement = resolved ? replacements.get(resolved.id) : undefined;
      if (!replacement) return null;
      used.add(replacement);
      return replacement;
    },
    buildEnd() {
      if (used.size !== replacements.size) {
        this.error(`The SDK build replaced ${used.size} of ${replacements.size} modules: has src/aws moved?`);
      }
    },
  };
}

export type BuiltVariant = 'app' | 'sdk';

/** A production build of the app (or its SDK variant) whose CSP also allows `connectExtra`. */
export async function buildApp(variant: BuiltVariant, outDir: string, connectExtra: string): Promise<void> {
  const previous = process.env.CSP_CONNECT_EXTRA;
  process.env.CSP_CONNECT_EXTRA = connectExtra;
  try {
    await build({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      plugins: variant === 'sdk' ? [sdkClientPlugin()] : [],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.CSP_CONNECT_EXTRA;
    else process.env.CSP_CONNECT_EXTRA = previous;
  }
}
