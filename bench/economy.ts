import type { Browser } from '@playwright/test';
import type { Simulator } from '../tools/simulator';
import type { StaticSite } from '../tools/staticServer';
import { completeJobAt, createRunningJob } from './jobs';
import { openPage, sleep } from './page';

export interface EconomyPhase {
  name: string;
  /** Simulated minutes the phase lasted. */
  minutes: number;
  getBackendJob: number;
  /** Every request to the simulated AWS (Cognito included). */
  allRequests: number;
  /** allRequests per simulated minute. */
  perMinute: number;
  /** Median time between consecutive GetBackendJob calls in the phase (null: fewer than two). */
  medianPollGapMs: number | null;
}

export interface EconomyResult {
  stepMs: number;
  simulatedMinutes: number;
  phases: EconomyPhase[];
  /** Cognito Identity calls over the whole watch (GetId, GetCredentialsForIdentity). */
  credentialCalls: { getId: number; getCredentialsForIdentity: number; total: number };
  /** Answers other than 200 during the watch (there should be none). */
  non200: number;
  maxBackendInFlight: { browser: number; server: number };
  /** Simulated time from the job turning COMPLETED to the page showing it (coarse: 1 s steps, hidden→visible just before). */
  completedShownAfterMs: number;
  browserRequestCount: number;
  realSeconds: number;
}

/**
 * A simulated 15-minute watch of one job on Playwright's fake clock: 5 min visible, 5 min hidden
 * (the job keeps RUNNING), visible again, the job turns COMPLETED 30 s later, then 5 min after the
 * page showed it, with a hide/show and focus/online events in between.
 * The page loads in real time; then its clock is paused on a whole second and moved on in 1 s
 * steps with runFor (every timer due in the step fires at its own time). The simulation's clock is
 * frozen at the same instant and moved with it, so both agree on every timestamp and requests take
 * no simulated time: a poll interval restarted when an answer arrives restarts on a step boundary,
 * and a 5 s interval is exactly five steps. (With the clock left running between steps, answers
 * arrive after the step's end and each poll drifts up to a step late: the visible rate then reads
 * ~11.5/min, an artefact of stepping.) Between steps the bench waits until no request to the
 * simulation is in flight and none has started for 50 ms.
 */
export async function requestEconomy(
  browser: Browser,
  bench: Simulator,
  site: StaticSite,
  progress: (message: string) => void,
): Promise<EconomyResult> {
  const stepMs = 1_000;
  const began = Date.now();
  const job = createRunningJob(bench);
  const opened = await openPage(browser, { simOrigin: bench.origin, throttle: false, overrideVisibility: true, fakeClock: true });
  const { page, traffic } = opened;
  const settle = async () => {
    for (;;) {
      await sleep(15);
      if (traffic.inFlight === 0 && Date.now() - traffic.lastActivity >= 50) return;
    }
  };
  const advance = async (steps: number, during?: (step: number) => Promise<void>) => {
    for (let step = 0; step < steps; step += 1) {
      bench.clock.frozenAt = (bench.clock.frozenAt ?? Date.now()) + stepMs;
      await page.clock.runFor(stepMs);
      await settle();
      if (during) await during(step + 1);
    }
  };
  const phase = (name: string, from: number, to: number): EconomyPhase => {
    const inWindow = bench.records((r) => r.at >= from && r.at < to);
    const polls = inWindow.filter(
      (r) => r.service === 'amplifybackend' && r.operation === 'GetBackendJob' && r.jobId === job.jobId,
    );
    const gaps = polls
      .slice(1)
      .map((r, i) => r.at - (polls[i] as { at: number }).at)
      .sort((a, b) => a - b);
    const minutes = (to - from) / 60_000;
    return {
      name,
      minutes,
      getBackendJob: polls.length,
      allRequests: inWindow.length,
      perMinute: inWindow.length / minutes,
      medianPollGapMs: gaps.length ? (gaps[Math.floor(gaps.length / 2)] as number) : null,
    };
  };

  bench.resetMaxInFlight();
  const watchStart = bench.sim.now();
  try {
    await page.goto(site.origin + job.path, { waitUntil: 'commit' });
    await opened.waitForStatus((c) => c.tone === 'running', 30_000);
    await settle();
    const pausedAt = Math.ceil((await page.evaluate<number>('Date.now()')) / 1000) * 1000 + 1000;
    await page.clock.pauseAt(pausedAt);
    bench.clock.frozenAt = pausedAt;
    await settle();

    const visibleFrom = bench.sim.now();
    await advance(300, (step) => {
      if (step % 60 === 0) progress(`economy: visible, ${step / 60} of 5 simulated minutes`);
      return Promise.resolve();
    });
    const hiddenFrom = bench.sim.now();
    await opened.setHidden(true);
    await settle();
    await advance(300, (step) => {
      if (step % 60 === 0) progress(`economy: hidden, ${step / 60} of 5 simulated minutes`);
      return Promise.resolve();
    });
    const hiddenTo = bench.sim.now();
    await opened.setHidden(false);
    await settle();

    const completedAt = bench.sim.now() + 30_000;
    completeJobAt(bench, job, completedAt);
    let shownAt = Number.NaN;
    for (let step = 0; step < 180 && Number.isNaN(shownAt); step += 1) {
      await advance(1);
      if (opened.changes.some((c) => c.tone === 'completed')) shownAt = bench.sim.now();
    }
    if (Number.isNaN(shownAt)) throw new Error('the page never showed COMPLETED');
    progress('economy: job COMPLETED and shown; 5 more simulated minutes');

    const endedFrom = bench.sim.now();
    await advance(300, async (step) => {
      if (step === 120) await opened.setHidden(true);
      if (step === 150) await opened.setHidden(false);
      if (step === 180)
        await page.evaluate(`window.dispatchEvent(new Event('focus')); window.dispatchEvent(new Event('online'))`);
    });
    const endedTo = bench.sim.now();

    const watch = bench.records((r) => r.at >= watchStart && r.at < endedTo);
    const cognito = watch.filter((r) => r.service === 'cognito-identity');
    const getId = cognito.filter((r) => r.operation === 'GetId').length;
    const getCredentialsForIdentity = cognito.filter((r) => r.operation === 'GetCredentialsForIdentity').length;
    return {
      stepMs,
      simulatedMinutes: (endedTo - watchStart) / 60_000,
      phases: [
        phase('running, visible', visibleFrom, hiddenFrom),
        phase('running, hidden', hiddenFrom, hiddenTo),
        phase('visible again until COMPLETED was shown', hiddenTo, endedFrom),
        phase('after COMPLETED was shown', endedFrom, endedTo),
      ],
      credentialCalls: { getId, getCredentialsForIdentity, total: cognito.length },
      non200: watch.filter((r) => r.status !== 200).length,
      maxBackendInFlight: { browser: traffic.maxBackendInFlight, server: bench.maxBackendInFlight },
      completedShownAfterMs: shownAt - completedAt,
      browserRequestCount: traffic.started.length,
      realSeconds: (Date.now() - began) / 1000,
    };
  } finally {
    await opened.close();
    bench.clock.frozenAt = null;
  }
}
