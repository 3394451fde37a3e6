import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, createServices } from '../../app/services';
import { configureAuth } from '../../shared/aws/credentials';
import type { SimFault } from '../../simulated-aws/jobStore';
import { simulatedAwsHandlers } from '../../simulated-aws/mswHandlers';
import { SimulatedAws } from '../../simulated-aws/simulatedAws';
import { passAppTime, useAppFakeTimers } from '../../test/appTime';
import {
  addJob,
  getJobRequests,
  renderApp,
  resetAmplifyAuth,
  setJobStatus,
  testConfig,
  TEST_APP_ID,
  TEST_ENV,
} from '../../test/renderApp';
import { server, sim } from '../../test/server';
import { JobPage } from './JobPage';

/** A paragraph by its whole text (the retry countdown inside it is an element of its own). */
function findParagraph(text: RegExp) {
  return screen.findByText((_, element) => element?.tagName === 'P' && text.test(element.textContent ?? ''));
}

/** App time passed to show that something did NOT happen: five poll intervals at 0.1 s. */
const QUIET_MS = 500;

/** The value shown next to a label in the job's facts list. */
function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  const definition = term.nextElementSibling;
  if (!(definition instanceof HTMLElement) || definition.tagName !== 'DD') throw new Error(`No value for ${label}`);
  return definition;
}

function statusRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Job status' });
}

async function findStatus(word: string): Promise<HTMLElement> {
  return waitFor(() => {
    const region = statusRegion();
    expect(region).toHaveTextContent(word);
    return region;
  });
}

function pushFault(jobId: string, fault: SimFault): void {
  const job = sim.jobs.get('us-east-1', TEST_APP_ID, TEST_ENV, jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  job.faults.push(fault);
}

// Generous: the suite may share a busy machine. Each test normally takes well under a second.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.useRealTimers();
  // React Query's online state is module-wide: never leave it offline for the next test.
  window.dispatchEvent(new Event('online'));
});

describe('a running job', () => {
  it('shows its status, operation, IDs, region and times', async () => {
    const startedAt = Date.now() - 90_000;
    const job = addJob({
      operation: 'UpdateBackendAPI',
      startedAt,
      steps: [
        { status: 'PENDING', atMs: 0 },
        { status: 'RUNNING', atMs: 15_000 },
      ],
    });
    await renderApp({ path: job.path });

    const status = await findStatus('RUNNING');
    expect(status).toHaveTextContent(/Running for 1 min \d\d s/);

    const operation = fact('Operation');
    expect(within(operation).getByText('UpdateBackendAPI')).toBeInTheDocument();
    expect(operation).toHaveTextContent('UpdateBackendAPI (Update backend API)');
    expect(fact('App ID')).toHaveTextContent(TEST_APP_ID);
    expect(fact('Environment')).toHaveTextContent(TEST_ENV);
    expect(fact('Job ID')).toHaveTextContent(job.jobId);
    expect(fact('Region')).toHaveTextContent('us-east-1');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(`Job ${job.jobId}`);

    const created = fact('Created').querySelector('time');
    const updated = fact('Updated').querySelector('time');
    expect(created).toHaveAttribute('dateTime', new Date(startedAt).toISOString());
    expect(updated).toHaveAttribute('dateTime', new Date(startedAt + 15_000).toISOString());
    expect(fact('Created')).toHaveTextContent('(1 min ago)');

    await waitFor(() => expect(document.title).toBe(`RUNNING · ${job.jobId.slice(0, 8)}… · Amplify Job Watch`));
  });

  it('makes one credential exchange and one GetBackendJob request to show the job (StrictMode included)', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    await findStatus('RUNNING');
    await passAppTime(queryClient, 200);
    expect(getJobRequests(job.jobId)).toBe(1);
    expect(sim.count({ operation: 'GetId' })).toBe(1);
    expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(1);
  });

  it('moves to COMPLETED without a reload, then stops asking AWS (not on focus or reconnect either)', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path });
    await findStatus('RUNNING');
    // Still polling while it runs.
    const firstSeen = getJobRequests(job.jobId);
    await waitFor(() => expect(getJobRequests(job.jobId)).toBeGreaterThan(firstSeen));
    const polledWhileRunning = getJobRequests(job.jobId);
    setJobStatus(job, 'COMPLETED');

    await findStatus('COMPLETED');
    expect(getJobRequests(job.jobId)).toBeGreaterThan(polledWhileRunning);
    await waitFor(() => expect(document.title).toBe(`COMPLETED · ${job.jobId.slice(0, 8)}… · Amplify Job Watch`));
    expect(screen.getByText(/The job has finished; no more checks\./)).toBeInTheDocument();
    const afterCompletion = getJobRequests(job.jobId);

    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(afterCompletion);
    // React Query's other refetch triggers: the tab coming back into view, and reconnecting.
    window.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await passAppTime(queryClient, 200);
    expect(getJobRequests(job.jobId)).toBe(afterCompletion);
    expect(statusRegion()).toHaveTextContent('COMPLETED');
  });

  it('a finished job is not fetched again when the page is opened again (remount)', async () => {
    useAppFakeTimers();
    const job = addJob({ startedAt: Date.now() - 5000, steps: [{ status: 'COMPLETED', atMs: 0 }] });
    const { user, queryClient } = await renderApp({ path: job.path });
    await findStatus('COMPLETED');
    await user.click(screen.getByRole('link', { name: 'Amplify Job Watch' }));
    await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' });
    window.history.back();
    await findStatus('COMPLETED');
    await passAppTime(queryClient, 300);
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('announces the status change in a polite live region', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: job.path });
    const announcement = await screen.findByText('Job status: RUNNING');
    const live = announcement.closest('[aria-live]');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveAttribute('aria-atomic', 'true');

    setJobStatus(job, 'COMPLETED');
    await waitFor(() => expect(live).toHaveTextContent('Job status: COMPLETED'));
    // Same element: a live region only announces changes to a node that was already there.
    expect(live).toBeInTheDocument();
    expect(screen.getByText('Job status: COMPLETED')).toBe(live);
  });

  it('offline: says so and waits; back online, picks up where it left off', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path });
    await findStatus('RUNNING');
    window.dispatchEvent(new Event('offline'));
    expect(await screen.findByText(/You are offline\. Checks resume as soon as the connection is back\./)).toBeInTheDocument();
    const whileOffline = getJobRequests(job.jobId);
    setJobStatus(job, 'COMPLETED');
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(whileOffline);
    expect(statusRegion()).toHaveTextContent('RUNNING');

    window.dispatchEvent(new Event('online'));
    await findStatus('COMPLETED');
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });

  it('leaving the page stops the polling', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user, queryClient } = await renderApp({ path: job.path });
    await findStatus('RUNNING');
    await user.click(screen.getByRole('link', { name: 'Amplify Job Watch' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amplify Job Watch' })).toBeInTheDocument();
    await passAppTime(queryClient, 150);
    const afterLeaving = getJobRequests(job.jobId);
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(afterLeaving);
  });

  it('shows a status it does not know verbatim, and keeps watching it', async () => {
    const job = addJob({ steps: [{ status: 'ROLLBACK_IN_PROGRESS', atMs: 0 }] });
    await renderApp({ path: job.path });
    await findStatus('ROLLBACK_IN_PROGRESS');
    await waitFor(() => expect(document.title).toBe(`ROLLBACK_IN_PROGRESS · ${job.jobId.slice(0, 8)}… · Amplify Job Watch`));
    const seen = getJobRequests(job.jobId);
    await waitFor(() => expect(getJobRequests(job.jobId)).toBeGreaterThan(seen + 1));
  });

  it('treats a lower-case "completed" as finished and stops polling', async () => {
    useAppFakeTimers();
    const job = addJob({ startedAt: Date.now() - 5000, steps: [{ status: 'completed', atMs: 0 }] });
    const { queryClient } = await renderApp({ path: job.path });
    await findStatus('completed');
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('a job answer with only a status still shows, saying what AWS did not report', async () => {
    const job = addJob({
      steps: [{ status: 'RUNNING', atMs: 0 }],
      faults: [{ type: 'body', status: 200, body: '{"status":"RUNNING"}' }],
    });
    await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    await findStatus('RUNNING');
    expect(fact('Operation')).toHaveTextContent('not reported');
    expect(fact('Created')).toHaveTextContent('not reported');
    expect(fact('Updated')).toHaveTextContent('not reported');
    // The IDs come from the link, so they are shown even though the answer lacked them.
    expect(fact('Job ID')).toHaveTextContent(job.jobId);
  });

  it('copies the job ID with its copy button', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user } = await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    await findStatus('RUNNING');
    await user.click(screen.getByRole('button', { name: 'Copy Job ID' }));
    expect(await navigator.clipboard.readText()).toBe(job.jobId);
    expect(within(fact('Job ID')).getByRole('status')).toHaveTextContent('Copied');
  });
});

describe('a failed job', () => {
  it('shows the job’s error text in a panel and stops polling', async () => {
    useAppFakeTimers();
    const message = 'Resource handler returned message: "Schema validation failed." (HandlerErrorCode: InvalidRequest)';
    const job = addJob({
      operation: 'UpdateBackendAPI',
      startedAt: Date.now() - 60_000,
      steps: [
        { status: 'RUNNING', atMs: 0 },
        { status: 'FAILED', atMs: 20_000 },
      ],
      error: message,
    });
    const { queryClient } = await renderApp({ path: job.path });
    await findStatus('FAILED');
    const panel = screen.getByRole('region', { name: /The job reported an error/ });
    expect(panel).toHaveTextContent(message);
    expect(statusRegion()).toHaveTextContent('Took 20 s');
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('copies the job’s whole error with the Copy button in its panel, even while the panel shows it shortened', async () => {
    const message = `Stack UPDATE_FAILED: ${'x'.repeat(2500)} (end of the error)`;
    const job = addJob({ startedAt: Date.now() - 1000, steps: [{ status: 'FAILED', atMs: 0 }], error: message });
    const { user } = await renderApp({ path: job.path });
    await findStatus('FAILED');
    const panel = screen.getByRole('region', { name: /The job reported an error/ });
    expect(panel).not.toHaveTextContent('(end of the error)');
    await user.click(within(panel).getByRole('button', { name: 'Copy the job’s error' }));
    expect(await navigator.clipboard.readText()).toBe(message);
    expect(within(panel).getByRole('status')).toHaveTextContent('Copied');
  });

  it('renders markup in the error as text, creating no elements from it', async () => {
    const hostile = 'Deploy failed: <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b> & done';
    const job = addJob({ startedAt: Date.now() - 1000, steps: [{ status: 'FAILED', atMs: 0 }], error: hostile });
    const { container } = await renderApp({ path: job.path });
    await findStatus('FAILED');
    const panel = screen.getByRole('region', { name: /The job reported an error/ });
    expect(panel.textContent).toContain(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(panel.querySelector('script, b')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('collapses a very long error, and shows all of it on request', async () => {
    const long = `${'x'.repeat(2500)}THE-END`;
    const job = addJob({ startedAt: Date.now() - 1000, steps: [{ status: 'FAILED', atMs: 0 }], error: long });
    const { user } = await renderApp({ path: job.path });
    await findStatus('FAILED');
    const panel = screen.getByRole('region', { name: /The job reported an error/ });
    expect(panel).not.toHaveTextContent('THE-END');
    const showAll = within(panel).getByRole('button', { name: /Show all \(2,507 characters\)/ });
    expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await user.click(showAll);
    expect(panel).toHaveTextContent('THE-END');
    expect(within(panel).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('errors from AWS', () => {
  it('404: says not found in that region, offers "Try again", and does not retry by itself', async () => {
    useAppFakeTimers();
    // An app the simulated AWS has never heard of.
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    sim.jobs.clear();
    const { user, queryClient } = await renderApp({ path: job.path });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Not found in us-east-1 (HTTP 404)');
    expect(alert).toHaveTextContent(
      `AWS has no job ${job.jobId} of app ${TEST_APP_ID}, environment ${TEST_ENV} in region us-east-1`,
    );
    expect(alert).toHaveTextContent(`App ${TEST_APP_ID} not found.`);
    await waitFor(() => expect(document.title).toBe(`Error · ${job.jobId.slice(0, 8)}… · Amplify Job Watch`));
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(1);
    expect(screen.getByText('Automatic checks are stopped.')).toBeInTheDocument();

    // The job shows up (say, it was created a moment later): "Try again" finds it.
    sim.jobs.put(job);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await findStatus('RUNNING');
    expect(getJobRequests(job.jobId)).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('404 names the region the link asked for (?region=)', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: `${job.path}?region=eu-west-1` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found in eu-west-1 (HTTP 404)');
    expect(screen.getByText(/· eu-west-1$/)).toBeInTheDocument();
  });

  it('loads a job from the region named in ?region=', async () => {
    const job = addJob({ region: 'eu-west-1', steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: `${job.path}?region=eu-west-1` });
    await findStatus('RUNNING');
    expect(fact('Region')).toHaveTextContent('eu-west-1');
  });

  it('403: access denied names amplifybackend:GetBackendJob and is not retried', async () => {
    useAppFakeTimers();
    const job = addJob({
      steps: [{ status: 'RUNNING', atMs: 0 }],
      faults: [
        {
          type: 'http',
          status: 403,
          errorType: 'AccessDeniedException',
          message: 'User: arn:aws:sts::123456789012:assumed-role/Unauth/CognitoIdentityCredentials is not authorized',
        },
      ],
    });
    const { queryClient } = await renderApp({ path: job.path });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Access denied (HTTP 403)');
    // The detail (not the server's quote, which does not name it) gives the IAM action to grant.
    expect(
      within(alert).getByText(/It needs the IAM action amplifybackend:GetBackendJob on this app in us-east-1/),
    ).toBeInTheDocument();
    expect(within(alert).getByText(/assumed-role\/Unauth\/CognitoIdentityCredentials is not authorized/)).toBeInTheDocument();
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(1);
  });

  it('429 twice: warns "retrying in N s", then shows the job', async () => {
    // Throttling backs off 1–2 s, then 2–4 s: fake timers skip the wait. shouldAdvanceTime keeps
    // time flowing for Amplify, MSW and WebCrypto, which resolve on real I/O, not on timers.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const throttle: SimFault = { type: 'http', status: 429, errorType: 'TooManyRequestsException', message: 'Too many requests' };
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }], faults: [throttle, throttle] });
    // A long poll interval so that only the retries count as requests.
    await renderApp({ path: job.path, pollIntervalSeconds: 60 });

    const warning = await findParagraph(/Couldn’t load the job at .+ — retrying in (\d+) s\./);
    // The countdown ticks every second; it must not be re-announced each time.
    expect(within(warning).getByText(/retrying in \d+ s/)).toHaveAttribute('aria-live', 'off');
    const seconds = Number(/retrying in (\d+) s/.exec(warning.textContent ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    // The first throttled retry waits 1–2 s; the countdown's clock ticks once a second, so it may read one more.
    expect(seconds).toBeLessThanOrEqual(3);
    const panel = warning.closest('section');
    expect(panel).toHaveAttribute('role', 'status');
    expect(panel).toHaveTextContent('AWS is throttling requests (HTTP 429)');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    for (let i = 0; i < 100 && !screen.queryByRole('region', { name: 'Job status' }); i += 1) {
      await vi.advanceTimersByTimeAsync(250);
    }
    await findStatus('RUNNING');
    expect(getJobRequests(job.jobId)).toBe(3);
    expect(screen.queryByText(/retrying in/)).not.toBeInTheDocument();
  });

  it('a failed background refresh keeps the last good job on screen with a "Couldn’t refresh at …" notice', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: job.path });
    await findStatus('RUNNING');
    pushFault(job.jobId, { type: 'http', status: 500, errorType: 'InternalFailure', message: 'Internal failure' });

    const notice = await findParagraph(/Couldn’t refresh at .+ — retrying (in \d+ s|now)\./);
    expect(notice.closest('section')).toHaveTextContent('The AmplifyBackend service is having trouble (HTTP 500)');
    expect(statusRegion()).toHaveTextContent('RUNNING');
    expect(fact('Job ID')).toHaveTextContent(job.jobId);

    // The retry (after 0.5–1 s) succeeds and the notice goes away.
    await waitFor(() => expect(screen.queryByText(/Couldn’t refresh/)).not.toBeInTheDocument());
    expect(statusRegion()).toHaveTextContent('RUNNING');
  });

  it('a background refresh that fails for good keeps the job, says so, and stops until "Try again"', async () => {
    useAppFakeTimers();
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    const { user, queryClient } = await renderApp({ path: job.path });
    await findStatus('RUNNING');
    pushFault(job.jobId, { type: 'http', status: 403, errorType: 'AccessDeniedException', message: 'Not allowed any more' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Couldn’t refresh at .+\. Below is the job as last seen; automatic checks are stopped/);
    expect(statusRegion()).toHaveTextContent('RUNNING');
    const stoppedAt = getJobRequests(job.jobId);
    await passAppTime(queryClient, QUIET_MS);
    expect(getJobRequests(job.jobId)).toBe(stoppedAt);

    // Meanwhile the job finished; "Try again" picks that up.
    setJobStatus(job, 'COMPLETED');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await findStatus('COMPLETED');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['a network failure', { type: 'network' } satisfies SimFault, 'Can’t reach AWS'],
    [
      'an HTML 502 from a proxy',
      { type: 'html', status: 502 } satisfies SimFault,
      'The AmplifyBackend service is having trouble (HTTP 502)',
    ],
    [
      'an unreadable 200 answer',
      { type: 'body', status: 200, body: '<html>login</html>' } satisfies SimFault,
      'The answer could not be read as a job',
    ],
  ])('%s on the first load: a warning while it retries by itself, then the job', async (_name, fault, title) => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }], faults: [fault] });
    await renderApp({ path: job.path, pollIntervalSeconds: 60 });
    const warning = await findParagraph(/Couldn’t load the job at .+ — retrying (in \d+ s|now)\./);
    expect(warning.closest('section')).toHaveTextContent(title);
    await findStatus('RUNNING');
    expect(getJobRequests(job.jobId)).toBe(2);
  });

  it('credentials that are refused even after a refresh: says so and suggests a reload', async () => {
    useAppFakeTimers();
    const stale = new SimulatedAws({ now: () => Date.now(), credentialLifetimeMs: 0 });
    server.use(...simulatedAwsHandlers(stale));
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    stale.jobs.put(job);
    const { queryClient } = await renderApp({ path: job.path });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('AWS credentials expired (HTTP 403)');
    expect(alert).toHaveTextContent('Reload the page');
    await passAppTime(queryClient, QUIET_MS);
    expect(stale.records.filter((r) => r.jobId === job.jobId).map((r) => r.status)).toEqual([403, 403]);
  });

  it('expired credentials mid-watch are refreshed without the person noticing', async () => {
    const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
    await renderApp({ path: job.path });
    await findStatus('RUNNING');
    sim.expireAllCredentials();
    await waitFor(() => expect(sim.count({ operation: 'GetCredentialsForIdentity' })).toBe(2));
    const before = sim.records.filter((r) => r.jobId === job.jobId && r.status === 200).length;
    await waitFor(() =>
      expect(sim.records.filter((r) => r.jobId === job.jobId && r.status === 200).length).toBeGreaterThan(before),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/Couldn’t/)).not.toBeInTheDocument();
  });
});

describe('JobPage on its own', () => {
  it.each([
    ['..', 'Job ID cannot be “..”.'],
    ['.', 'Job ID cannot be “.”.'],
    ['x'.repeat(300), 'Job ID is 300 characters long; at most 256 are accepted.'],
    ['abc\u0001def', 'Job ID contains control characters.'],
    [' abc', 'Job ID has spaces at its start or end.'],
    ['', 'Job ID is empty.'],
  ])('refuses job ID %j with a clear message and sends nothing', async (jobId, message) => {
    useAppFakeTimers();
    await resetAmplifyAuth();
    const config = testConfig();
    configureAuth(config);
    const services = createServices(config);
    const queryClient = createQueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <JobPage params={{ appId: TEST_APP_ID, envName: TEST_ENV, jobId }} config={config} clients={services.clients} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('This job link is not valid');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Nothing was sent to AWS.');
    await waitFor(() => expect(document.title).toBe('Invalid link · Amplify Job Watch'));
    await passAppTime(queryClient, 100);
    expect(sim.records).toEqual([]);
  });
});
