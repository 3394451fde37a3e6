import { fetchAuthSession } from '@aws-amplify/core';
import { createAmplifyBackendClient } from '../shared/aws/amplifyBackend';
import { createAmplifyHostingClient } from '../shared/aws/amplifyHosting';
import { createClockOffset, type ClockOffset } from '../shared/aws/clockOffset';
import { createCredentialSource, type CredentialSource } from '../shared/aws/credentials';
import { createSignedFetch } from '../shared/aws/signedFetch';
import type { JobClients } from '../shared/aws/watchedJob';
import type { AppConfig } from '../shared/config/appConfig';

/** What talks to AWS, without React: built before the first status, and the app's services use the same. */
export interface AwsCore {
  credentials: CredentialSource;
  clock: ClockOffset;
  clients: JobClients;
  /** Told who is signed in each time a session is read, starting with what was heard before listening. */
  listenToSession: (listener: (user: string | null) => void) => void;
}

export interface AwsCoreOverrides {
  fetchSession?: typeof fetchAuthSession;
  localClock?: () => number;
  /** Called as each signed request leaves (the first status waits for that before fetching the app). */
  onSend?: () => void;
}

export function createAwsCore(config: AppConfig, overrides: AwsCoreOverrides = {}): AwsCore {
  let heard: string | null | undefined;
  let listener: ((user: string | null) => void) | undefined;
  const credentials = createCredentialSource(overrides.fetchSession ?? fetchAuthSession, (user) => {
    heard = user;
    listener?.(user);
  });
  const clock = createClockOffset(overrides.localClock);
  const { onSend } = overrides;
  const fetchImpl: typeof fetch | undefined = onSend
    ? (input, init) => {
        const sent = fetch(input, init);
        onSend();
        return sent;
      }
    : undefined;
  const signedFetch = createSignedFetch({ credentials, clock, fetchImpl });
  return {
    credentials,
    clock,
    clients: {
      backend: createAmplifyBackendClient(config, signedFetch),
      hosting: createAmplifyHostingClient(config, signedFetch),
    },
    listenToSession(next) {
      listener = next;
      if (heard !== undefined) next(heard);
    },
  };
}
