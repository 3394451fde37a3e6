import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JobRef } from '../../shared/domain/jobRef';
import { CliAndRaw } from './CliAndRaw';

const PLAIN = { region: 'us-east-1', appId: 'd2k9', envName: 'staging', jobId: '7f3c9e2a' };

async function openCli(jobKey: JobRef) {
  const user = userEvent.setup();
  render(<CliAndRaw jobKey={jobKey} job={undefined} />);
  const cli = screen.getByRole('region', { name: 'AWS CLI and raw response' });
  await user.click(within(cli).getByText('AWS CLI command'));
  return cli;
}

describe('CliAndRaw', () => {
  it('offers the command to copy when every ID is plain', async () => {
    const cli = await openCli(PLAIN);
    expect(within(cli).getByRole('button', { name: 'Copy as AWS CLI command' })).toBeVisible();
    expect(cli.querySelector('pre')?.textContent).toBe(
      'aws amplifybackend get-backend-job --app-id=d2k9 --backend-environment-name=staging --job-id=7f3c9e2a --region=us-east-1',
    );
  });

  it.each([
    ['the fish break-out of the review', { jobId: "\\';touch /tmp/pwned;#" }, 'Job ID'],
    ['a PowerShell quote', { envName: 'x\u2019;calc;\u2019' }, 'Environment'],
    ['a newline', { appId: 'a\nb' }, 'App ID'],
  ])('with %s, says the IDs are unusual and shows them on their own instead of a command', async (_label, ids, named) => {
    const jobKey = { ...PLAIN, ...ids };
    const cli = await openCli(jobKey);
    expect(within(cli).queryByRole('button', { name: 'Copy as AWS CLI command' })).toBeNull();
    expect(cli).not.toHaveTextContent('aws amplifybackend get-backend-job --');
    expect(within(cli).getByText(/These IDs are unusual/)).toHaveTextContent(`(${named} holds characters other than`);
    const shown = [...cli.querySelectorAll('dd pre')].map((pre) => pre.textContent);
    expect(shown).toEqual([jobKey.appId, jobKey.envName, jobKey.jobId, jobKey.region]);
  });
});

describe('CliAndRaw for a hosting job', () => {
  const HOSTING: JobRef = { kind: 'hosting', region: 'eu-west-1', appId: 'd2k9', branchName: 'feature/login', jobId: '12' };

  it('offers `aws amplify get-job` with the branch', async () => {
    const cli = await openCli(HOSTING);
    expect(within(cli).getByRole('button', { name: 'Copy as AWS CLI command' })).toBeVisible();
    expect(cli.querySelector('pre')?.textContent).toBe(
      'aws amplify get-job --app-id=d2k9 --branch-name=feature/login --job-id=12 --region=eu-west-1',
    );
  });

  it('with an unusual branch, names the branch and the hosting command, and shows the values on their own', async () => {
    const cli = await openCli({ ...HOSTING, branchName: 'fix#12' });
    expect(within(cli).queryByRole('button', { name: 'Copy as AWS CLI command' })).toBeNull();
    const says = within(cli).getByText(/These IDs are unusual/);
    expect(says).toHaveTextContent('(Branch holds characters other than');
    expect(says).toHaveTextContent('The values for aws amplify get-job:');
    expect([...cli.querySelectorAll('dt code')].map((code) => code.textContent)).toEqual([
      '--app-id',
      '--branch-name',
      '--job-id',
      '--region',
    ]);
    expect([...cli.querySelectorAll('dd pre')].map((pre) => pre.textContent)).toEqual(['d2k9', 'fix#12', '12', 'eu-west-1']);
  });
});

describe('the raw JSON view', () => {
  it('writes the answer out only while it is open', async () => {
    const user = userEvent.setup();
    const job = { jobId: '7f3c9e2a', status: 'RUNNING', raw: { jobId: '7f3c9e2a', status: 'RUNNING', error: 'x'.repeat(5000) } };
    render(<CliAndRaw jobKey={PLAIN} job={job} />);
    const cli = screen.getByRole('region', { name: 'AWS CLI and raw response' });
    expect(cli.querySelector('pre.raw-json')).toBeNull();
    await user.click(within(cli).getByText('Raw JSON of the last response'));
    expect(JSON.parse(cli.querySelector('pre.raw-json')?.textContent ?? 'null')).toEqual(job.raw);
    await user.click(within(cli).getByText('Raw JSON of the last response'));
    expect(cli.querySelector('pre.raw-json')).toBeNull();
  });
});
