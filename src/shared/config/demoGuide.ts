/**
 * What demo mode shows a visitor about its simulated AWS: sample jobs to open and users to sign in
 * as. The demo entry hands it to the app when it starts the simulation, so no page imports the
 * simulated AWS itself.
 */
export interface DemoGuide {
  /** The environment the sample jobs run in. */
  environment: { appId: string; envName: string };
  sampleJobs: readonly { jobId: string; label: string }[];
  users: readonly { username: string; password?: string; description: string }[];
}
