import { cpus } from 'node:os';
import type { EconomyResult } from './economy';
import type { LoadRun } from './load';
import { VARIANTS, type Summaries } from './report';
import type { RouteCount } from './requestsPerPoll';
import { kb } from './stats';

/** Progress on stderr (the table goes to stdout), the notes under the table, the median load's waterfall. */

const began = Date.now();
export function progress(message: string): void {
  const seconds = Math.round((Date.now() - began) / 1000);
  process.stderr.write(
    `[bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] ${message}\n`,
  );
}

export function notesFor(
  summaries: Summaries,
  extra: {
    economyError: string | undefined;
    economy: EconomyResult | undefined;
    loadAtStart: number;
    loadAtEnd: number;
    perPoll: { direct: RouteCount; proxy: RouteCount };
  },
): string[] {
  const notes: string[] = [];
  for (const visit of ['cold', 'warm'] as const) {
    for (const variant of VARIANTS) {
      const s = summaries[visit][variant];
      const label = `${variant} (${visit})`;
      if (s.failures) notes.push(`${label}: ${s.failures} of ${s.runs.length} loads failed: ${s.runs.find((r) => !r.ok)?.error}`);
      const mismatches = [...new Set(s.runs.flatMap((r) => r.sizeMismatches))];
      if (mismatches.length) notes.push(`${label}: Resource Timing sizes differ from the served gzip: ${mismatches.join('; ')}`);
      const late = [...new Set(s.runs.flatMap((r) => r.inFlightAtStatus))];
      if (late.length) notes.push(`${label}: requested before the status but still arriving (not counted): ${late.join(', ')}`);
    }
  }
  if (extra.economyError) notes.push(`request economy failed: ${extra.economyError}`);
  if (Math.max(extra.loadAtStart, extra.loadAtEnd) > cpus().length) {
    notes.push(
      `the machine was busy with other work (1-minute load average ${extra.loadAtStart.toFixed(1)} at the start, ${extra.loadAtEnd.toFixed(1)} at the end, on ${cpus().length} cores): absolute times are inflated and noisier; the interleaved ratios suffer less`,
    );
  }
  if (extra.economy?.non200) notes.push(`request economy: ${extra.economy.non200} answers were not 200`);
  for (const count of [extra.perPoll.direct, extra.perPoll.proxy]) {
    if (!count.ok) notes.push(`requests per poll (${count.route}) failed: ${count.error}`);
  }
  return notes;
}

export function waterfallText(run: LoadRun | undefined): string {
  if (!run) return '(no successful run)';
  return run.waterfall
    .map(
      (row) =>
        `${String(row.startMs).padStart(6)} → ${String(row.endMs).padStart(6)} ms  ${row.gzipBytes ? kb(row.gzipBytes).padStart(9) : ''.padStart(9)}  ${row.what}`,
    )
    .join('\n');
}
