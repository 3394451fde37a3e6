#!/usr/bin/env node
// Runs npm scripts side by side and fails when any of them fails: `node scripts/run-together.mjs lint typecheck`.
// Each one's output is kept and printed whole when it ends, under its name, so two outputs never interleave.
// Lint, the format check and the type check are each single-threaded: together they take about as long as
// the slowest of them instead of the sum.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-together.mjs <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runScript(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(npm, ['run', '--silent', name], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const finish = (code, error) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const output = Buffer.concat(chunks).toString().trimEnd();
      const ok = code === 0;
      console.log(`\n── npm run ${name}: ${ok ? 'passed' : `FAILED (${error ?? `exit code ${code}`})`} in ${seconds} s`);
      if (output) console.log(output);
      resolve(ok);
    };
    child.on('error', (error) => finish(null, error.message));
    child.on('close', (code, signal) => finish(code, signal ? `signal ${signal}` : undefined));
  });
}

const results = await Promise.all(names.map(runScript));
const failed = names.filter((_, i) => !results[i]);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((name) => `npm run ${name}`).join(', ')}`);
  process.exit(1);
}
