import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEMO_CODE, DEMO_OAUTH_DOMAIN, DEMO_PASSWORD, DEMO_USER_POOL_CLIENT_ID } from '../../simulated-aws/demoUsers';
import { addJob, getJobRequests } from '../../test/renderApp';
import { server, sim } from '../../test/server';
import { renderAppWithConfig, userPoolConfig, type UserPoolConfigOptions } from '../../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Shown with showModal(), the dialog makes the page beneath inert: a browser proves it (e2e/sign-in.spec.ts). */
let showModal: MockInstance<(this: HTMLDialogElement) => void>;
beforeEach(() => void (showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')));
const pageBeneathIsInert = () => showModal.mock.contexts.some((dialog) => dialog.open && dialog.isConnected);

const JOB_POLL_SECONDS = 60;
/**
 * SRP (the default) is covered for success, refusals, a reset, a new password and TOTP; the other
 * steps come after the password in the same way, and the plain password flow keeps them quick.
 */
const PASSWORD_AUTH = { authFlowType: 'USER_PASSWORD_AUTH' } as const;

/** A running job, opened by its deep link, with guests refused and a user pool to sign in to. */
async function openJob(options: UserPoolConfigOptions = {}) {
  const job = addJob({ steps: [{ status: 'RUNNING', atMs: 0 }] });
  const app = await renderAppWithConfig(userPoolConfig({ pollIntervalSeconds: JOB_POLL_SECONDS, ...options }), {
    path: job.path,
  });
  const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
  // The sign-in screen is loaded on demand: wait for it, not just for the dialog around it.
  await within(dialog).findByRole('heading', { name: 'Sign in' });
  return { ...app, job, dialog };
}

function idpCount(operation: string): number {
  return sim.count({ service: 'cognito-idp', operation });
}

async function findJobStatus(word: string): Promise<void> {
  await waitFor(() => expect(screen.getByRole('region', { name: 'Job status' })).toHaveTextContent(word));
}

type User = Awaited<ReturnType<typeof openJob>>['user'];

/** Fills in username and password (pasted, to keep the tests quick) and presses Enter in the password field. */
async function submitCredentials(user: User, username: string, password: string): Promise<void> {
  const dialog = screen.getByRole('dialog', { name: 'Sign in' });
  const name = await within(dialog).findByLabelText(/^(Username|Email)/);
  const secret = within(dialog).getByLabelText('Password');
  await user.clear(name);
  await user.paste(username);
  await user.clear(secret);
  await user.paste(password);
  await user.keyboard('{Enter}');
}

/** Puts `value` into a one-field step (pasted) and presses Enter there. */
async function answer(user: User, field: HTMLElement, value: string): Promise<void> {
  await user.click(field);
  await user.paste(value);
  await user.keyboard('{Enter}');
}

/** The sign-in finished: the dialog is gone, the page is live again and shows the job. */
async function expectSignedIn(username: string, jobId: string): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await findJobStatus('RUNNING');
  expect(await screen.findByText(/Signed in as/)).toHaveTextContent(`Signed in as ${username}`);
  expect(getJobRequests(jobId)).toBeGreaterThanOrEqual(1);
  expect(pageBeneathIsInert()).toBe(false);
}

async function findAlert(text: string | RegExp): Promise<HTMLElement> {
  const dialog = screen.getByRole('dialog', { name: 'Sign in' });
  return waitFor(() => {
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent(text);
    return alert;
  });
}

describe('a job link when the identity pool gives credentials only to signed-in users', () => {
  it('asks for sign-in in a dialog instead of showing an error, with the page behind it inert', async () => {
    const { dialog, job } = await openJob();
    expect(within(dialog).getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'This identity pool gives AWS credentials only to signed-in users. Sign in to watch the job.',
    );
    expect(pageBeneathIsInert()).toBe(true);
    // Whatever the page says about the missing credentials stays behind the dialog, in the inert part.
    for (const alert of screen.queryAllByRole('alert')) expect(dialog).not.toContainElement(alert);
    expect(within(dialog).queryByText(/No AWS credentials/)).not.toBeInTheDocument();
    expect(dialog).not.toContainElement(screen.getByRole('heading', { level: 1, name: `Job ${job.jobId}` }));
    expect(getJobRequests(job.jobId)).toBe(0);
    expect(sim.count({ service: 'cognito-identity' })).toBe(0);
  });

  it('the page beneath shows no error: it says a sign-in is needed, and the tab title says Sign in', async () => {
    const { job } = await openJob();
    const page = document.querySelector('.shell') as HTMLElement;
    expect(within(page).getByRole('heading', { name: 'Sign in to watch this job' })).toBeInTheDocument();
    expect(page).not.toHaveTextContent(/No AWS credentials|Couldn’t get AWS credentials/);
    expect(within(page).queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`Sign in · ${job.jobId.slice(0, 8)}… · Amplify Job Watch`));
  });

  it('has labelled Username and Password fields and a Show password toggle', async () => {
    const { dialog, user } = await openJob();
    const username = within(dialog).getByLabelText('Username');
    const password = within(dialog).getByLabelText('Password');
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');

    const toggle = within(dialog).getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.type(password, 'secret-1');
    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'text');
    expect(password).toHaveValue('secret-1');
    const hide = within(dialog).getByRole('button', { name: 'Hide password' });
    expect(hide).toHaveAttribute('aria-pressed', 'true');
    await user.click(hide);
    expect(password).toHaveAttribute('type', 'password');
    expect(within(dialog).getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('SRP: Enter submits, the button says “Signing in…” while Cognito answers, then the job shows and the header names the user', async () => {
    const { dialog, user, job } = await openJob();
    // Hold Cognito's answers until the busy state has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(http.post('https://cognito-idp.us-east-1.amazonaws.com/', () => held));

    await submitCredentials(user, 'demo', DEMO_PASSWORD);
    const busy = await within(dialog).findByRole('button', { name: 'Signing in…' });
    expect(busy).toBeDisabled();
    expect(busy.closest('form')).toHaveAttribute('aria-busy', 'true');
    release();

    await expectSignedIn('demo', job.jobId);
    expect(idpCount('InitiateAuth')).toBe(1);
    expect(idpCount('RespondToAuthChallenge')).toBe(1);
    // The credentials behind the job request are the user's (authenticated) ones.
    const cognitoIdentity = sim.records.filter((r) => r.service === 'cognito-identity').map((r) => `${r.operation} ${r.status}`);
    expect(cognitoIdentity).toEqual(expect.arrayContaining(['GetId 200', 'GetCredentialsForIdentity 200']));
    expect(cognitoIdentity.every((entry) => entry.endsWith(' 200'))).toBe(true);
  });

  it('USER_PASSWORD_AUTH: signs in with one InitiateAuth and shows the job', async () => {
    const { user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'demo', DEMO_PASSWORD);
    await expectSignedIn('demo', job.jobId);
    expect(idpCount('InitiateAuth')).toBe(1);
    expect(idpCount('RespondToAuthChallenge')).toBe(0);
  });
});

describe('refused sign-ins', () => {
  it('a wrong password: “Wrong username or password.”, and the dialog stays', async () => {
    const { user, job } = await openJob();
    await submitCredentials(user, 'demo', 'not-the-password-1');
    await findAlert(/^Wrong username or password\.$/);
    expect(screen.getByRole('dialog', { name: 'Sign in' })).toBeInTheDocument();
    expect(getJobRequests(job.jobId)).toBe(0);
  });

  it('an unknown user gets the very same answer', async () => {
    const { user } = await openJob();
    await submitCredentials(user, 'nobody-like-this', DEMO_PASSWORD);
    await findAlert(/^Wrong username or password\.$/);
  });

  it('after 5 wrong passwords: “Too many failed attempts…”, even with the right one', async () => {
    const { user } = await openJob(PASSWORD_AUTH);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await submitCredentials(user, 'demo', `wrong-password-${attempt}`);
      await findAlert('Wrong username or password.');
      await waitFor(() => expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign in' })).toBeEnabled());
    }
    await submitCredentials(user, 'demo', DEMO_PASSWORD);
    await findAlert('Too many failed attempts. Wait a few minutes, then try again.');
    expect(idpCount('InitiateAuth')).toBe(6);
  });

  it('an unconfirmed user: says the account is not confirmed', async () => {
    const { user } = await openJob();
    await submitCredentials(user, 'unconfirmed', DEMO_PASSWORD);
    await findAlert(/This account is not confirmed yet/);
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});

describe('password reset required', () => {
  it('goes to the reset path: code and new password, back to sign-in with a notice, then signs in', async () => {
    const { dialog, user, job } = await openJob();
    await submitCredentials(user, 'reset', DEMO_PASSWORD);
    expect(await within(dialog).findByText(/A password reset is required for this account\./)).toBeInTheDocument();
    const username = within(dialog).getByLabelText('Username');
    expect(username).toHaveValue('reset');
    await user.click(within(dialog).getByRole('button', { name: 'Send code' }));

    const code = await within(dialog).findByLabelText('Reset code');
    expect(dialog).toHaveTextContent('A code was sent to r***@e***.');
    await user.click(code);
    await user.paste(DEMO_CODE);
    await user.click(within(dialog).getByLabelText('New password'));
    await user.paste('Brand-new-password-7');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Your password has been changed. Sign in with the new password.',
    );
    expect(idpCount('ForgotPassword')).toBe(1);
    expect(idpCount('ConfirmForgotPassword')).toBe(1);
    await submitCredentials(user, 'reset', 'Brand-new-password-7');
    await expectSignedIn('reset', job.jobId);
  });
});

describe('Forgot password?', () => {
  it('takes the username typed so far to the reset path, without a reason; the new password then signs in', async () => {
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await user.click(within(dialog).getByLabelText('Username'));
    await user.paste('demo');
    await user.click(within(dialog).getByRole('button', { name: 'Forgot password?' }));

    expect(await within(dialog).findByRole('button', { name: 'Send code' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Username')).toHaveValue('demo');
    expect(dialog).not.toHaveTextContent('A password reset is required');
    await user.click(within(dialog).getByRole('button', { name: 'Send code' }));
    await user.click(await within(dialog).findByLabelText('Reset code'));
    await user.paste(DEMO_CODE);
    await user.click(within(dialog).getByLabelText('New password'));
    await user.paste('Another-password-8');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Your password has been changed. Sign in with the new password.',
    );
    expect(idpCount('ForgotPassword')).toBe(1);
    expect(idpCount('ConfirmForgotPassword')).toBe(1);
    await submitCredentials(user, 'demo', 'Another-password-8');
    await expectSignedIn('demo', job.jobId);
  });
});

describe('new password required', () => {
  it('asks for a “New password” and signs in with it', async () => {
    const { dialog, user, job } = await openJob();
    await submitCredentials(user, 'newpass', 'Temp-password-1');
    const field = await within(dialog).findByLabelText('New password');
    expect(field).toHaveAttribute('type', 'password');
    expect(dialog).toHaveTextContent('Your password must be changed before you can continue.');
    await answer(user, field, 'Chosen-password-2');
    await expectSignedIn('newpass', job.jobId);
    expect(sim.userPool.user('newpass')).toMatchObject({ state: 'confirmed', password: 'Chosen-password-2' });
  });

  it('a weak new password: says why Cognito refused it (InvalidPasswordException), and a good one then works', async () => {
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'newpass', 'Temp-password-1');
    const field = await within(dialog).findByLabelText('New password');
    await answer(user, field, 'short');
    await findAlert('The new password is not accepted: Password does not conform to policy: Password not long enough');
    await user.clear(within(dialog).getByLabelText('New password'));
    await answer(user, within(dialog).getByLabelText('New password'), 'Chosen-password-2');
    await expectSignedIn('newpass', job.jobId);
  });
});

describe('second sign-in steps', () => {
  it('TOTP: asks for the code from the authenticator app', async () => {
    const { dialog, user, job } = await openJob();
    await submitCredentials(user, 'mfa', DEMO_PASSWORD);
    const code = await within(dialog).findByLabelText('Code from your authenticator app');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    await answer(user, code, DEMO_CODE);
    await expectSignedIn('mfa', job.jobId);
  });

  it('SMS: says where the text went and takes its code', async () => {
    sim.userPool.putUser({ username: 'texter', password: DEMO_PASSWORD, phoneNumber: '+15555550177', mfa: 'SMS' });
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'texter', DEMO_PASSWORD);
    const code = await within(dialog).findByLabelText('Code from the text message');
    expect(dialog).toHaveTextContent('A code was sent to +*******0177.');
    await answer(user, code, DEMO_CODE);
    await expectSignedIn('texter', job.jobId);
  });

  it('EMAIL: says where the email went and takes its code', async () => {
    sim.userPool.putUser({ username: 'mailer', password: DEMO_PASSWORD, email: 'mailer@example.com', mfa: 'EMAIL' });
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'mailer', DEMO_PASSWORD);
    const code = await within(dialog).findByLabelText('Code from the email');
    expect(dialog).toHaveTextContent('A code was sent to m***@e***.');
    await answer(user, code, DEMO_CODE);
    await expectSignedIn('mailer', job.jobId);
  });

  it('MFA selection: offers the pool’s choices as radio buttons, then asks for the chosen code', async () => {
    sim.userPool.putUser({ username: 'chooser', password: DEMO_PASSWORD, email: 'chooser@example.com', mfa: 'SELECT' });
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'chooser', DEMO_PASSWORD);
    const group = await within(dialog).findByRole('group', { name: 'Choose how to confirm it is you' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent?.trim())).toEqual([
      'Text message (SMS)',
      'Authenticator app',
      'Email',
    ]);
    expect(within(group).getByRole('radio', { name: 'Text message (SMS)' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Email' }));
    expect(within(group).getByRole('radio', { name: 'Email' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));

    const code = await within(dialog).findByLabelText('Code from the email');
    expect(dialog).toHaveTextContent('A code was sent to c***@e***.');
    await answer(user, code, DEMO_CODE);
    await expectSignedIn('chooser', job.jobId);
  });

  it('a wrong code: “That code is not right…”, and a retry with the right one signs in', async () => {
    const { dialog, user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'mfa', DEMO_PASSWORD);
    const code = await within(dialog).findByLabelText('Code from your authenticator app');
    await answer(user, code, '000000');
    await findAlert('That code is not right. Check it and try again.');
    const again = within(dialog).getByLabelText('Code from your authenticator app');
    await user.clear(again);
    await answer(user, again, DEMO_CODE);
    await expectSignedIn('mfa', job.jobId);
    expect(sim.records.filter((r) => r.operation === 'RespondToAuthChallenge').map((r) => r.status)).toEqual([400, 200]);
  });
});

describe('the username label follows loginWith', () => {
  it.each([
    [{ email: true }, 'Email'],
    [{ username: true }, 'Username'],
    [{ username: true, email: true }, 'Username or email'],
    [{ phone: true }, 'Phone number'],
  ])('%o → “%s”', async (loginWith, label) => {
    const { dialog } = await openJob({ loginWith });
    expect(within(dialog).getByLabelText(label)).toHaveAttribute('name', 'username');
  });

  it('signs in by email when the pool uses email as the username', async () => {
    const { user, job } = await openJob({ ...PASSWORD_AUTH, loginWith: { email: true } });
    await submitCredentials(user, 'demo@example.com', DEMO_PASSWORD);
    await expectSignedIn('demo', job.jobId);
  });
});

describe('the hosted sign-in page (loginWith.oauth)', () => {
  const oauth = (providers?: (string | { custom: string })[]) => ({
    domain: DEMO_OAUTH_DOMAIN,
    scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
    redirectSignIn: [`${window.location.origin}/`],
    redirectSignOut: [`${window.location.origin}/`],
    responseType: 'code' as const,
    ...(providers ? { providers } : {}),
  });

  /**
   * Amplify's browser openAuthSession does `window.location.href = url`, which jsdom cannot follow.
   * The window's `location` is swapped for one that reads through to jsdom's and records that assignment.
   */
  function recordNavigation(): string[] {
    const real = window.location;
    const assigned: string[] = [];
    const location = {
      get href() {
        return real.href;
      },
      set href(url: string) {
        assigned.push(url);
      },
      get origin() {
        return real.origin;
      },
      get protocol() {
        return real.protocol;
      },
      get host() {
        return real.host;
      },
      get hostname() {
        return real.hostname;
      },
      get port() {
        return real.port;
      },
      get pathname() {
        return real.pathname;
      },
      get search() {
        return real.search;
      },
      get hash() {
        return real.hash;
      },
      assign: (url: string) => assigned.push(url),
      replace: (url: string) => assigned.push(url),
      reload: () => undefined,
      toString: () => real.href,
    };
    vi.stubGlobal('location', location);
    return assigned;
  }

  it('has a button for the hosted page; clicking it sends the browser to /oauth2/authorize with PKCE (S256) and a state', async () => {
    const { dialog, user, job } = await openJob({ loginWith: { oauth: oauth() } });
    expect(within(dialog).queryByRole('button', { name: /^Sign in with Google/ })).not.toBeInTheDocument();
    const assigned = recordNavigation();
    await user.click(within(dialog).getByRole('button', { name: 'Sign in with the hosted sign-in page' }));
    await waitFor(() => expect(assigned).toHaveLength(1));

    const url = new URL(assigned[0] ?? '');
    expect(url.origin + url.pathname).toBe(`https://${DEMO_OAUTH_DOMAIN}/oauth2/authorize`);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(DEMO_USER_POOL_CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(`${window.location.origin}/`);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/\S{16,}/);
    expect(q.get('scope')?.split(/[ +]/)).toEqual(['openid', 'email', 'aws.cognito.signin.user.admin']);
    // No provider named: straight to the user pool's own sign-in form.
    expect(q.get('identity_provider')).toBe('COGNITO');
    // The deep link rides along in the state, to come back to after the Hosted UI.
    const hex = q.get('state')?.split('-').slice(1).join('-') ?? '';
    const customState = new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16)));
    expect(customState).toBe(job.path);
    // Nothing was exchanged yet: the browser left for the Hosted UI.
    expect(idpCount('OAuth2Token')).toBe(0);
  });

  it('with providers configured, has one button per provider, which names it to the Hosted UI', async () => {
    const { dialog, user } = await openJob({ loginWith: { oauth: oauth(['Google', { custom: 'CorpOkta' }]) } });
    expect(within(dialog).getByRole('button', { name: 'Sign in with Google' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Sign in with CorpOkta' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Sign in with the hosted sign-in page' })).not.toBeInTheDocument();
    const assigned = recordNavigation();
    await user.click(within(dialog).getByRole('button', { name: 'Sign in with CorpOkta' }));
    await waitFor(() => expect(assigned).toHaveLength(1));
    const url = new URL(assigned[0] ?? '');
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(url.searchParams.get('identity_provider')).toBe('CorpOkta');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('coming back from the hosted page with a code: signed in, and on the deep link again', async () => {
    const { dialog, user, job, config } = await openJob({ loginWith: { oauth: oauth() } });
    const assigned = recordNavigation();
    await user.click(within(dialog).getByRole('button', { name: 'Sign in with the hosted sign-in page' }));
    await waitFor(() => expect(assigned).toHaveLength(1));
    vi.unstubAllGlobals();
    const q = new URL(assigned[0] ?? '').searchParams;

    // The person signs in on the Hosted UI, which sends the browser back to redirect_uri with a code.
    const code = sim.issueAuthorizationCode('demo', q.get('code_challenge') ?? undefined, {
      clientId: q.get('client_id') ?? undefined,
      redirectUri: q.get('redirect_uri') ?? undefined,
    });
    cleanup();
    const back = new URL(q.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    await renderAppWithConfig(config, { path: back.pathname + back.search, keepStorage: true });

    await waitFor(() => expect(window.location.pathname).toBe(job.path));
    await expectSignedIn('demo', job.jobId);
    expect(idpCount('OAuth2Token')).toBe(1);
    expect(window.location.search).not.toContain('code=');
  });

  it('without loginWith.oauth there is no hosted-page button', async () => {
    const { dialog } = await openJob();
    expect(within(dialog).queryByRole('button', { name: /hosted sign-in page/ })).not.toBeInTheDocument();
  });
});

describe('closing the dialog', () => {
  it('Cancel closes it and the page behind is usable again', async () => {
    const { dialog, user } = await openJob();
    expect(pageBeneathIsInert()).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(pageBeneathIsInert()).toBe(false);
    // The header still offers to sign in.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('Escape closes it; the header’s Sign in opens it again', async () => {
    const { dialog, user } = await openJob();
    await user.click(within(dialog).getByLabelText('Username'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(pageBeneathIsInert()).toBe(false);
    // Opened by the page itself (no button), it leaves focus on the main region, not the body.
    expect(screen.getByRole('main')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // The second opening starts at the first field too.
    const again = await screen.findByRole('dialog', { name: 'Sign in' });
    expect(within(again).getByLabelText('Username')).toHaveFocus();
    expect(pageBeneathIsInert()).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
  });
});

describe('signing out', () => {
  it('revokes the refresh token (RevokeToken) and, guests being refused, asks for sign-in again', async () => {
    const { user, job } = await openJob(PASSWORD_AUTH);
    await submitCredentials(user, 'demo', DEMO_PASSWORD);
    await expectSignedIn('demo', job.jobId);
    expect(idpCount('RevokeToken')).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    expect(idpCount('RevokeToken')).toBe(1);
    expect(sim.records.find((r) => r.operation === 'RevokeToken')?.status).toBe(200);
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(dialog).toHaveTextContent('Sign in to watch the job.');
    expect(pageBeneathIsInert()).toBe(true);
  });
});
