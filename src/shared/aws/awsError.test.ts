import { describe, expect, it } from 'vitest';
import {
  AWS_ERROR_CODEC,
  AwsError,
  classifyForbidden,
  errorFromResponse,
  isAwsError,
  isTransient,
  kindForStatus,
  normalizeErrorType,
  serverTimeFromSkewMessage,
  type AwsErrorKind,
} from './awsError';

const EXPIRED_SKEW = 'Signature expired: 20261129T120000Z is now earlier than 20261129T122500Z (20261129T123000Z - 5 min.)';
const FUTURE_SKEW =
  'Signature not yet current: 20261129T124000Z is still later than 20261129T123500Z (20261129T123000Z + 5 min.)';

function response(status: number, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers) };
}

describe('normalizeErrorType', () => {
  it.each([
    [
      'com.amazonaws.amplifybackend#NotFoundException:http://internal.amazon.com/coral/com.amazonaws.amplifybackend/',
      'NotFoundException',
    ],
    ['com.amazonaws.amplifybackend#NotFoundException', 'NotFoundException'],
    ['NotFoundException:http://internal.amazon.com/coral/', 'NotFoundException'],
    ['TooManyRequestsException', 'TooManyRequestsException'],
    ['  BadRequestException  ', 'BadRequestException'],
  ])('reads %s as %s', (raw, name) => {
    expect(normalizeErrorType(raw)).toBe(name);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['nothing after the hash', 'com.amazonaws.amplifybackend#'],
  ])('gives undefined for %s', (_label, raw) => {
    expect(normalizeErrorType(raw)).toBeUndefined();
  });
});

describe('classifyForbidden', () => {
  it.each<[string, string, string | undefined, AwsErrorKind]>([
    ['a signature-expired skew', EXPIRED_SKEW, 'InvalidSignatureException', 'clock-skew'],
    ['a not-yet-current skew', FUTURE_SKEW, 'InvalidSignatureException', 'clock-skew'],
    ['a skew without a type', EXPIRED_SKEW, undefined, 'clock-skew'],
    ['an expired token', 'The security token included in the request is expired', undefined, 'expired-credentials'],
    ['the ExpiredTokenException type', 'Request failed', 'ExpiredTokenException', 'expired-credentials'],
    [
      'a signature mismatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
      undefined,
      'signature-mismatch',
    ],
    [
      'an InvalidSignatureException about the scope',
      "Credential should be scoped to a valid region, not 'eu-west-1'. ",
      'InvalidSignatureException',
      'signature-mismatch',
    ],
    ['an invalid token', 'The security token included in the request is invalid.', undefined, 'invalid-credentials'],
    ['the UnrecognizedClientException type', 'Bad client', 'UnrecognizedClientException', 'invalid-credentials'],
    [
      'an IAM denial',
      'User: arn:aws:sts::123456789012:assumed-role/Unauth/CognitoIdentityCredentials is not authorized to perform: amplifybackend:GetBackendJob',
      'AccessDeniedException',
      'access-denied',
    ],
    ['an empty message', '', undefined, 'access-denied'],
  ])('recognises %s', (_label, message, errorType, kind) => {
    expect(classifyForbidden(message, errorType)).toBe(kind);
  });

  it('matches the words regardless of case', () => {
    expect(classifyForbidden('SIGNATURE EXPIRED: …', undefined)).toBe('clock-skew');
    expect(classifyForbidden('', 'expiredtokenexception')).toBe('expired-credentials');
  });
});

describe('kindForStatus', () => {
  it.each<[number, AwsErrorKind]>([
    [400, 'bad-request'],
    [404, 'not-found'],
    [429, 'throttled'],
    [500, 'service-unavailable'],
    [502, 'service-unavailable'],
    [503, 'service-unavailable'],
    [504, 'service-unavailable'],
    [409, 'http'],
    [418, 'http'],
    [302, 'http'],
  ])('maps HTTP %s to %s', (status, kind) => {
    expect(kindForStatus(status, '', undefined)).toBe(kind);
  });

  it('decides by status, not by the (unreliable) error name', () => {
    expect(kindForStatus(400, 'Too many requests', 'TooManyRequestsException')).toBe('bad-request');
    expect(kindForStatus(429, 'Rate exceeded', 'LimitExceededException')).toBe('throttled');
    expect(kindForStatus(404, 'x', 'ValidationException')).toBe('not-found');
    expect(kindForStatus(504, 'x', 'BadRequestException')).toBe('service-unavailable');
  });

  it('splits 401 and 403 by their words', () => {
    expect(kindForStatus(403, EXPIRED_SKEW, 'InvalidSignatureException')).toBe('clock-skew');
    expect(kindForStatus(403, 'The security token included in the request is expired', undefined)).toBe('expired-credentials');
    expect(kindForStatus(401, 'The security token included in the request is invalid.', undefined)).toBe('invalid-credentials');
    expect(kindForStatus(403, 'Not authorized', undefined)).toBe('access-denied');
  });
});

describe('serverTimeFromSkewMessage', () => {
  it('reads the server time from "Signature expired"', () => {
    expect(serverTimeFromSkewMessage(EXPIRED_SKEW)?.toISOString()).toBe('2026-11-29T12:30:00.000Z');
  });

  it('reads the server time from "Signature not yet current"', () => {
    expect(serverTimeFromSkewMessage(FUTURE_SKEW)?.toISOString()).toBe('2026-11-29T12:30:00.000Z');
  });

  it('takes the time in the parentheses, not the request time or the limit', () => {
    const message = 'Signature expired: 20200101T000000Z is now earlier than 20200101T010000Z (20200101T010500Z - 5 min.)';
    expect(serverTimeFromSkewMessage(message)?.toISOString()).toBe('2020-01-01T01:05:00.000Z');
  });

  it.each([
    ['an unrelated message', 'The security token included in the request is expired'],
    ['an empty message', ''],
    ['a skew message without the server time', 'Signature expired: 20261129T120000Z is now earlier than 20261129T122500Z'],
    [
      'an impossible date',
      'Signature expired: 20261129T120000Z is now earlier than 20261129T122500Z (20261399T123000Z - 5 min.)',
    ],
  ])('gives undefined for %s', (_label, message) => {
    expect(serverTimeFromSkewMessage(message)).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  it('keeps the JSON `message` verbatim and classifies by status', () => {
    const error = errorFromResponse(response(404), JSON.stringify({ message: 'Job abc not found', resourceType: 'Job' }));
    expect(error).toBeInstanceOf(AwsError);
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.serverMessage).toBe('Job abc not found');
    expect(error.message).toBe('Job abc not found');
  });

  it('reads an upper-case `Message`', () => {
    const error = errorFromResponse(response(400), JSON.stringify({ Message: 'Invalid appId' }));
    expect(error.kind).toBe('bad-request');
    expect(error.serverMessage).toBe('Invalid appId');
  });

  it('prefers `message` when both spellings are present', () => {
    const error = errorFromResponse(response(400), JSON.stringify({ message: 'lower', Message: 'upper' }));
    expect(error.serverMessage).toBe('lower');
  });

  it('ignores a non-string message', () => {
    const error = errorFromResponse(response(400), JSON.stringify({ message: { text: 'nested' } }));
    expect(error.serverMessage).toBeUndefined();
    expect(error.message).toBe('bad-request');
  });

  it('takes the x-amzn-errortype header over __type and code', () => {
    const error = errorFromResponse(
      response(404, { 'x-amzn-errortype': 'NotFoundException:http://internal.amazon.com/coral/' }),
      JSON.stringify({ __type: 'com.amazonaws.amplifybackend#BadRequestException', code: 'Other', message: 'm' }),
    );
    expect(error.errorType).toBe('NotFoundException');
  });

  it('takes __type over code when the header is unreadable (cross-origin)', () => {
    const error = errorFromResponse(
      response(404),
      JSON.stringify({ __type: 'com.amazonaws.amplifybackend#NotFoundException', code: 'Other', message: 'm' }),
    );
    expect(error.errorType).toBe('NotFoundException');
  });

  it('falls back to code', () => {
    const error = errorFromResponse(response(429), JSON.stringify({ code: 'TooManyRequestsException', message: 'slow down' }));
    expect(error.errorType).toBe('TooManyRequestsException');
    expect(error.kind).toBe('throttled');
  });

  it('turns an HTML 502 from a proxy into service-unavailable without inventing a server message', () => {
    const error = errorFromResponse(
      response(502, { 'content-type': 'text/html' }),
      '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>',
    );
    expect(error.kind).toBe('service-unavailable');
    expect(error.status).toBe(502);
    expect(error.serverMessage).toBeUndefined();
    expect(error.errorType).toBeUndefined();
    expect(isTransient(error)).toBe(true);
  });

  it('handles an empty body', () => {
    const error = errorFromResponse(response(503), '');
    expect(error.kind).toBe('service-unavailable');
    expect(error.serverMessage).toBeUndefined();
  });

  it('ignores JSON that is not an object', () => {
    expect(errorFromResponse(response(400), '["message"]').serverMessage).toBeUndefined();
    expect(errorFromResponse(response(400), '"message"').serverMessage).toBeUndefined();
    expect(errorFromResponse(response(400), 'null').serverMessage).toBeUndefined();
  });

  it('reads the request id from x-amzn-requestid, else x-amz-request-id', () => {
    expect(errorFromResponse(response(500, { 'x-amzn-requestid': 'req-1', 'x-amz-request-id': 'req-2' }), '').requestId).toBe(
      'req-1',
    );
    expect(errorFromResponse(response(500, { 'x-amz-request-id': 'req-2' }), '').requestId).toBe('req-2');
    expect(errorFromResponse(response(500), '').requestId).toBeUndefined();
  });

  it('classifies a 403 clock skew and takes the server time from the message over the Date header', () => {
    const error = errorFromResponse(
      response(403, { date: 'Sun, 29 Nov 2026 12:29:00 GMT' }),
      JSON.stringify({ message: EXPIRED_SKEW }),
    );
    expect(error.kind).toBe('clock-skew');
    expect(error.serverTime?.toISOString()).toBe('2026-11-29T12:30:00.000Z');
  });

  it('uses the Date header as server time when no skew message says otherwise', () => {
    const error = errorFromResponse(response(404, { date: 'Sun, 29 Nov 2026 12:29:00 GMT' }), '{}');
    expect(error.serverTime?.toISOString()).toBe('2026-11-29T12:29:00.000Z');
  });

  it('ignores an unreadable Date header', () => {
    expect(errorFromResponse(response(404, { date: 'yesterday' }), '{}').serverTime).toBeUndefined();
  });

  it('classifies an expired-token 403', () => {
    const error = errorFromResponse(
      response(403),
      JSON.stringify({ message: 'The security token included in the request is expired' }),
    );
    expect(error.kind).toBe('expired-credentials');
    expect(isTransient(error)).toBe(false);
  });
});

describe('isTransient and isAwsError', () => {
  it.each<[AwsErrorKind, boolean]>([
    ['throttled', true],
    ['service-unavailable', true],
    ['network', true],
    ['timeout', true],
    ['invalid-response', true],
    ['bad-request', false],
    ['not-found', false],
    ['access-denied', false],
    ['expired-credentials', false],
    ['invalid-credentials', false],
    ['signature-mismatch', false],
    ['clock-skew', false],
    ['http', false],
    ['no-credentials', false],
    ['credentials-failed', false],
  ])('%s transient: %s', (kind, transient) => {
    expect(isTransient(new AwsError({ kind }))).toBe(transient);
  });

  it('treats anything that is not an AwsError as not transient', () => {
    expect(isTransient(new Error('network'))).toBe(false);
    expect(isTransient({ kind: 'network' })).toBe(false);
    expect(isTransient(undefined)).toBe(false);
    expect(isAwsError({ kind: 'network' })).toBe(false);
    expect(isAwsError(new AwsError({ kind: 'network' }))).toBe(true);
  });

  it('names the error and falls back to the kind as its message', () => {
    const error = new AwsError({ kind: 'timeout' });
    expect(error.name).toBe('AwsError');
    expect(error.message).toBe('timeout');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('AWS_ERROR_CODEC', () => {
  it('passes AWS errors between tabs with their kind and status', () => {
    const decoded = AWS_ERROR_CODEC.decode(
      structuredClone(
        AWS_ERROR_CODEC.encode(new AwsError({ kind: 'not-found', status: 404, serverMessage: 'No job', requestId: 'r-1' })),
      ),
    );
    expect(isAwsError(decoded)).toBe(true);
    expect(decoded).toMatchObject({ kind: 'not-found', status: 404, serverMessage: 'No job', requestId: 'r-1' });
  });

  it('an error of a kind this app does not know is not taken as AWS’s answer', () => {
    const forged = AWS_ERROR_CODEC.decode({ aws: true, kind: 'all-good', status: '200', serverMessage: 42 });
    expect(isAwsError(forged)).toBe(false);
    expect(forged).toBeInstanceOf(Error);
    const typed = AWS_ERROR_CODEC.decode({ aws: true, kind: 'throttled', status: '429', serverMessage: { html: 1 } });
    expect(typed).toMatchObject({ kind: 'throttled', status: undefined, serverMessage: undefined });
  });
});
