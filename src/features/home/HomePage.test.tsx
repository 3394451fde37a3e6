import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RECENT_JOBS_KEY, type RecentJob } from '../../shared/browser/recentJobs';
import { addJob, getJobRequests, renderApp, TEST_APP_ID, TEST_ENV } from '../../test/renderApp';
import { sim } from '../../test/server';

vi.setConfig({ testTimeout: 20_000 });

function form() {
  const section = screen.getByRole('region', { name: 'Open a job' });
  return {
    region: within(section).getByRole('combobox', { name: 'Region' }),
    appId: within(section).getByRole('textbox', { name: 'App ID' }),
    /** Only there while a backend job is chosen. */
    get envName() {
      return within(section).getByRole('textbox', { name: 'Environment' });
    },
    /** Only there while a hosting build is chosen. */
    get branchName() {
      return within(section).getByRole('textbox', { name: 'Branch' });
    },
    backend: within(section).getByRole('radio', { name: 'Backend job' }),
    hosting: within(section).getByRole('radio', { name: 'Hosting build' }),
    jobId: within(section).getByRole('textbox', { name: 'Job ID' }),
    open: within(section).getByRole('button', { name: 'Open' }),
    section,
  };
}

/** A paste of `text` into `target`, as the browser fires it (the form listens for it). */
function paste(target: HTMLElement, text: string): void {
  fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === 'text' || type === 'text/plain' ? text : '') },
  });
}

/** Moves the app to `path` the way the browser's back/forward does (popstate). */
function goTo(path: string): void {
  act(() => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
}

/** The home page, loaded on demand: resolves once its heading is there. */
async function openHome(options: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp({ path: '/', ...options });
  await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' });
  return app;
}

/** Puts `value` into a field the quick way (a paste of plain text, which the form leaves alone). */
async function fill(user: Awaited<ReturnType<typeof renderApp>>['user'], field: HTMLElement, value: string): Promise<void> {
  await user.click(field);
  await user.paste(value);
}

function here(): string {
  return window.location.pathname + window.location.search;
}

describe('the open-a-job form', () => {
  it('has labelled Region, App ID, Environment and Job ID fields and an Open button; the region defaults to the config’s', async () => {
    await openHome();
    const fields = form();
    expect(fields.region).toHaveValue('us-east-1');
    expect(within(fields.region).getByRole('option', { name: 'eu-west-1' })).toBeInTheDocument();
    expect(fields.appId).toHaveValue('');
    expect(fields.envName).toHaveValue('');
    expect(fields.jobId).toHaveValue('');
    await waitFor(() => expect(document.title).toBe('Amplify Job Watch'));
    expect(sim.records).toEqual([]);
  });

  it('pasting a job link fills every field, region included', async () => {
    await openHome();
    const fields = form();
    paste(fields.appId, `  https://jobs.example.com/apps/d9z8y7x6/environments/prod/jobs/7f3c9e2a-5b1d-4c8e?region=eu-west-1\n`);
    expect(fields.region).toHaveValue('eu-west-1');
    expect(fields.appId).toHaveValue('d9z8y7x6');
    expect(fields.envName).toHaveValue('prod');
    expect(fields.jobId).toHaveValue('7f3c9e2a-5b1d-4c8e');
    expect(within(fields.section).getByRole('status')).toHaveTextContent('Filled in from what you pasted.');
  });

  it('pasting the JSON the AWS CLI printed fills the IDs and keeps the region', async () => {
    await openHome();
    const fields = form();
    const cli = JSON.stringify(
      {
        AppId: 'd1cliapp',
        BackendEnvironmentName: 'dev',
        JobId: 'job-from-cli',
        Operation: 'CreateBackendAuth',
        Status: 'RUNNING',
      },
      null,
      4,
    );
    paste(fields.jobId, cli);
    expect(fields.region).toHaveValue('us-east-1');
    expect(fields.appId).toHaveValue('d1cliapp');
    expect(fields.envName).toHaveValue('dev');
    expect(fields.jobId).toHaveValue('job-from-cli');
  });

  it('pasting an environment link fills app and environment only', async () => {
    const { user } = await openHome();
    const fields = form();
    await fill(user, fields.jobId, 'keep-me');
    paste(fields.envName, '/apps/dEnvApp/environments/qa/jobs');
    expect(fields.appId).toHaveValue('dEnvApp');
    expect(fields.envName).toHaveValue('qa');
    expect(fields.jobId).toHaveValue('keep-me');
  });

  it('pasting ordinary text is an ordinary paste', async () => {
    const { user } = await openHome();
    const fields = form();
    await user.click(fields.appId);
    await user.paste('dPlainText');
    expect(fields.appId).toHaveValue('dPlainText');
    expect(fields.envName).toHaveValue('');
    expect(within(fields.section).getByRole('status')).toHaveTextContent('');
  });

  it('Open with a Job ID goes to the live job page', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await openHome({ pollIntervalSeconds: 60 });
    const fields = form();
    await fill(user, fields.appId, TEST_APP_ID);
    await fill(user, fields.envName, TEST_ENV);
    await user.click(fields.jobId);
    await user.paste(job.jobId);
    await user.click(fields.open);
    expect(here()).toBe(job.path);
    expect(await screen.findByRole('heading', { level: 1, name: `Job ${job.jobId}` })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('Open in another region puts ?region= in the link; Enter submits too', async () => {
    const job = addJob({ region: 'eu-west-1', steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user } = await openHome();
    const fields = form();
    await user.selectOptions(fields.region, 'eu-west-1');
    await fill(user, fields.appId, TEST_APP_ID);
    await fill(user, fields.envName, TEST_ENV);
    await user.click(fields.jobId);
    await user.paste(job.jobId);
    await user.keyboard('{Enter}');
    expect(here()).toBe(`${job.path}?region=eu-west-1`);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('COMPLETED'));
  });

  it('Open without a Job ID goes to the environment’s job list', async () => {
    const job = addJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user } = await openHome();
    const fields = form();
    await fill(user, fields.appId, `  ${TEST_APP_ID} `);
    await fill(user, fields.envName, TEST_ENV);
    await user.click(fields.open);
    expect(here()).toBe(`/apps/${TEST_APP_ID}/environments/${TEST_ENV}/jobs`);
    expect(await screen.findByRole('heading', { level: 1, name: `Jobs of environment ${TEST_ENV}` })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: job.jobId })).toBeInTheDocument();
  });

  it.each([
    ['nothing filled in', { appId: '', envName: '' }, { appId: 'App ID is empty.', envName: 'Environment is empty.' }],
    ['“..” as the environment', { appId: 'dApp', envName: '..' }, { envName: 'Environment cannot be “..”.' }],
    [
      'a 300-character job ID',
      { appId: 'dApp', envName: 'dev', jobId: 'j'.repeat(300) },
      { jobId: 'Job ID is 300 characters long; at most 256 are accepted.' },
    ],
  ])('%s: says what is wrong at each field, focuses the first, and stays on the page', async (_name, values, messages) => {
    const { user } = await openHome();
    const fields = form();
    if (values.appId) await fill(user, fields.appId, values.appId);
    if (values.envName) await fill(user, fields.envName, values.envName);
    if ('jobId' in values && values.jobId) {
      await user.click(fields.jobId);
      await user.paste(values.jobId);
    }
    await user.click(fields.open);
    const names = ['appId', 'envName', 'jobId'] as const;
    for (const name of names) {
      const message = (messages as Partial<Record<(typeof names)[number], string>>)[name];
      if (message) {
        expect(fields[name]).toHaveAttribute('aria-invalid', 'true');
        expect(fields[name]).toHaveAccessibleDescription(message);
      } else {
        expect(fields[name]).not.toHaveAttribute('aria-invalid');
      }
    }
    const first = names.find((name) => name in messages);
    expect(first && fields[first]).toHaveFocus();
    expect(here()).toBe('/');
    expect(sim.records).toEqual([]);
  });

  it('the message sits right after its field, and goes once the field is right', async () => {
    const { user } = await openHome();
    const fields = form();
    await user.click(fields.open);
    const message = document.getElementById(fields.appId.getAttribute('aria-describedby') ?? '');
    expect(message).toHaveTextContent('App ID is empty.');
    expect(fields.appId.nextElementSibling).toBe(message);
    await user.click(fields.appId);
    await user.keyboard('d');
    expect(fields.appId).not.toHaveAttribute('aria-invalid');
    expect(fields.appId).not.toHaveAccessibleDescription();
    // Environment is still wrong and still says so.
    expect(fields.envName).toHaveAccessibleDescription('Environment is empty.');
  });

  it.each([
    ['current', 'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview'],
    ['older', 'https://console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/YmFja2VuZA/staging'],
  ])('pasting an Amplify console address (%s form) takes the app ID and region out of it', async (_form, address) => {
    const { user } = await openHome();
    const fields = form();
    await fill(user, fields.envName, 'keep-me');
    paste(fields.appId, address);
    expect(fields.appId).toHaveValue('d2k9xq7v1ab3cd');
    expect(fields.region).toHaveValue('eu-west-1');
    expect(fields.envName).toHaveValue('keep-me');
    expect(within(fields.section).getByRole('status')).toHaveTextContent(
      'Took the app ID and region from the Amplify console address.',
    );
  });

  it('JSON cut off part way: the field says so at once, and Open says it again', async () => {
    const { user } = await openHome();
    const fields = form();
    paste(fields.appId, '{\n  "AppId": "d2k9xq7v1ab3cd",\n  "BackendEnvironmentName": "stag');
    expect(fields.appId).toHaveAttribute('aria-invalid', 'true');
    expect(fields.appId).toHaveAccessibleDescription(/looks like the JSON the AWS CLI printed, cut off part way/);
    await fill(user, fields.appId, '"AppId": "d2k9xq7v1ab3cd",');
    await fill(user, fields.envName, 'staging');
    await user.click(fields.open);
    expect(fields.appId).toHaveAccessibleDescription(/holds part of the JSON the AWS CLI printed/);
    expect(fields.appId).toHaveFocus();
    expect(here()).toBe('/');
  });

  it('a space inside an ID is caught before anything is sent', async () => {
    const { user } = await openHome();
    const fields = form();
    await fill(user, fields.appId, 'd2k9 xq7v1ab3cd');
    await fill(user, fields.envName, 'staging');
    await user.click(fields.open);
    expect(fields.appId).toHaveAccessibleDescription(
      'App ID has a space in it; IDs have none. Check that only the ID was copied.',
    );
    expect(here()).toBe('/');
    expect(sim.records).toEqual([]);
  });

  it('a pasted link with an unknown region keeps every field and names the region at the Region field', async () => {
    const { user } = await openHome();
    const fields = form();
    paste(fields.jobId, '/apps/dApp/environments/prod/jobs/job-1?region=eu-west-9');
    expect(fields.appId).toHaveValue('dApp');
    expect(fields.jobId).toHaveValue('job-1');
    expect(fields.region).toHaveValue('eu-west-9');
    expect(fields.region).toHaveAttribute('aria-invalid', 'true');
    expect(fields.region).toHaveAccessibleDescription(
      /^Region “eu-west-9”, from what was pasted, is not a region where AmplifyBackend runs/,
    );
    await user.click(fields.open);
    expect(fields.region).toHaveFocus();
    expect(here()).toBe('/');
    await user.selectOptions(fields.region, 'eu-west-1');
    expect(fields.region).not.toHaveAttribute('aria-invalid');
    await user.click(fields.open);
    expect(here()).toBe('/apps/dApp/environments/prod/jobs/job-1?region=eu-west-1');
  });

  it('Back to the home page finds the form as it was left', async () => {
    const { user } = await openHome();
    const fields = form();
    await user.selectOptions(fields.region, 'eu-west-2');
    await fill(user, fields.appId, 'dApp');
    await fill(user, fields.envName, 'prod');
    await user.click(fields.open);
    expect(here()).toBe('/apps/dApp/environments/prod/jobs?region=eu-west-2');
    await screen.findByRole('heading', { level: 1, name: 'Jobs of environment prod' });
    act(() => window.history.back());
    await screen.findByRole('region', { name: 'Open a job' });
    const again = form();
    expect(again.region).toHaveValue('eu-west-2');
    expect(again.appId).toHaveValue('dApp');
    expect(again.envName).toHaveValue('prod');
    expect(again.jobId).toHaveValue('');
  });
});

describe('the open-a-job form for a hosting build', () => {
  it('a Kind choice (backend job by default) swaps Environment for Branch; Open goes to the build or the branch’s list', async () => {
    const { user } = await openHome();
    const fields = form();
    expect(fields.backend).toBeChecked();
    expect(fields.hosting).not.toBeChecked();
    expect(within(fields.section).getByRole('group', { name: 'Kind' })).toBeInTheDocument();
    await fill(user, fields.envName, 'kept-for-later');
    await user.click(fields.hosting);
    expect(fields.hosting).toBeChecked();
    expect(within(fields.section).queryByRole('textbox', { name: 'Environment' })).not.toBeInTheDocument();
    await fill(user, fields.appId, 'dApp');
    await fill(user, fields.branchName, 'feature/login');
    await user.click(fields.jobId);
    await user.paste('12');
    await user.click(fields.open);
    expect(here()).toBe('/apps/dApp/branches/feature%2Flogin/jobs/12');

    act(() => window.history.back());
    await screen.findByRole('region', { name: 'Open a job' });
    const again = form();
    expect(again.hosting).toBeChecked();
    expect(again.branchName).toHaveValue('feature/login');
    await user.selectOptions(again.region, 'eu-west-1');
    await user.clear(again.jobId);
    await user.click(again.open);
    expect(here()).toBe('/apps/dApp/branches/feature%2Flogin/jobs?region=eu-west-1');

    act(() => window.history.back());
    await screen.findByRole('region', { name: 'Open a job' });
    await user.click(form().backend);
    expect(form().envName).toHaveValue('kept-for-later');
  });

  it('says at the field that a hosting Job ID is the branch’s job number, and an empty Branch, before anything is sent', async () => {
    const { user } = await openHome();
    const fields = form();
    await user.click(fields.hosting);
    await fill(user, fields.appId, 'dApp');
    await user.click(fields.jobId);
    await user.paste('7f3c9e2a-5b1d');
    await user.click(fields.open);
    expect(fields.branchName).toHaveAttribute('aria-invalid', 'true');
    expect(fields.branchName).toHaveAccessibleDescription('Branch is empty.');
    expect(fields.branchName).toHaveFocus();
    expect(fields.jobId).toHaveAccessibleDescription(
      'Job ID of a hosting job is the branch’s job number, digits only (for example 12).',
    );
    expect(here()).toBe('/');
    expect(sim.records).toEqual([]);
  });

  it('pasting a hosting job link picks Hosting build, fills the branch and says the form changed', async () => {
    await openHome();
    const fields = form();
    paste(fields.appId, 'https://jobs.example.com/apps/dHost/branches/feature%2Flogin/jobs/12?region=eu-west-1');
    expect(fields.hosting).toBeChecked();
    expect(fields.region).toHaveValue('eu-west-1');
    expect(fields.appId).toHaveValue('dHost');
    expect(fields.branchName).toHaveValue('feature/login');
    expect(fields.jobId).toHaveValue('12');
    expect(within(fields.section).getByRole('status')).toHaveTextContent(
      'Filled in from what you pasted. It names a hosting build, so the form now asks for a branch.',
    );
  });

  it('pasting what `aws amplify get-job` printed fills region, app, branch and job from the job’s ARN', async () => {
    const { user } = await openHome();
    const fields = form();
    const printed = JSON.stringify(
      {
        job: {
          summary: {
            jobArn: 'arn:aws:amplify:eu-west-2:123456789012:apps/dCli/branches/release/2.0/jobs/41',
            jobId: '41',
            status: 'FAILED',
          },
          steps: [{ stepName: 'BUILD', status: 'FAILED' }],
        },
      },
      null,
      2,
    );
    paste(fields.jobId, printed);
    expect(fields.hosting).toBeChecked();
    expect(fields.region).toHaveValue('eu-west-2');
    expect(fields.appId).toHaveValue('dCli');
    expect(fields.branchName).toHaveValue('release/2.0');
    expect(fields.jobId).toHaveValue('41');
    await user.click(fields.open);
    expect(here()).toBe('/apps/dCli/branches/release%2F2.0/jobs/41?region=eu-west-2');
  });

  it('pasting the Amplify console address of a deployment takes app, branch, job and region', async () => {
    await openHome();
    const fields = form();
    paste(fields.appId, 'https://us-west-2.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/branches/main/deployments/7');
    expect(fields.hosting).toBeChecked();
    expect(fields.appId).toHaveValue('d2k9xq7v1ab3cd');
    expect(fields.branchName).toHaveValue('main');
    expect(fields.jobId).toHaveValue('7');
    expect(fields.region).toHaveValue('us-west-2');
    expect(within(fields.section).getByRole('status')).toHaveTextContent(
      'Took the app ID, branch, job ID and region from the Amplify console address. It names a hosting build, so the form now asks for a branch.',
    );
  });

  it('pasting a backend job link while Hosting build is chosen goes back to Backend job', async () => {
    const { user } = await openHome();
    const fields = form();
    await user.click(fields.hosting);
    paste(fields.appId, '/apps/dApp/environments/prod/jobs/job-1');
    expect(fields.backend).toBeChecked();
    expect(fields.envName).toHaveValue('prod');
    expect(fields.jobId).toHaveValue('job-1');
    expect(within(fields.section).getByRole('status')).toHaveTextContent(
      'It names a backend job, so the form now asks for an environment.',
    );
  });
});

describe('recently watched jobs', () => {
  it('lists jobs watched in this browser, newest first, with their status and a link back', async () => {
    const first = addJob({ operation: 'CreateBackendAuth', steps: [{ status: 'RUNNING', atMs: 0 }] });
    const second = addJob({
      operation: 'UpdateBackendAPI',
      startedAt: Date.now() - 5000,
      steps: [{ status: 'COMPLETED', atMs: 0 }],
    });
    const { user } = await renderApp({ path: first.path, pollIntervalSeconds: 60 });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('RUNNING'));
    goTo(second.path);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent('COMPLETED'));
    await user.click(screen.getByRole('link', { name: 'Amplify Job Watch' }));

    const recent = await screen.findByRole('region', { name: 'Recently watched in this browser' });
    const items = within(recent).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(second.jobId);
    expect(items[0]).toHaveTextContent('COMPLETED');
    expect(items[0]).toHaveTextContent(`UpdateBackendAPI · ${TEST_APP_ID} / ${TEST_ENV} · us-east-1 · seen`);
    expect(items[0]).toHaveTextContent(/seen (just now|\d+ s ago)$/);
    expect(items[1]).toHaveTextContent(first.jobId);
    expect(items[1]).toHaveTextContent('RUNNING');
    expect(within(items[1] as HTMLElement).getByRole('link', { name: first.jobId })).toHaveAttribute(
      'href',
      `${first.path}?region=us-east-1`,
    );

    await user.click(within(items[1] as HTMLElement).getByRole('link', { name: first.jobId }));
    expect(await screen.findByRole('heading', { level: 1, name: `Job ${first.jobId}` })).toBeInTheDocument();
  });

  it('reads what earlier visits stored, newest first as stored', async () => {
    await renderApp({ path: '/elsewhere' });
    const now = Date.now();
    const stored: RecentJob[] = [
      {
        region: 'eu-west-1',
        appId: 'dAppB',
        envName: 'prod',
        jobId: 'job-b',
        status: 'FAILED',
        operation: 'DeleteBackend',
        lastSeen: now - 2 * 60_000,
      },
      { region: 'us-east-1', appId: 'dAppA', envName: 'dev', jobId: 'job-a', status: 'COMPLETED', lastSeen: now - 3 * 3600_000 },
    ];
    window.localStorage.setItem(RECENT_JOBS_KEY, JSON.stringify(stored));
    goTo('/');
    const recent = await screen.findByRole('region', { name: 'Recently watched in this browser' });
    const items = within(recent).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual(['job-b', 'job-a']);
    expect(items[0]).toHaveTextContent('FAILED');
    expect(items[0]).toHaveTextContent('DeleteBackend · dAppB / prod · eu-west-1 · seen 2 min ago');
    expect(items[1]).toHaveTextContent('dAppA / dev · us-east-1 · seen 3 h ago');
    expect(within(items[0] as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/apps/dAppB/environments/prod/jobs/job-b?region=eu-west-1',
    );
  });

  it('lists a hosting build with its branch and links to its page', async () => {
    await renderApp({ path: '/elsewhere' });
    const now = Date.now();
    const stored: RecentJob[] = [
      {
        kind: 'hosting',
        region: 'us-east-1',
        appId: 'dAppH',
        branchName: 'feature/login',
        jobId: '12',
        status: 'SUCCEED',
        operation: 'RELEASE',
        lastSeen: now - 60_000,
      },
      { region: 'us-east-1', appId: 'dAppH', envName: 'main', jobId: '12', status: 'COMPLETED', lastSeen: now - 120_000 },
    ];
    window.localStorage.setItem(RECENT_JOBS_KEY, JSON.stringify(stored));
    goTo('/');
    const recent = await screen.findByRole('region', { name: 'Recently watched in this browser' });
    const items = within(recent).getAllByRole('listitem');
    // The same names in the two kinds are two jobs.
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('RELEASE · dAppH / branch feature/login · us-east-1 · seen 1 min ago');
    expect(within(items[0] as HTMLElement).getByRole('link', { name: '12' })).toHaveAttribute(
      'href',
      '/apps/dAppH/branches/feature%2Flogin/jobs/12?region=us-east-1',
    );
    expect(items[1]).toHaveTextContent('dAppH / main · us-east-1');
    expect(within(items[1] as HTMLElement).getByRole('link', { name: '12' })).toHaveAttribute(
      'href',
      '/apps/dAppH/environments/main/jobs/12?region=us-east-1',
    );
  });

  it('“Forget these jobs” empties the list and the storage', async () => {
    const { user } = await renderApp({ path: '/elsewhere' });
    window.localStorage.setItem(
      RECENT_JOBS_KEY,
      JSON.stringify([
        { region: 'us-east-1', appId: 'dApp', envName: 'dev', jobId: 'job-1', status: 'RUNNING', lastSeen: Date.now() },
      ]),
    );
    goTo('/');
    const recent = await screen.findByRole('region', { name: 'Recently watched in this browser' });
    await user.click(within(recent).getByRole('button', { name: 'Forget these jobs' }));
    expect(screen.queryByRole('region', { name: 'Recently watched in this browser' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem(RECENT_JOBS_KEY)).toBeNull();
    // Still gone on the next visit.
    goTo('/elsewhere');
    goTo('/');
    await screen.findByRole('region', { name: 'Open a job' });
    expect(screen.queryByRole('region', { name: 'Recently watched in this browser' })).not.toBeInTheDocument();
  });

  it('no list at all before any job was watched', async () => {
    await openHome();
    expect(screen.queryByRole('region', { name: 'Recently watched in this browser' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Forget these jobs' })).not.toBeInTheDocument();
  });
});
