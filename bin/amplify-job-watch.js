#!/usr/bin/env node
// The `amplify-job-watch` command (package.json "bin"): checks the Node version, then runs the build in dist-cli/.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`amplify-job-watch needs Node.js 20.19 or later; this is ${process.versions.node}.\n`);
  process.exit(2);
}
import('../dist-cli/amplify-job-watch.js').catch((error) => {
  const notBuilt = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist-cli');
  process.stderr.write(
    notBuilt
      ? 'amplify-job-watch is not built yet: run `npm run build` in the package first.\n'
      : `amplify-job-watch could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
