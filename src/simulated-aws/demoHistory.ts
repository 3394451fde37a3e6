import { DEMO_APP_ID, DEMO_ENV } from './demoJobs';
import type { SimJobSpec } from './jobStore';

const HOUR = 60 * 60 * 1000;

/** `{operation: [durations in seconds]}` of earlier jobs that COMPLETED. */
const COMPLETED_SECONDS: Record<string, number[]> = {
  // The demo's CreateBackendAuth sample completes after 40 s, as its label says: these put it
  // inside "Usually takes 37–43 s".
  CreateBackendAuth: [34, 36, 37, 38, 39, 40, 40, 41, 42, 43, 45, 48],
  UpdateBackendAPI: [65, 80, 95, 110, 140],
  // Two only: the demo's UpdateBackendStorage shows "No estimate yet".
  UpdateBackendStorage: [40, 55],
};

/** Earlier jobs that FAILED or belong to other operations: the estimate must leave them out. */
const OTHER: { operation: string; seconds: number; status: 'COMPLETED' | 'FAILED' }[] = [
  { operation: 'CreateBackendAuth', seconds: 5, status: 'FAILED' },
  { operation: 'UpdateBackendAPI', seconds: 12, status: 'FAILED' },
  { operation: 'CreateBackendStorage', seconds: 250, status: 'COMPLETED' },
  { operation: 'DeleteBackendAPI', seconds: 45, status: 'COMPLETED' },
];

function historyId(index: number): string {
  return `0ld${String(index).padStart(5, '0')}-4a1e-4c2b-9d3f-${(0x5a17c0de0000 + index).toString(16)}`;
}

/**
 * The demo environment's earlier jobs, finished hours ago, so the board and the job page show an
 * estimate from ListBackendJobs; the demo entry puts them next to demoJobSpecs.
 */
export function demoHistorySpecs(now: number): SimJobSpec[] {
  const finished: { operation: string; seconds: number; status: string }[] = [
    ...Object.entries(COMPLETED_SECONDS).flatMap(([operation, list]) =>
      list.map((seconds) => ({ operation, seconds, status: 'COMPLETED' })),
    ),
    ...OTHER,
  ];
  return finished.map(({ operation, seconds, status }, index) => ({
    appId: DEMO_APP_ID,
    envName: DEMO_ENV,
    jobId: historyId(index),
    operation,
    // Spread over the last few days, one every five hours or so.
    startedAt: now - (index + 1) * 5 * HOUR,
    steps: [
      { status: 'RUNNING', atMs: 0 },
      { status, atMs: seconds * 1000 },
    ],
    ...(status === 'FAILED'
      ? { error: 'Resource handler returned message: "Rate exceeded" (HandlerErrorCode: Throttling)' }
      : {}),
  }));
}
