/**
 * The user pool's side of the wire: Cognito's JSON answers and errors, the Hosted UI's OAuth2 JSON,
 * reading request fields, and how codes' destinations are shown.
 */

export type Body = Record<string, unknown>;

export function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() },
  });
}

/** Cognito's error shape: the type in `__type` (and in x-amzn-errortype, which Amplify reads first). */
export function idpError(type: string, message: string, status = 400): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': crypto.randomUUID(),
      'x-amzn-errortype': `${type}:`,
      'x-amzn-errormessage': message,
    },
  });
}

export const INCORRECT = () => idpError('NotAuthorizedException', 'Incorrect username or password.');
export const INVALID_SESSION = () => idpError('NotAuthorizedException', 'Invalid session for the user.');

export function passwordResetRequired(): Response {
  return idpError('PasswordResetRequiredException', 'Password reset required for the user');
}

export function oauthJson(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
  });
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function passwordPolicyProblem(password: string): string | undefined {
  if (password.length < 8) return 'Password does not conform to policy: Password not long enough';
  if (!/\d/.test(password)) return 'Password does not conform to policy: Password must have numeric characters';
  return undefined;
}

/** Where SMS codes go for a user without a phone number. */
export const DEFAULT_PHONE = '+15555550100';

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function maskPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-4)}`;
}
