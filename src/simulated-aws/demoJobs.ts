import type { SimJobSpec } from './jobStore';

export const DEMO_APP_ID = 'd2k9xq7v1ab3cd';
export const DEMO_ENV = 'staging';

export interface DemoJobLink {
  jobId: string;
  label: string;
}

const RUNNING_THEN_COMPLETED = '7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37';
const RUNNING_THEN_FAILED = 'b81e4d02-9c3a-4f6b-8e15-7a2c9d0e6b54';
const THROTTLED_FIRST = '3e7a1c55-0d2b-4e9f-8a61-5c0b7d9e2f18';
const LONG_FINISHED = '9a4d6b1e-2c7f-4a08-b3e5-1f6c8d0a7e29';
const MISSING = 'c0ffee00-0000-4000-8000-000000000404';

/**
 * Sample jobs. The running ones start when they are first opened (a job page, a board, a link),
 * not when the page loads: their labels count from there.
 */
export function demoJobSpecs(now: number): SimJobSpec[] {
  return [
    {
      appId: DEMO_APP_ID,
      envName: DEMO_ENV,
      jobId: RUNNING_THEN_COMPLETED,
      operation: 'CreateBackendAuth',
      startsWhenOpened: true,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 40_000 },
      ],
    },
    {
      appId: DEMO_APP_ID,
      envName: DEMO_ENV,
      jobId: RUNNING_THEN_FAILED,
      operation: 'UpdateBackendAPI',
      startsWhenOpened: true,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'FAILED', atMs: 20_000 },
      ],
      error:
        'Resource handler returned message: "Invalid request provided: AWS::AppSync::GraphQLSchema: Schema validation failed. Unknown type "Todo" referenced by field "Query.listTodos"." (RequestToken: 4b8a…, HandlerErrorCode: InvalidRequest)',
    },
    {
      appId: DEMO_APP_ID,
      envName: DEMO_ENV,
      jobId: THROTTLED_FIRST,
      operation: 'UpdateBackendStorage',
      startsWhenOpened: true,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 30_000 },
      ],
      faults: [
        { type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' },
        { type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' },
      ],
    },
    {
      appId: DEMO_APP_ID,
      envName: DEMO_ENV,
      jobId: LONG_FINISHED,
      operation: 'CreateBackendStorage',
      startedAt: now - 3 * 60 * 60 * 1000,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'COMPLETED', atMs: 4 * 60 * 1000 + 12_000 },
      ],
    },
  ];
}

export const DEMO_JOB_LINKS: DemoJobLink[] = [
  { jobId: RUNNING_THEN_COMPLETED, label: 'CreateBackendAuth: runs, completes about 40 s after you open it' },
  { jobId: RUNNING_THEN_FAILED, label: 'UpdateBackendAPI: runs, fails about 20 s after you open it' },
  { jobId: THROTTLED_FIRST, label: 'UpdateBackendStorage: throttled twice, then completes about 30 s after you open it' },
  { jobId: LONG_FINISHED, label: 'CreateBackendStorage: finished three hours ago' },
  { jobId: MISSING, label: 'A job that does not exist' },
];
