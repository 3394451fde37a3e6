import type { Browser, BrowserContext } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { visitJob, type LoadRun, type Visit } from './load';
import { newContext, sleep } from './page';
import { VARIANTS, type Variant } from './report';
import { ms } from './stats';

/**
 * The timed loads, interleaved: one warm-up round thrown away, then `count` rounds. Each round
 * visits every page cold (a new context each) in an order that rotates every round, so machine
 * noise hits all three alike, then visits each again in its own context (warm: assets cached,
 * identity ID stored). A warm visit waits until its cold one ended more than 5 s before: a browser
 * keeps a preflight answered without Access-Control-Max-Age for 5 s, and a return visit comes later.
 */
export const WARM_AFTER_MS = 5_500;

export async function rounds(
  browser: Browser,
  bench: Simulator,
  sites: Record<Variant, StaticSite>,
  count: number,
  progress: (message: string) => void,
): Promise<Record<Visit, Record<Variant, LoadRun[]>>> {
  const runs: Record<Visit, Record<Variant, LoadRun[]>> = {
    cold: { floor: [], app: [], sdk: [] },
    warm: { floor: [], app: [], sdk: [] },
  };
  const cell = (run: LoadRun) => `${run.variant} ${run.ok ? ms(run.timeToStatusMs) : `failed (${run.error})`}`;
  for (let round = 0; round <= count; round += 1) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length] as Variant);
    const contexts = new Map<Variant, { context: BrowserContext; cold: LoadRun }>();
    const line: string[] = [];
    try {
      for (const variant of order) {
        const context = await newContext(browser);
        const cold = await visitJob(context, bench, sites[variant], variant, 'cold', round);
        contexts.set(variant, { context, cold });
        line.push(cell(cold));
      }
      line.push('then warm:');
      for (const variant of order) {
        const { context, cold } = contexts.get(variant) as { context: BrowserContext; cold: LoadRun };
        const wait = cold.endedAt + WARM_AFTER_MS - Date.now();
        if (wait > 0) await sleep(wait);
        const warm = await visitJob(context, bench, sites[variant], variant, 'warm', round);
        line.push(cell(warm));
        if (round > 0) {
          runs.cold[variant].push(cold);
          runs.warm[variant].push(warm);
        }
      }
    } finally {
      for (const { context } of contexts.values()) await context.close().catch(() => undefined);
    }
    progress(`${round === 0 ? 'warm-up round' : `round ${round}/${count}`}: ${line.join(', ')}`);
  }
  return runs;
}
