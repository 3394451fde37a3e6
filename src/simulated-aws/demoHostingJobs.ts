/**
 * The demo's Amplify Hosting jobs: builds and deploys of the demo app's branches. The two samples
 * start when they are first opened (a job page, a board, a link), like the AmplifyBackend samples;
 * the earlier jobs finished hours or days ago, so a branch list has history and the estimate has
 * finished jobs to go on.
 */
import { DEMO_APP_ID } from './demoJobs';
import type { SimHostingJobSpec, SimHostingStepSpec } from './hostingJobStore';

export const DEMO_REGION = 'us-east-1';
export const DEMO_MAIN_BRANCH = 'main';
/** A branch whose name has a slash: it travels as one segment, `feature%2Flogin`. */
export const DEMO_FEATURE_BRANCH = 'feature/login';

export interface DemoHostingJobLink {
  appId: string;
  branchName: string;
  jobId: string;
  label: string;
}

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;

/** Step names as Amplify Hosting sends them, in the order it runs them. */
const STEPS = ['BUILD', 'DEPLOY', 'VERIFY'] as const;

/** A step's log (never fetched by the page: a link for a person to open). */
function logUrl(branchName: string, jobId: string, stepName: string): string {
  return `https://example.com/amplify-demo/${DEMO_APP_ID}/${encodeURIComponent(branchName)}/${jobId}/${stepName}.log`;
}

/**
 * BUILD, DEPLOY and VERIFY back to back from `provisionMs`, lasting `ms` each; the build step has
 * the artifacts. A `failure` ends the BUILD step there with its reason, and nothing after it runs.
 */
function steps(
  branchName: string,
  jobId: string,
  provisionMs: number,
  ms: readonly number[],
  failure?: { afterMs: number; statusReason: string },
): SimHostingStepSpec[] {
  if (failure) {
    return [
      {
        stepName: 'BUILD',
        timeline: [
          { status: 'RUNNING', atMs: provisionMs },
          { status: 'FAILED', atMs: provisionMs + failure.afterMs },
        ],
        statusReason: failure.statusReason,
        logUrl: logUrl(branchName, jobId, 'BUILD'),
      },
    ];
  }
  let at = provisionMs;
  return STEPS.map((stepName, index) => {
    const start = at;
    at += ms[index] ?? 0;
    const step: SimHostingStepSpec = {
      stepName,
      timeline: [
        { status: 'RUNNING', atMs: start },
        { status: 'SUCCEED', atMs: at },
      ],
      logUrl: logUrl(branchName, jobId, stepName),
    };
    if (stepName === 'BUILD') {
      step.artifactsUrl = `https://example.com/amplify-demo/${DEMO_APP_ID}/${encodeURIComponent(branchName)}/${jobId}/artifacts.zip`;
    }
    return step;
  });
}

export const DEMO_BUILD_SUCCEEDS = '12';
export const DEMO_BUILD_FAILS = '3';
export const DEMO_BUILD_FINISHED = '11';
const DEMO_BUILD_MISSING = '99';

export const DEMO_BUILD_FAILURE_REASON =
  'npm ci exited with code 1: npm ERR! ERESOLVE could not resolve dependency: peer react@"^17.0.0" from @aws-amplify/ui-react@4.6.5 (while resolving react@18.3.1). Fix the upstream dependency conflict, or retry with --legacy-peer-deps.';

interface Earlier {
  jobId: string;
  agoMs: number;
  /** BUILD, DEPLOY, VERIFY in seconds; the job also provisions for 4 s first. */
  seconds: [number, number, number];
  commitMessage: string;
  commitId: string;
  jobType?: string;
  failure?: { afterMs: number; statusReason: string };
}

/** Earlier jobs of `main`: five releases that succeeded in 52–71 s, a manual one, and a failed build. */
const EARLIER_MAIN: Earlier[] = [
  {
    jobId: '11',
    agoMs: 3 * HOUR,
    seconds: [38, 14, 7],
    commitMessage: 'Show the build duration on the job list',
    commitId: '9c41e07b2d5a8f36e1b0c4d7a92f58e3b6d1c0a4',
  },
  {
    jobId: '10',
    agoMs: 8 * HOUR,
    seconds: [33, 12, 6],
    commitMessage: 'Bump aws-amplify to 6.6.4',
    commitId: '2b7f9d13c8e64a05f1d2b3c4e5f60718293a4b5c',
  },
  {
    jobId: '9',
    agoMs: DAY,
    seconds: [0, 0, 0],
    commitMessage: 'Move the sign-in form into its own route',
    commitId: '6e0a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b',
    failure: {
      afterMs: 21 * SECOND,
      statusReason: 'npm run build exited with code 2: src/routes/SignIn.tsx(14,7): error TS2322',
    },
  },
  {
    jobId: '8',
    agoMs: DAY + 6 * HOUR,
    seconds: [45, 15, 7],
    commitMessage: 'Add the password reset page',
    commitId: 'a3c5e7f90b1d2f4a6c8e0a2b4d6f8a0c2e4a6b8d',
  },
  {
    jobId: '7',
    agoMs: 2 * DAY,
    seconds: [36, 13, 5],
    commitMessage: 'Redeploy after changing environment variables',
    commitId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d',
    jobType: 'MANUAL',
  },
  {
    jobId: '6',
    agoMs: 3 * DAY,
    seconds: [41, 14, 7],
    commitMessage: 'Cache node_modules between builds',
    commitId: '5d4c3b2a19080f7e6d5c4b3a2918f7e6d5c4b3a2',
  },
  {
    jobId: '5',
    agoMs: 4 * DAY,
    seconds: [30, 12, 6],
    commitMessage: 'First deploy of the customer portal',
    commitId: '0123456789abcdef0123456789abcdef01234567',
  },
];

const EARLIER_FEATURE: Earlier[] = [
  {
    jobId: '2',
    agoMs: 5 * HOUR,
    seconds: [31, 11, 5],
    commitMessage: 'Sign-in form: show the password rules',
    commitId: 'c0ffee1234567890abcdef1234567890abcdef12',
  },
  {
    jobId: '1',
    agoMs: DAY + 2 * HOUR,
    seconds: [29, 11, 5],
    commitMessage: 'Start the sign-in form',
    commitId: 'badc0de1234567890abcdef1234567890abcdef1',
  },
];

function earlier(branchName: string, now: number, job: Earlier): SimHostingJobSpec {
  return {
    region: DEMO_REGION,
    appId: DEMO_APP_ID,
    branchName,
    jobId: job.jobId,
    jobType: job.jobType ?? 'RELEASE',
    commitId: job.commitId,
    commitMessage: job.commitMessage,
    commitTime: now - job.agoMs - 40 * SECOND,
    startedAt: now - job.agoMs,
    steps: steps(
      branchName,
      job.jobId,
      4 * SECOND,
      job.seconds.map((s) => s * SECOND),
      job.failure,
    ),
  };
}

/** The demo app's hosting jobs: the two samples and the branches' earlier jobs. */
export function demoHostingJobSpecs(now: number): SimHostingJobSpec[] {
  return [
    {
      // PROVISIONING for 6 s, BUILD 30 s, DEPLOY 14 s, VERIFY 8 s: SUCCEED 58 s after it is opened.
      region: DEMO_REGION,
      appId: DEMO_APP_ID,
      branchName: DEMO_MAIN_BRANCH,
      jobId: DEMO_BUILD_SUCCEEDS,
      jobType: 'RELEASE',
      commitId: '4f8e2a1c9b7d3e5f6a0b1c2d3e4f5a6b7c8d9e0f',
      commitMessage: 'Add sign-in with the Cognito Hosted UI',
      commitTime: now - 2 * 60 * SECOND,
      startsWhenOpened: true,
      steps: steps(DEMO_MAIN_BRANCH, DEMO_BUILD_SUCCEEDS, 6 * SECOND, [30 * SECOND, 14 * SECOND, 8 * SECOND]),
    },
    {
      // PROVISIONING for 5 s, then BUILD fails 20 s later: FAILED 25 s after it is opened.
      region: DEMO_REGION,
      appId: DEMO_APP_ID,
      branchName: DEMO_FEATURE_BRANCH,
      jobId: DEMO_BUILD_FAILS,
      jobType: 'RELEASE',
      commitId: 'e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0',
      commitMessage: 'Sign-in form: use the Authenticator from @aws-amplify/ui-react',
      commitTime: now - 60 * SECOND,
      startsWhenOpened: true,
      steps: steps(DEMO_FEATURE_BRANCH, DEMO_BUILD_FAILS, 5 * SECOND, [], {
        afterMs: 20 * SECOND,
        statusReason: DEMO_BUILD_FAILURE_REASON,
      }),
    },
    ...EARLIER_MAIN.map((job) => earlier(DEMO_MAIN_BRANCH, now, job)),
    ...EARLIER_FEATURE.map((job) => earlier(DEMO_FEATURE_BRANCH, now, job)),
  ];
}

const link = (branchName: string, jobId: string, label: string): DemoHostingJobLink => ({
  appId: DEMO_APP_ID,
  branchName,
  jobId,
  label,
});

export const DEMO_HOSTING_JOB_LINKS: DemoHostingJobLink[] = [
  link(
    DEMO_MAIN_BRANCH,
    DEMO_BUILD_SUCCEEDS,
    'main, build 12: builds, deploys and verifies, succeeds about a minute after you open it',
  ),
  link(DEMO_FEATURE_BRANCH, DEMO_BUILD_FAILS, 'feature/login, build 3: fails in BUILD about 25 s after you open it'),
  link(DEMO_MAIN_BRANCH, DEMO_BUILD_FINISHED, 'main, build 11: succeeded three hours ago'),
  link(DEMO_MAIN_BRANCH, DEMO_BUILD_MISSING, 'A build that does not exist'),
];
