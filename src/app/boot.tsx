import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { createQueryClient, createServices } from './app/services';
import { configureAuth } from './shared/aws/credentials';
import { loadConfig } from './shared/config/loadConfig';
import { isAmplifyBackendRegion } from './shared/config/regions';
import { matchEnvironmentJobsPath } from './shared/domain/environmentRoutes';
import { linkProblems } from './shared/domain/jobIds';
import { jobQueryOptions } from './shared/queries/jobQuery';
import { matchJobPagePath } from './shared/domain/jobRoutes';
import { TAB_JITTER_SEED } from './shared/domain/pollingPolicy';
import { keepWatchingInBackground } from './shared/browser/visibility';
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
  const queryClient = createQueryClient(services);
  keepWatchingInBackground();
  // On a link that will be watched, start the AWS calls now instead of after React's first render:
  // the job page's query joins the request already in flight. Other pages (and invalid links) send
  // nothing until asked.
  const { pathname, search } = window.location;
  const link = matchJobPagePath(pathname, search) ?? matchEnvironmentJobsPath(pathname, search);
  if (link?.ok && linkProblems(link.params, isAmplifyBackendRegion).length === 0) {
    const { params } = link;
    if ('jobId' in params) {
      const key = { region: params.region ?? config.region, appId: params.appId, envName: params.envName, jobId: params.jobId };
      const deps = {
        client: services.client,
        intervalMs: config.pollIntervalSeconds * 1000,
        hidden: false,
        paused: false,
        jitterSeed: TAB_JITTER_SEED,
      };
      void queryClient.prefetchQuery(jobQueryOptions(key, deps));
    } else {
      services.credentials().catch(() => undefined);
    }
  }
  root.render(
    <StrictMode>
      <App services={services} queryClient={queryClient} />
    </StrictMode>,
  );
}

void boot();
