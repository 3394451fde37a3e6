/**
 * The words for a problem in a terminal: the page's title for each error kind (shared/ui/describeError),
 * and, where the page's advice speaks of the page (reload it, config.json, sign in), what to do here.
 */
import { isAwsError } from '../shared/aws/awsError';
import { describeError, type ErrorContext } from '../shared/ui/describeError';

function whatToDo(error: unknown, context: ErrorContext, pageDetail: string): string {
  if (!isAwsError(error)) return pageDetail;
  switch (error.kind) {
    case 'no-credentials':
      return 'Set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role is attached.';
    case 'credentials-failed':
      return 'The AWS SDK found credentials settings but could not use them: check AWS_PROFILE and the shared config, or run `aws sso login`.';
    case 'expired-credentials':
      return 'The credentials expired and fresh ones were refused too: renew them (`aws sso login`, new keys) and run again.';
    case 'invalid-credentials':
      return 'The access key or session token was refused: check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN or the profile.';
    case 'signature-mismatch':
      return `The request was signed for host ${context.signingHost} and AWS computed a different signature: check the secret access key and AWS_ENDPOINT_URL.`;
    case 'not-found':
      return `AWS has no ${context.resource} in region ${context.region}. Check the IDs; if the app lives in another region, put ?region=<that region> in the link (or --region for links without one).`;
    case 'network':
      return `The request to ${context.signingHost} did not get through: check the network, a proxy, or AWS_ENDPOINT_URL.`;
    default:
      return pageDetail;
  }
}

/** One line: what went wrong, what to do, and AWS's own words when it sent any. */
export function problemText(error: unknown, context: ErrorContext): string {
  const description = describeError(error, context);
  // Credential errors come from the SDK, not AWS; its "none found" adds nothing to the advice.
  const kind = isAwsError(error) ? error.kind : undefined;
  const speaker = kind === 'credentials-failed' ? 'The AWS SDK' : 'AWS';
  const said = description.serverMessage && kind !== 'no-credentials' ? ` ${speaker} said: “${description.serverMessage}”` : '';
  return `${description.title}. ${whatToDo(error, context, description.detail)}${said}`;
}

/** The problem's title alone, for a retry that needs no advice. */
export function problemTitle(error: unknown, context: ErrorContext): string {
  return describeError(error, context).title;
}
