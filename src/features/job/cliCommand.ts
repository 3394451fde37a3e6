import type { BackendJobKey } from '../../shared/aws/amplifyBackend';

/** POSIX shell quoting: plain IDs stay readable, anything else is single-quoted safely. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9._:@%+=,/-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The AWS CLI command that asks the same question as this page. */
export function getBackendJobCommand(key: BackendJobKey): string {
  return [
    'aws amplifybackend get-backend-job',
    `--app-id ${shellQuote(key.appId)}`,
    `--backend-environment-name ${shellQuote(key.envName)}`,
    `--job-id ${shellQuote(key.jobId)}`,
    `--region ${shellQuote(key.region)}`,
  ].join(' ');
}
