import type { DemoGuide } from '../shared/config/demoGuide';
import {
  DEMO_BUILD_FAILS,
  DEMO_BUILD_SUCCEEDS,
  DEMO_FEATURE_BRANCH,
  DEMO_HOSTING_JOB_LINKS,
  DEMO_MAIN_BRANCH,
  DEMO_REGION,
} from './demoHostingJobs';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from './demoJobs';
import { DEMO_USERS } from './demoUsers';

/** The sample jobs (both kinds), sample board and users of the simulated AWS, as the demo's pages list them. */
export const DEMO_GUIDE: DemoGuide = {
  environment: { appId: DEMO_APP_ID, envName: DEMO_ENV },
  sampleJobs: DEMO_JOB_LINKS,
  hostingJobs: DEMO_HOSTING_JOB_LINKS,
  // A release's backend jobs and its builds, side by side: the two running backend samples, then
  // the build that succeeds and the one that fails.
  sampleBoard: [
    ...DEMO_JOB_LINKS.slice(0, 2).map(({ jobId }) => ({ region: DEMO_REGION, appId: DEMO_APP_ID, envName: DEMO_ENV, jobId })),
    ...[
      { branchName: DEMO_MAIN_BRANCH, jobId: DEMO_BUILD_SUCCEEDS },
      { branchName: DEMO_FEATURE_BRANCH, jobId: DEMO_BUILD_FAILS },
    ].map((build) => ({ kind: 'hosting' as const, region: DEMO_REGION, appId: DEMO_APP_ID, ...build })),
  ],
  // A user who must reset is sent to the reset whatever password is typed: no password to show.
  users: DEMO_USERS.map(({ username, password, state, description }) => ({
    username,
    password: state === 'reset-required' ? undefined : password,
    description,
  })),
};
