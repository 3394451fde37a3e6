import { describe, expect, it } from 'vitest';
import { estimateJob } from '../shared/domain/jobEstimate';
import { parseJobTime } from '../shared/aws/jobTime';
import { demoHistorySpecs } from './demoHistory';
import { demoJobSpecs } from './demoJobs';
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

  it('makes the 40-second CreateBackendAuth sample take longer than usual', () => {
    const estimate = estimateJob(listed, 'CreateBackendAuth');
    expect(estimate.kind === 'estimate' && estimate.slowestMs).toBeLessThan(40_000);
  });

  it('uses IDs that no sample job has', () => {
    const ids = [...demoHistorySpecs(now), ...demoJobSpecs(now)].map((spec) => spec.jobId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
