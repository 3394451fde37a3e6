import { QueryCache, QueryClient } from '@tanstack/react-query';
import { canSignIn, SIGN_IN_REQUIRED, type AuthServices } from '../features/auth/authServices';
import { createSessionStore } from '../features/auth/session';
import { createSignInGate } from '../features/auth/signInGate';
import { clearTimelines } from '../features/job/timeline';
import type { AmplifyBackendClient } from '../shared/aws/amplifyBackend';
import { isAwsError } from '../shared/aws/awsError';
import type { ClockOffset } from '../shared/aws/clockOffset';
import { storedPrincipal } from '../shared/aws/credentials';
import type { JobClients } from '../shared/aws/watchedJob';
import { forgetLastBoard } from '../shared/browser/boardMemory';
import { forgetLastKnownJobs } from '../shared/browser/lastKnownJobs';
import { forgetRecentJobs } from '../shared/browser/recentJobs';
import type { AppConfig } from '../shared/config/appConfig';
import type { DemoGuide } from '../shared/config/demoGuide';
import { setElectionPrincipal } from '../shared/queries/jobPollElections';
import { createAwsCore, type AwsCore, type AwsCoreOverrides } from './awsCore';

export interface AppServices extends AuthServices {
  /** AmplifyBackend (`clients.backend`). */
  client: AmplifyBackendClient;
  /** Both kinds of job: AmplifyBackend and Amplify Hosting. */
  clients: JobClients;
  clock: ClockOffset;
}

export interface ServiceOverrides extends Omit<AwsCoreOverrides, 'onSend'> {
  /** What talks to AWS, when the page built it before React (the first status). */
  core?: AwsCore;
  /** In demo mode: what the simulated AWS offers to open and sign in as. */
  demoGuide?: DemoGuide;
}

/** Everything that talks to AWS, built once per page from the config. */
export function createServices(config: AppConfig, overrides: ServiceOverrides = {}): AppServices {
  const session = createSessionStore();
  const { credentials, clock, clients, listenToSession } = overrides.core ?? createAwsCore(config, overrides);
  listenToSession(session.set);
  setElectionPrincipal(() => storedPrincipal(config));
  return {
    config,
    credentials,
    client: clients.backend,
    clients,
    clock,
    session,
    gate: createSignInGate(),
    // What this browser remembers of the jobs watched goes with the person who signs out.
    onSignedOut: () => {
      forgetRecentJobs();
      clearTimelines();
      forgetLastKnownJobs();
      forgetLastBoard();
    },
    demoGuide: overrides.demoGuide,
  };
}

export function createQueryClient(services?: Pick<AppServices, 'config' | 'gate'>): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // No credentials and a user pool to sign in to: ask for sign-in instead of showing an error.
        if (services && isAwsError(error) && error.kind === 'no-credentials' && canSignIn(services.config)) {
          services.gate.open(SIGN_IN_REQUIRED);
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Bounded memory over long sessions: a job nobody looks at is dropped after ten minutes.
        gcTime: 10 * 60 * 1000,
      },
    },
  });
}
