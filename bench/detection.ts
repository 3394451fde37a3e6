import type { Browser } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { completeJobAt, createRunningJob } from './jobs';
import { openPage, sleep } from './page';

export interface DetectionSample {
  /** When, after the poll that last saw RUNNING was answered, the job turned COMPLETED (ms). */
  flipAfterPollMs: number;
  /** Job turned COMPLETED (simulation's clock) → COMPLETED in the page's DOM (page's clock; same machine clock). */
  latencyMs: number;
  /** Server time between the poll before the change and the poll that saw COMPLETED: the real poll period. */
  pollGapMs: number;
  /** The poll that saw COMPLETED was answered (server) → COMPLETED in the DOM. */
  answerToScreenMs: number;
  ok: boolean;
  error?: string;
}

/**
 * Detection latency in real time. For sample k of n the job turns COMPLETED 50 ms + k/n of an
 * interval after a poll was answered: k = 0 is the worst case (the change just missed a poll).
 */
export async function detectionSamples(
  browser: Browser,
  bench: Simulator,
  site: StaticSite,
  intervalMs: number,
  samples: number,
  progress: (message: string) => void,
): Promise<{ samples: DetectionSample[]; maxBackendInFlight: number }> {
  const results: DetectionSample[] = [];
  let maxBackendInFlight = 0;
  for (let k = 0; k < samples; k += 1) {
    const job = createRunningJob(bench);
    const opened = await openPage(browser, { simOrigin: bench.origin, throttle: true });
    const flipAfterPollMs = 50 + Math.round((k * intervalMs) / samples);
    try {
      await opened.page.goto(site.origin + job.path, { waitUntil: 'commit' });
      await opened.waitForStatus((c) => c.tone === 'running', 30_000);
      const answered = () => bench.records((r) => r.service === 'amplifybackend' && r.jobId === job.jobId && r.status === 200);
      const before = answered().length;
      const deadline = Date.now() + intervalMs * 3;
      while (answered().length === before && Date.now() < deadline) await sleep(5);
      const poll = answered().at(-1);
      if (!poll || answered().length === before) throw new Error('no poll after the first status');
      const flipAt = poll.at + flipAfterPollMs;
      completeJobAt(bench, job, flipAt);
      const shown = await opened.waitForStatus((c) => c.tone === 'completed', intervalMs * 3 + 10_000);
      const seen = answered().find((r) => r.at >= flipAt);
      const sample: DetectionSample = {
        flipAfterPollMs,
        latencyMs: shown.wall - flipAt,
        pollGapMs: seen ? seen.at - poll.at : Number.NaN,
        answerToScreenMs: seen ? shown.wall - seen.at : Number.NaN,
        ok: true,
      };
      results.push(sample);
      progress(
        `detection ${k + 1}/${samples}: COMPLETED ${flipAfterPollMs} ms after a poll, shown ${sample.latencyMs} ms later ` +
          `(polls ${sample.pollGapMs} ms apart; answer → screen ${sample.answerToScreenMs} ms)`,
      );
    } catch (error) {
      results.push({
        flipAfterPollMs,
        latencyMs: Number.NaN,
        pollGapMs: Number.NaN,
        answerToScreenMs: Number.NaN,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
      progress(`detection ${k + 1}/${samples} failed: ${results.at(-1)?.error}`);
    } finally {
      maxBackendInFlight = Math.max(maxBackendInFlight, opened.traffic.maxBackendInFlight);
      await opened.close();
    }
  }
  return { samples: results, maxBackendInFlight };
}
