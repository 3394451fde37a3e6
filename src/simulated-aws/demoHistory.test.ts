import { describe, expect, it } from 'vitest';
import { parseJobTime } from '../shared/aws/jobTime';
import { estimateJob } from '../shared/domain/jobEstimate';
import { demoHistorySpecs } from './demoHistory';
import { DEMO_JOB_LINKS, demoJobSpecs } from './demoJobs';
import { JobStore, snapshot } from './jobStore';

describe('demo history', () => {
  const now = Date.UTC(2026, 0, 1);
  const store = new JobStore(() => now);
  [...demoHistorySpecs(now), ...demoJobSpecs(now)].forEach((spec) => store.put(spec));
  const listed = store.list('us-east-1', 'd2k9xq7v1ab3cd', 'staging').map((job) => {
    const wire = snapshot(job, now);
    return { ...wire, createTime: parseJobTime(wire.createTime), updateTime: parseJobTime(wire.updateTime) };
  });

  it('gives the running sample jobs an estimate, or too few earlier jobs for one', () => {
    expect(estimateJob(listed, 'CreateBackendAuth')).toMatchObject({ kind: 'estimate', samples: 12 });
    expect(estimateJob(listed, 'UpdateBackendAPI')).toMatchObject({ kind: 'estimate', samples: 5 });
    expect(estimateJob(listed, 'UpdateBackendStorage')).toMatchObject({ kind: 'too-few', samples: 2 });
  });

  it('agrees with the samples’ labels: a sample that completes does so inside its usual range', () => {
    const checked: string[] = [];
    for (const spec of demoJobSpecs(now)) {
      const last = spec.steps[spec.steps.length - 1];
      const label = DEMO_JOB_LINKS.find((link) => link.jobId === spec.jobId)?.label ?? '';
      const said = /completes about (\d+) s after/.exec(label);
      if (last?.status !== 'COMPLETED' || !said) continue;
      // The label tells the truth about the sample…
      expect(last.atMs).toBe(Number(said[1]) * 1000);
      // …and the estimate the demo shows for it holds that time.
      const estimate = estimateJob(listed, spec.operation ?? '', spec.jobId);
      if (estimate.kind !== 'estimate') continue;
      expect(estimate.lowMs).toBeLessThanOrEqual(last.atMs);
      expect(estimate.highMs).toBeGreaterThanOrEqual(last.atMs);
      checked.push(spec.operation ?? '');
    }
    expect(checked).toEqual(['CreateBackendAuth']);
  });

  it('uses IDs that no sample job has', () => {
    const ids = [...demoHistorySpecs(now), ...demoJobSpecs(now)].map((spec) => spec.jobId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
