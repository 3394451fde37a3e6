import type { DemoGuide } from '../shared/config/demoGuide';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from './demoJobs';
import { DEMO_USERS } from './demoUsers';

/** The sample jobs and users of the simulated AWS, as the demo's pages list them. */
export const DEMO_GUIDE: DemoGuide = {
  environment: { appId: DEMO_APP_ID, envName: DEMO_ENV },
  sampleJobs: DEMO_JOB_LINKS,
  // A user who must reset is sent to the reset whatever password is typed: no password to show.
  users: DEMO_USERS.map(({ username, password, state, description }) => ({
    username,
    password: state === 'reset-required' ? undefined : password,
    description,
  })),
};
