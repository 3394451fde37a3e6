// Stands in for src/shared/aws/amplifyBackend.ts in the benchmark's SDK build (see ../build.ts): the same
// exports, but the client is the one most people would write, `@aws-sdk/client-amplifybackend`
// (GetBackendJobCommand / ListBackendJobsCommand), instead of the app's signed fetch. Its
// credentials come from the app's Amplify credential source; its errors are mapped onto the app's
// AwsError by HTTP status so the job page retries and explains them as it does for its own client.
import {
  AmplifyBackendClient as SdkAmplifyBackendClient,
  GetBackendJobCommand,
  ListBackendJobsCommand,
  type BackendJobRespObj,
} from '@aws-sdk/client-amplifybackend';
import type { AmplifyBackendClient, BackendJob, BackendJobPage } from '../../src/shared/aws/amplifyBackend';
import type * as original from '../../src/shared/aws/amplifyBackend';
import { AwsError, kindForStatus, normalizeErrorType } from '../../src/shared/aws/awsError';
import { parseJobTime } from '../../src/shared/aws/jobTime';
import type { SignedFetch } from '../../src/shared/aws/signedFetch';
import type { AppConfig } from '../../src/shared/config/appConfig';
import { credentialSourceOf } from './signedFetch';

export * from '../../src/shared/aws/amplifyBackend';

type SdkJob = Partial<BackendJobRespObj>;

function jobFromSdk(output: SdkJob): BackendJob {
  // The raw view shows the job as it travelled: the SDK's PascalCase back to the wire's camelCase.
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(output)) {
    if (name !== '$metadata' && value !== undefined) raw[name.charAt(0).toLowerCase() + name.slice(1)] = value;
  }
  return {
    appId: output.AppId,
    backendEnvironmentName: output.BackendEnvironmentName,
    jobId: output.JobId,
    operation: output.Operation,
    status: output.Status,
    createTime: parseJobTime(output.CreateTime),
    updateTime: parseJobTime(output.UpdateTime),
    error: output.Error,
    raw,
  };
}

interface SdkFailure {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

function toAwsError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SdkFailure;
  const status = failure.$metadata?.httpStatusCode;
  if (status === undefined) return new AwsError({ kind: 'network', serverMessage: failure.message, cause: error });
  const errorType = normalizeErrorType(failure.name);
  return new AwsError({
    kind: kindForStatus(status, failure.message ?? '', errorType),
    status,
    serverMessage: failure.message,
    errorType,
    requestId: failure.$metadata?.requestId,
    cause: error,
  });
}

export function createAmplifyBackendClient(
  config: Pick<AppConfig, 'amplifyBackendEndpoint' | 'signingHost'>,
  signedFetch: SignedFetch,
): AmplifyBackendClient {
  const credentials = credentialSourceOf(signedFetch);
  const clients = new Map<string, SdkAmplifyBackendClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = new SdkAmplifyBackendClient({
        region,
        endpoint: config.amplifyBackendEndpoint,
        credentials: () => credentials(),
      });
      clients.set(region, client);
    }
    return client;
  };
  return {
    async getBackendJob(key, signal) {
      try {
        const output = await clientFor(key.region).send(
          new GetBackendJobCommand({ AppId: key.appId, BackendEnvironmentName: key.envName, JobId: key.jobId }),
          { abortSignal: signal },
        );
        return jobFromSdk(output);
      } catch (error) {
        throw toAwsError(error, signal);
      }
    },
    async listBackendJobs(key, filters, signal): Promise<BackendJobPage> {
      try {
        const output = await clientFor(key.region).send(
          new ListBackendJobsCommand({
            AppId: key.appId,
            BackendEnvironmentName: key.envName,
            Status: filters.status || undefined,
            Operation: filters.operation || undefined,
            MaxResults: filters.maxResults,
            NextToken: filters.nextToken || undefined,
          }),
          { abortSignal: signal },
        );
        const page: BackendJobPage = { jobs: (output.Jobs ?? []).map(jobFromSdk) };
        if (output.NextToken) page.nextToken = output.NextToken;
        return page;
      } catch (error) {
        throw toAwsError(error, signal);
      }
    },
  };
}

// The app calls this in place of the original: the type checker keeps the two signatures in step.
createAmplifyBackendClient satisfies typeof original.createAmplifyBackendClient;
