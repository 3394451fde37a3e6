import type { AppConfig } from './appConfig';

/** The part of the config the job pages read: default region, poll interval, and where requests go and are signed for. */
export type JobPageConfig = Pick<
  AppConfig,
  'region' | 'pollIntervalSeconds' | 'amplifyBackendEndpoint' | 'signingHost' | 'amplifyEndpoint' | 'amplifySigningHost'
>;
