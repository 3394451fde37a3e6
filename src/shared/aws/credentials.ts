import { cognitoCredentialsProvider, cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { fetchAuthSession } from '@aws-amplify/core';
import { Amplify, defaultStorage, Hub, sessionStorage, type ResourcesConfig } from '@aws-amplify/core';
import { navigate } from '../browser/navigation';
import { sameOriginPath } from '../browser/returnPath';
import type { AppConfig } from '../config/appConfig';
import { AwsError } from './awsError';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface CredentialRequest {
  forceRefresh?: boolean;
  /**
   * With forceRefresh: the credentials AWS just refused. When newer ones were fetched since (another
   * request already refreshed them), those are returned instead of refreshing again.
   */
  rejected?: Pick<AwsCredentials, 'accessKeyId'>;
}

export type CredentialSource = (options?: CredentialRequest) => Promise<AwsCredentials>;

/**
 * Wires Amplify's Cognito providers by hand: `Amplify.configure` from `@aws-amplify/core` alone
 * does not, and pulling in the umbrella package would double the bundle.
 */
export function configureAuth(config: AppConfig): void {
  // `Auth` is Amplify's own ResourcesConfig.Auth, validated field by field in parseAppConfig.
  const auth = config.Auth as unknown as NonNullable<ResourcesConfig['Auth']>;
  if (config.Auth.Cognito.userPoolId) {
    cognitoUserPoolsTokenProvider.setAuthConfig(auth);
    // Tokens stay in this tab unless the deployment chose to keep them across tabs and restarts.
    cognitoUserPoolsTokenProvider.setKeyValueStorage(config.tokenStorage === 'local' ? defaultStorage : sessionStorage);
  }
  Amplify.configure(
    { Auth: auth },
    { Auth: { tokenProvider: cognitoUserPoolsTokenProvider, credentialsProvider: cognitoCredentialsProvider } },
  );
  if (config.Auth.Cognito.loginWith?.oauth) followHostedUiReturn();
}

let followingHostedUiReturn = false;

/**
 * Back from the Hosted UI, Amplify announces the page the sign-in started on (customOAuthState) and
 * the page goes back there. Listening from configuration on, once per page: the announcement can come
 * as soon as the OAuth listener loads, before anything of the app's has mounted.
 */
function followHostedUiReturn(): void {
  if (followingHostedUiReturn) return;
  followingHostedUiReturn = true;
  Hub.listen('auth', ({ payload }) => {
    if (payload.event !== 'customOAuthState') return;
    const path = sameOriginPath(payload.data);
    if (path !== undefined) navigate(path, { replace: true });
  });
}

/**
 * Credentials from Cognito through Amplify. Concurrent callers share one request, so a page
 * that fires several queries at once still makes one credential call.
 */
export function createCredentialSource(
  fetchSession: typeof fetchAuthSession = fetchAuthSession,
  /** Told who is signed in (null: nobody) each time a session is read. */
  onSession?: (username: string | null) => void,
): CredentialSource {
  let inFlight: Promise<AwsCredentials> | undefined;
  let inFlightForced = false;
  let latest: AwsCredentials | undefined;

  return (options = {}) => {
    const stale = options.rejected !== undefined && latest !== undefined && latest.accessKeyId !== options.rejected.accessKeyId;
    const forceRefresh = options.forceRefresh === true && !stale;
    if (inFlight && (inFlightForced || !forceRefresh)) return inFlight;
    inFlightForced = forceRefresh;
    const request = fetchSession({ forceRefresh }).then(
      (session) => {
        onSession?.(signedInUsername(session));
        const credentials = session.credentials;
        if (!credentials) {
          throw new AwsError({ kind: 'no-credentials' });
        }
        latest = credentials;
        return credentials;
      },
      (error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        const message = error instanceof Error ? error.message : String(error);
        onSession?.(null);
        throw new AwsError({
          kind: name === 'NetworkError' ? 'network' : 'credentials-failed',
          serverMessage: message,
          errorType: name || undefined,
          cause: error,
        });
      },
    );
    inFlight = request;
    const clear = () => {
      if (inFlight === request) inFlight = undefined;
    };
    request.then(clear, clear);
    return request;
  };
}

type AuthSession = Awaited<ReturnType<typeof fetchAuthSession>>;

/** The signed-in user's name from the tokens Amplify holds; null for a guest or nobody. */
export function signedInUsername(session: Pick<AuthSession, 'tokens'>): string | null {
  const tokens = session.tokens;
  if (!tokens) return null;
  const id = tokens.idToken?.payload;
  const name = id?.['cognito:username'] ?? id?.email ?? tokens.signInDetails?.loginId ?? tokens.accessToken.payload.username;
  return typeof name === 'string' ? name : 'signed-in user';
}

/**
 * Whose credentials this tab's requests are signed with, read at once from where Amplify keeps the
 * user pool tokens (localStorage or this tab's sessionStorage, as configured): 'guest' with no
 * signed-in user, else 'user:' and the user's name. Tabs share answers only within one principal.
 */
export function storedPrincipal(config: Pick<AppConfig, 'Auth' | 'tokenStorage'>): string {
  const clientId = config.Auth.Cognito.userPoolClientId;
  if (!clientId || typeof window === 'undefined') return 'guest';
  try {
    const storage = config.tokenStorage === 'local' ? window.localStorage : window.sessionStorage;
    const user = storage.getItem(`CognitoIdentityServiceProvider.${clientId}.LastAuthUser`);
    return user ? `user:${user}` : 'guest';
  } catch {
    return 'guest';
  }
}

/** Who is signed in, from the user pool tokens alone: no AWS credentials are fetched for it. */
export async function readSignedInUser(): Promise<string | null> {
  try {
    const tokens = await Amplify.Auth.getTokens({ forceRefresh: false });
    return signedInUsername({ tokens: tokens ?? undefined });
  } catch {
    return null;
  }
}
