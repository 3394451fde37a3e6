import { providerLabel, type HostedProvider } from '../signInActions';

export interface HostedSignInButtonsProps {
  /** The identity providers to offer; none: one button for the user pool's own hosted page. */
  providers?: HostedProvider[];
  busy: boolean;
  onHosted: (provider: HostedProvider | undefined) => void;
}

export function HostedSignInButtons({ providers, busy, onHosted }: HostedSignInButtonsProps) {
  return (
    <div className="sign-in__hosted">
      {(providers?.length ? providers : [undefined]).map((provider) => (
        <button
          key={provider ? providerLabel(provider) : 'hosted'}
          type="button"
          className="button"
          disabled={busy}
          onClick={() => onHosted(provider)}
        >
          {provider ? `Sign in with ${providerLabel(provider)}` : 'Sign in with the hosted sign-in page'}
        </button>
      ))}
    </div>
  );
}
