import { isHostingRef, type BackendJobRef, type HostingJobRef, type JobRef } from '../../shared/domain/jobRef';

/**
 * The characters of every real app ID, environment name, job ID and region, and of most branch
 * names (`feature/login`). No shell gives them a meaning inside a word: not POSIX shells, fish,
 * PowerShell or cmd.exe (`/` starts a switch only where a program reads it so, and the AWS CLI
 * reads `--branch-name=feature/login` as one value). A value made only of them needs no quoting,
 * and quoting is where shells disagree (fish reads `\'` inside single quotes, PowerShell takes `’`
 * for a quote), so the command is offered only for such values.
 */
const PLAIN_VALUE = /^[A-Za-z0-9._:/-]+$/;

export function isPlainCliValue(value: string): boolean {
  return PLAIN_VALUE.test(value);
}

/** One ID of the job as the AWS CLI option that carries it. */
export interface CliValue {
  option: '--app-id' | '--backend-environment-name' | '--branch-name' | '--job-id' | '--region';
  /** What the page calls it: "App ID". */
  label: string;
  value: string;
}

/** `aws amplifybackend get-backend-job` for a backend job, `aws amplify get-job` for a hosting job. */
export type CliBase = 'aws amplifybackend get-backend-job' | 'aws amplify get-job';

export type JobCommand =
  | { kind: 'command'; base: CliBase; command: string }
  /** At least one value is not plain: no command, the values on their own (`unusual` lists those). */
  | { kind: 'unusual'; base: CliBase; values: CliValue[]; unusual: CliValue[] };

function backendValues(key: BackendJobRef): CliValue[] {
  return [
    { option: '--app-id', label: 'App ID', value: key.appId },
    { option: '--backend-environment-name', label: 'Environment', value: key.envName },
    { option: '--job-id', label: 'Job ID', value: key.jobId },
    { option: '--region', label: 'Region', value: key.region },
  ];
}

function hostingValues(key: HostingJobRef): CliValue[] {
  return [
    { option: '--app-id', label: 'App ID', value: key.appId },
    { option: '--branch-name', label: 'Branch', value: key.branchName },
    { option: '--job-id', label: 'Job ID', value: key.jobId },
    { option: '--region', label: 'Region', value: key.region },
  ];
}

export function cliValues(key: JobRef): CliValue[] {
  return isHostingRef(key) ? hostingValues(key) : backendValues(key);
}

/**
 * The AWS CLI command that asks the same question as this page, when every ID is plain. Each value
 * is joined to its option (`--job-id=VALUE`), so a value starting with `-` is still that option's
 * value and never an option of its own.
 */
export function getJobCommand(key: JobRef): JobCommand {
  const base: CliBase = isHostingRef(key) ? 'aws amplify get-job' : 'aws amplifybackend get-backend-job';
  const values = cliValues(key);
  const unusual = values.filter((item) => !isPlainCliValue(item.value));
  if (unusual.length > 0) return { kind: 'unusual', base, values, unusual };
  return { kind: 'command', base, command: [base, ...values.map((item) => `${item.option}=${item.value}`)].join(' ') };
}
