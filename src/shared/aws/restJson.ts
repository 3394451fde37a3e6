import { AwsError } from './awsError';
import type { SignedResponse } from './signedFetch';

type Answer = Pick<SignedResponse, 'text' | 'headers' | 'status'>;

/** A 2xx answer that is not what the operation returns: "invalid-response", with AWS's request id. */
export function invalidResponse(response: Pick<SignedResponse, 'headers' | 'status'>, message: string): AwsError {
  return new AwsError({
    kind: 'invalid-response',
    status: response.status,
    serverMessage: message,
    requestId: response.headers.get('x-amzn-requestid') ?? undefined,
  });
}

/** A rest-json body, which is always a JSON object. */
export function parseObject(response: Answer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw invalidResponse(response, 'The response was not JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidResponse(response, 'The response was not a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * A list operation's page (ListBackendJobs' `jobs`, ListJobs' `jobSummaries`) and its `nextToken`.
 * Entries that are not jobs are skipped, not fatal; a member that is not a list is.
 */
export function readJobPage<W, J>(
  response: Answer,
  member: string,
  isEntry: (value: unknown) => value is W,
  fromWire: (wire: W) => J,
): { jobs: J[]; nextToken?: string } {
  const body = parseObject(response);
  const entries = body[member];
  if (entries !== undefined && !Array.isArray(entries)) {
    throw invalidResponse(response, `The response’s "${member}" was not a list.`);
  }
  const jobs = ((entries as unknown[] | undefined) ?? []).filter(isEntry).map(fromWire);
  const nextToken = typeof body.nextToken === 'string' && body.nextToken !== '' ? body.nextToken : undefined;
  return nextToken ? { jobs, nextToken } : { jobs };
}
