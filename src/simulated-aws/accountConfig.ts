/** The identity pool a config pointing at the simulated AWS names (any well-formed ID works there). */
export const SIMULATED_IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';

/**
 * A config.json for a deployment whose AWS is the simulated one served at `origin` (a loopback
 * server): Cognito Identity, AmplifyBackend and Amplify Hosting all at that origin, guests allowed.
 * Used by the end-to-end tests and the benchmark, which exercise the production code path against it.
 */
export function simulatedAccountConfig(origin: string, overrides: Record<string, unknown> = {}) {
  return {
    region: 'us-east-1',
    Auth: {
      Cognito: {
        identityPoolId: SIMULATED_IDENTITY_POOL_ID,
        allowGuestAccess: true,
        identityPoolEndpoint: origin,
      },
    },
    pollIntervalSeconds: 5,
    amplifyBackendEndpoint: origin,
    amplifyEndpoint: origin,
    ...overrides,
  };
}
