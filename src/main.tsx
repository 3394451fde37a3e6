import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { createQueryClient, createServices } from './app/services';
import { configureAuth } from './aws/credentials';
import { loadConfig } from './config/loadConfig';
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
  const services = createServices(config);
  // Start getting credentials while React renders the shell; the job query shares this request.
  services.credentials().catch(() => undefined);
  root.render(
    <StrictMode>
      <App services={services} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}

void boot();
