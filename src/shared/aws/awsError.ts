/**
 * What went wrong with one AWS request, decided by HTTP status first (the service's error names
 * are not reliable), then by the words of a 403 which covers several different problems.
 */
export const AWS_ERROR_KINDS = [
  'bad-request',
  'access-denied',
  'expired-credentials',
  'invalid-credentials',
  'signature-mismatch',
  'clock-skew',
  'not-found',
  'throttled',
  'service-unavailable',
  'http',
  'invalid-response',
  'too-large',
  'network',
  'timeout',
  'no-credentials',
  'credentials-failed',
] as const;

export type AwsErrorKind = (typeof AWS_ERROR_KINDS)[number];

export interface AwsErrorInit {
  kind: AwsErrorKind;
  /** The server's own words, verbatim, when it sent any. */
  serverMessage?: string;
  status?: number;
  errorType?: string;
  requestId?: string;
  /** The server's clock, when the response revealed it (Date header or a skew message). */
  serverTime?: Date;
  cause?: unknown;
}

export class AwsError extends Error {
  readonly kind: AwsErrorKind;
  readonly serverMessage?: string;
  readonly status?: number;
  readonly errorType?: string;
  readonly requestId?: string;
  readonly serverTime?: Date;
  /** When the failure was observed by this browser. */
  readonly at: Date;

  constructor(init: AwsErrorInit) {
    super(init.serverMessage ?? init.kind, { cause: init.cause });
    this.name = 'AwsError';
    this.kind = init.kind;
    this.serverMessage = init.serverMessage;
    this.status = init.status;
    this.errorType = init.errorType;
    this.requestId = init.requestId;
    this.serverTime = init.serverTime;
    this.at = new Date();
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}

/**
 * AwsError as plain data, to cross browser tabs (structured clone drops a class's own fields); `at`
 * becomes the moment it arrived. Another page of this origin could post anything: only a known kind
 * is read back as AWS's answer, and only fields of the right type.
 */
export const AWS_ERROR_CODEC = {
  encode: (error: unknown): unknown => {
    if (!isAwsError(error)) return { message: error instanceof Error ? error.message : String(error) };
    const { kind, serverMessage, status, errorType, requestId, serverTime } = error;
    return { aws: true, kind, serverMessage, status, errorType, requestId, serverTime };
  },
  decode: (data: unknown): Error => {
    const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    if (fields.aws !== true || !(AWS_ERROR_KINDS as readonly unknown[]).includes(fields.kind)) {
      return new Error(text(fields.message) ?? 'The job could not be read.');
    }
    return new AwsError({
      kind: fields.kind as AwsErrorKind,
      serverMessage: text(fields.serverMessage),
      status: typeof fields.status === 'number' ? fields.status : undefined,
      errorType: text(fields.errorType),
      requestId: text(fields.requestId),
      serverTime: fields.serverTime instanceof Date ? fields.serverTime : undefined,
    });
  },
};

/** Errors that a later identical request may not hit: worth retrying with backoff. */
const TRANSIENT: ReadonlySet<AwsErrorKind> = new Set([
  'throttled',
  'service-unavailable',
  'network',
  'timeout',
  'invalid-response',
  'too-large',
]);

export function isTransient(error: unknown): boolean {
  return isAwsError(error) && TRANSIENT.has(error.kind);
}

/** `com.amazonaws.amplifybackend#NotFoundException:http://…` → `NotFoundException`. */
export function normalizeErrorType(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const afterHash = raw.includes('#') ? raw.slice(raw.indexOf('#') + 1) : raw;
  const name = afterHash.split(':')[0]?.trim();
  return name || undefined;
}

/** Classifies a 403 by its words: AWS uses one status for four different problems. */
export function classifyForbidden(message: string, errorType: string | undefined): AwsErrorKind {
  const text = `${errorType ?? ''} ${message}`.toLowerCase();
  if (text.includes('signature expired') || text.includes('signature not yet current')) return 'clock-skew';
  if (text.includes('expiredtoken') || text.includes('token included in the request is expired')) {
    return 'expired-credentials';
  }
  if (text.includes('signature we calculated does not match') || text.includes('invalidsignature')) {
    return 'signature-mismatch';
  }
  if (text.includes('unrecognizedclient') || text.includes('security token included in the request is invalid')) {
    return 'invalid-credentials';
  }
  return 'access-denied';
}

export function kindForStatus(status: number, message: string, errorType: string | undefined): AwsErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 401 || status === 403) return classifyForbidden(message, errorType);
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'service-unavailable';
  return 'http';
}

const SKEW_TIME = /(earlier|later) than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) [-+] 5 min/;

/** The server's time inside a `Signature expired` / `Signature not yet current` message. */
export function serverTimeFromSkewMessage(message: string): Date | undefined {
  const match = SKEW_TIME.exec(message);
  const stamp = match?.[3];
  if (!stamp) return undefined;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Turns a non-2xx response into an AwsError. The body may be JSON with `message`/`Message`, or
 * anything else (an HTML page from a proxy): the HTTP status decides the kind either way.
 */
export function errorFromResponse(response: Pick<Response, 'status' | 'headers'>, text: string): AwsError {
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    body = undefined;
  }
  const rawMessage = body?.message ?? body?.Message;
  const serverMessage = typeof rawMessage === 'string' ? rawMessage : undefined;
  const errorType = normalizeErrorType(
    response.headers.get('x-amzn-errortype') ??
      (typeof body?.__type === 'string' ? body.__type : undefined) ??
      (typeof body?.code === 'string' ? body.code : undefined),
  );
  const kind = kindForStatus(response.status, serverMessage ?? '', errorType);
  const dateHeader = response.headers.get('date');
  const headerTime = dateHeader ? new Date(dateHeader) : undefined;
  const serverTime =
    (serverMessage && kind === 'clock-skew' ? serverTimeFromSkewMessage(serverMessage) : undefined) ??
    (headerTime && !Number.isNaN(headerTime.getTime()) ? headerTime : undefined);
  return new AwsError({
    kind,
    status: response.status,
    serverMessage,
    errorType,
    requestId: response.headers.get('x-amzn-requestid') ?? response.headers.get('x-amz-request-id') ?? undefined,
    serverTime,
  });
}
