// Stands in for src/shared/aws/signedFetch.ts in the benchmark's SDK build (see ../build.ts). Everything is
// the app's own; `createSignedFetch` only remembers which credential source it was given, so the
// SDK client (./amplifyBackend.ts) gets its credentials from exactly the source the app uses,
// including the request main.tsx starts early for a deep link.
import type { CredentialSource } from '../../src/shared/aws/credentials';
import type * as original from '../../src/shared/aws/signedFetch';
import {
  createSignedFetch as createAppSignedFetch,
  type SignedFetch,
  type SignedFetchDeps,
} from '../../src/shared/aws/signedFetch';

export * from '../../src/shared/aws/signedFetch';

const sources = new WeakMap<SignedFetch, CredentialSource>();

export function createSignedFetch(deps: SignedFetchDeps): SignedFetch {
  const signedFetch = createAppSignedFetch(deps);
  sources.set(signedFetch, deps.credentials);
  return signedFetch;
}

export function credentialSourceOf(signedFetch: SignedFetch): CredentialSource {
  const source = sources.get(signedFetch);
  if (!source) throw new Error('This signed fetch was not made by createSignedFetch');
  return source;
}

// The app calls this in place of the original: the type checker keeps the two signatures in step.
createSignedFetch satisfies typeof original.createSignedFetch;
