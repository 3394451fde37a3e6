import { QueryClient } from '@tanstack/react-query';
import { createAmplifyBackendClient, type AmplifyBackendClient } from '../aws/amplifyBackend';
import { createClockOffset } from '../aws/clockOffset';
import { createCredentialSource, type CredentialSource } from '../aws/credentials';
import { createSignedFetch } from '../aws/signedFetch';
import type { AppConfig } from '../config/appConfig';

export interface AppServices {
  config: AppConfig;
  credentials: CredentialSource;
  client: AmplifyBackendClient;
}

/** Everything that talks to AWS, built once per page from the config. */
export function createServices(config: AppConfig, credentials: CredentialSource = createCredentialSource()): AppServices {
  const signedFetch = createSignedFetch({ credentials, clock: createClockOffset() });
  return { config, credentials, client: createAmplifyBackendClient(config, signedFetch) };
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Bounded memory over long sessions: a job nobody looks at is dropped after ten minutes.
        gcTime: 10 * 60 * 1000,
      },
    },
  });
}
