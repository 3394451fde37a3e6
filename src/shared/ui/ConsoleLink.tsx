import { amplifyConsoleUrl } from '../domain/amplifyConsole';

export interface ConsoleLinkProps {
  region: string;
  appId: string;
  className?: string;
}

/** "Open in the Amplify console" for the app, in a new tab that gets neither this page nor its address. */
export function ConsoleLink({ region, appId, className = 'button button--small' }: ConsoleLinkProps) {
  const href = amplifyConsoleUrl({ region, appId });
  if (!href) return null;
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      Open in the Amplify console<span className="visually-hidden"> (app {appId}, opens in a new tab)</span>
    </a>
  );
}
