import { resolveEndpoint } from '../aws/amplifyBackend';
import { resolveHostingEndpoint } from '../aws/amplifyHosting';
import { isAwsError, type AwsErrorKind } from '../aws/awsError';
import { MAX_ANSWER_BYTES, REQUEST_TIMEOUT_MS } from '../aws/signedFetch';
import { readAction } from '../aws/watchedJob';
import type { AppConfig } from '../config/appConfig';
import { isHostingRef, jobPlace, type JobRef } from '../domain/jobRef';

export interface ErrorContext {
  /** The IAM action the request needed, e.g. `amplifybackend:GetBackendJob`. */
  action: string;
  region: string;
  /** What was asked for, in words: "job 7f3c… of app d2k9…, environment staging". */
  resource: string;
  signingHost: string;
  timeoutSeconds: number;
  /** The service asked, for messages about it: AmplifyBackend by default. */
  service?: 'AmplifyBackend' | 'Amplify Hosting';
}

/** The config fields that say where a service's requests go and which host they are signed for. */
const ENDPOINT_FIELDS = {
  AmplifyBackend: 'amplifyBackendEndpoint and signingHost',
  'Amplify Hosting': 'amplifyEndpoint and amplifySigningHost',
} as const;

type EndpointConfig = Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost' | 'amplifyEndpoint' | 'amplifySigningHost'>;

/** The context for reading one job of either kind (GetBackendJob or GetJob). */
export function jobErrorContext(config: EndpointConfig, ref: JobRef): ErrorContext {
  const resource = `job ${ref.jobId} of app ${ref.appId}, ${jobPlace(ref)}`;
  return (isHostingRef(ref) ? hostingErrorContext : errorContext)(config, ref.region, readAction(ref), resource);
}

/** The context for one Amplify Hosting request (GetJob, ListJobs): signed for the Amplify host. */
export function hostingErrorContext(config: EndpointConfig, region: string, action: string, resource: string): ErrorContext {
  const { signingHost } = resolveHostingEndpoint(config, region);
  return { ...errorContext(config, region, action, resource), signingHost, service: 'Amplify Hosting' };
}

/** The context for one request: the host it was signed for and the timeout come from the config and the client. */
export function errorContext(
  config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>,
  region: string,
  action: string,
  resource: string,
): ErrorContext {
  return {
    action,
    region,
    resource,
    signingHost: resolveEndpoint(config, region).signingHost,
    timeoutSeconds: REQUEST_TIMEOUT_MS / 1000,
  };
}

export interface ErrorDescription {
  title: string;
  /** What it means and what to do, in words. */
  detail: string;
  /** The server's own message, verbatim, when it sent one. */
  serverMessage?: string;
  status?: number;
  requestId?: string;
}

/** The words for each kind of AWS failure; `http` is " (HTTP 403)" when AWS answered with a status. */
const WORDS: Record<AwsErrorKind, (context: ErrorContext, http: string) => { title: string; detail: string }> = {
  'bad-request': ({ resource }, http) => ({
    title: `AWS rejected the request${http}`,
    detail: `AWS found the request for ${resource} invalid.`,
  }),
  'access-denied': ({ action, region }, http) => ({
    title: `Access denied${http}`,
    detail: `The role behind these credentials is not allowed to read this job. It needs the IAM action ${action} on this app in ${region}.`,
  }),
  'expired-credentials': (_, http) => ({
    title: `AWS credentials expired${http}`,
    detail: 'The credentials expired and fresh ones were refused too. Reload the page to start a new session.',
  }),
  'invalid-credentials': (_, http) => ({
    title: `AWS did not recognise the credentials${http}`,
    detail: 'The access key or session token was refused. Reload the page to get fresh credentials.',
  }),
  'signature-mismatch': ({ signingHost, service }, http) => ({
    title: `Request signature refused${http}`,
    detail: `This is a configuration problem: the request was signed for host ${signingHost}, and AWS computed a different signature. Check ${ENDPOINT_FIELDS[service ?? 'AmplifyBackend']} in config.json.`,
  }),
  'clock-skew': (_, http) => ({
    title: `This computer’s clock is wrong${http}`,
    detail:
      'AWS refused the signature because the request’s time is more than 5 minutes from its own. Set the system clock to update automatically.',
  }),
  'not-found': ({ resource, region }, http) => ({
    title: `Not found in ${region}${http}`,
    detail: `AWS has no ${resource} in region ${region}. Check the IDs, and if the app lives in another region, open the link with ?region=<that region>.`,
  }),
  throttled: (_, http) => ({
    title: `AWS is throttling requests${http}`,
    detail: 'Too many requests in a short time; checks slow down and continue by themselves.',
  }),
  'service-unavailable': ({ service }, http) => ({
    title: `The ${service ?? 'AmplifyBackend'} service is having trouble${http}`,
    detail: 'AWS or a proxy in front of it failed to answer properly; this is usually brief.',
  }),
  http: (_, http) => ({
    title: `Unexpected answer from AWS${http}`,
    detail: 'AWS answered with a status the dashboard does not expect.',
  }),
  'invalid-response': () => ({
    title: 'The answer could not be read as a job',
    detail: 'AWS (or something between here and AWS) answered with something that is not a backend job.',
  }),
  'too-large': () => ({
    title: 'The answer was too large to read',
    detail: `AWS (or something between here and AWS) sent more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; a job is a few kilobytes. The dashboard did not read it and checks again later.`,
  }),
  network: ({ signingHost }) => ({
    title: 'Can’t reach AWS',
    detail: `The request to ${signingHost} did not get through: the network may be down, or the browser blocked it (CORS, a content blocker or a proxy).`,
  }),
  timeout: ({ timeoutSeconds }) => ({
    title: 'AWS did not answer in time',
    detail: `No answer within ${timeoutSeconds} seconds.`,
  }),
  'no-credentials': () => ({
    title: 'No AWS credentials',
    detail: 'The identity pool does not give guests credentials (allowGuestAccess is off) and nobody is signed in.',
  }),
  'credentials-failed': () => ({
    title: 'Couldn’t get AWS credentials from Cognito',
    detail: 'Cognito refused or failed to hand out credentials for this browser.',
  }),
};

/** Every failure the job page can meet, said plainly. */
export function describeError(error: unknown, context: ErrorContext): ErrorDescription {
  if (!isAwsError(error)) {
    return {
      title: 'Something went wrong in the dashboard',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const { serverMessage, status, requestId } = error;
  return { serverMessage, status, requestId, ...WORDS[error.kind](context, status ? ` (HTTP ${status})` : '') };
}
