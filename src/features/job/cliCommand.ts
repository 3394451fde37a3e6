import type { BackendJobKey } from '../../shared/aws/amplifyBackend';

/**
 * The characters of every real app ID, environment name, job ID and region. No shell gives them a
 * meaning inside a word: not POSIX shells, fish, PowerShell or cmd.exe. A value made only of them
 * needs no quoting, and quoting is where shells disagree (fish reads `\'` inside single quotes,
 * PowerShell takes `’` for a quote), so the command is offered only for such values.
 */
const PLAIN_VALUE = /^[A-Za-z0-9._:-]+$/;

export function isPlainCliValue(value: string): boolean {
  return PLAIN_VALUE.test(value);
}

/** One ID of the job as the AWS CLI option that carries it. */
export interface CliValue {
  option: '--app-id' | '--backend-environment-name' | '--job-id' | '--region';
  /** What the page calls it: "App ID". */
  label: string;
  value: string;
}

export type BackendJobCommand =
  | { kind: 'command'; command: string }
  /** At least one value is not plain: no command, the values on their own (`unusual` lists those). */
  | { kind: 'unusual'; values: CliValue[]; unusual: CliValue[] };

export function cliValues(key: BackendJobKey): CliValue[] {
  return [
    { option: '--app-id', label: 'App ID', value: key.appId },
    { option: '--backend-environment-name', label: 'Environment', value: key.envName },
    { option: '--job-id', label: 'Job ID', value: key.jobId },
    { option: '--region', label: 'Region', value: key.region },
  ];
}

/**
 * The AWS CLI command that asks the same question as this page, when every ID is plain. Each value
 * is joined to its option (`--job-id=VALUE`), so a value starting with `-` is still that option's
 * value and never an option of its own.
 */
export function getBackendJobCommand(key: BackendJobKey): BackendJobCommand {
  const values = cliValues(key);
  const unusual = values.filter((item) => !isPlainCliValue(item.value));
  if (unusual.length > 0) return { kind: 'unusual', values, unusual };
  return {
    kind: 'command',
    command: ['aws amplifybackend get-backend-job', ...values.map((item) => `${item.option}=${item.value}`)].join(' '),
  };
}
