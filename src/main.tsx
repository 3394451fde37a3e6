import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { createQueryClient, createServices } from './app/services';
import { configureAuth } from './aws/credentials';
import { loadConfig } from './config/loadConfig';
import { isAmplifyBackendRegion } from './config/regions';
import { matchEnvironmentJobsPath } from './jobs/environmentRoutes';
import { linkProblems } from './jobs/jobIds';
import { matchJobPagePath } from './jobs/jobRoutes';
import { keepWatchingInBackground } from './watch/visibility';
import './app/styles.css';

async function boot() {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const loaded = await loadConfig();
  if (loaded.kind === 'invalid') {
    root.render(<ConfigErrorPage problems={loaded.problems} />);
    return;
  }
  const { config } = loaded;
  if (config.demo) {
    try {
      const { startDemoAws } = await import('./simulated-aws/browser');
      await startDemoAws();
    } catch (error) {
      root.render(
        <ConfigErrorPage
          problems={[
            {
              field: 'demo',
              expected: `a browser that allows service workers on this address (${error instanceof Error ? error.message : String(error)})`,
            },
          ]}
        />,
      );
      return;
    }
  }
  configureAuth(config);
  if (config.Auth.Cognito.loginWith?.oauth) {
    // Completes a Hosted UI sign-in when the page is the redirect target (code and state in the URL).
    await import('@aws-amplify/auth/enable-oauth-listener');
  }
  const services = createServices(config);
  keepWatchingInBackground();
  // On a link that will be watched, start getting credentials while React renders; the first
  // query shares this request. Other pages (and invalid links) send nothing until asked.
  const { pathname, search } = window.location;
  const link = matchJobPagePath(pathname, search) ?? matchEnvironmentJobsPath(pathname, search);
  if (link?.ok && linkProblems(link.params, isAmplifyBackendRegion).length === 0) {
    services.credentials().catch(() => undefined);
  }
  root.render(
    <StrictMode>
      <App services={services} queryClient={createQueryClient(services)} />
    </StrictMode>,
  );
}

void boot();
