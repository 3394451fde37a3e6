import { useId, useState, type FormEvent } from 'react';
import type { OAuthConfig } from '../../../shared/config/appConfig';
import type { HostedProvider } from '../signInActions';
import { HostedSignInButtons } from './HostedSignInButtons';

export interface CredentialsStepProps {
  /** Username, Email, …: the pool's sign-in alias. */
  label: string;
  notice?: string;
  oauth?: OAuthConfig;
  busy: boolean;
  onSubmit: (username: string, password: string) => void;
  onForgot: (username: string) => void;
  onHosted: (provider: HostedProvider | undefined) => void;
}

/** The first screen: username and password, and the hosted sign-in page when one is configured. */
export function CredentialsStep({ label, notice, oauth, busy, onSubmit, onForgot, onHosted }: CredentialsStepProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(username.trim(), password);
  };
  return (
    <>
      {notice ? <p role="status">{notice}</p> : null}
      <form className="form" onSubmit={submit} aria-busy={busy}>
        <label htmlFor={`${id}-user`}>{label}</label>
        <input
          id={`${id}-user`}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <span className="password-field">
          <input
            id={`${id}-password`}
            name="password"
            type={visible ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="button" className="button button--small" aria-pressed={visible} onClick={() => setVisible(!visible)}>
            {visible ? 'Hide password' : 'Show password'}
          </button>
        </span>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="link-button" onClick={() => onForgot(username.trim())} disabled={busy}>
            Forgot password?
          </button>
        </div>
      </form>
      {oauth ? <HostedSignInButtons providers={oauth.providers} busy={busy} onHosted={onHosted} /> : null}
    </>
  );
}
