#!/usr/bin/env node
// Fails when the packages the browser receives (dependencies, not devDependencies) have a high or
// critical advisory. When the registry's audit endpoint cannot be reached (some mirrors and closed
// networks refuse it), says so loudly and does not pretend the audit passed or failed.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.warn(
    `npm audit could not run here: ${report.message ?? report.error?.summary ?? 'no report'}. The dependency audit was NOT checked.`,
  );
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`${serious} high or critical advisories in production dependencies.`);
  process.exit(1);
}
