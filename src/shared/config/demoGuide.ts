import type { JobRef } from '../domain/jobRef';

/**
 * What demo mode shows a visitor about its simulated AWS: sample jobs of both kinds to open, a
 * sample board, and users to sign in as. The demo entry hands it to the app when it starts the simulation, so no page imports the
 * simulated AWS itself.
 */
export interface DemoGuide {
  /** The environment the sample jobs run in. */
  environment: { appId: string; envName: string };
  sampleJobs: readonly { jobId: string; label: string }[];
  /** Amplify Hosting samples: builds of the demo app's branches (one named `feature/login`). */
  hostingJobs: readonly { appId: string; branchName: string; jobId: string; label: string }[];
  /** One board of both kinds: backend samples and hosting builds side by side. */
  sampleBoard: readonly JobRef[];
  users: readonly { username: string; password?: string; description: string }[];
}
