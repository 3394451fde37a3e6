import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { JobPage } from '../jobs/JobPage';
import { matchJobPagePath } from '../jobs/jobRoutes';
import { Link, useLocation } from '../navigation/history';
import { ErrorBoundary } from './ErrorBoundary';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import type { AppServices } from './services';

export interface AppProps {
  services: AppServices;
  queryClient: QueryClient;
}

export function App({ services, queryClient }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="site-header__home">
          Amplify Job Watch
        </Link>
      </header>
      {services.config.demo ? (
        <p className="demo-banner" role="note">
          <strong>Demo:</strong> this is a simulated AWS running inside the page, with sample data. Nothing here reaches a real
          account. Add a <span className="mono">config.json</span> to watch real jobs.
        </p>
      ) : null}
      <main id="main" className="site-main">
        <ErrorBoundary>
          <Routes services={services} />
        </ErrorBoundary>
      </main>
    </QueryClientProvider>
  );
}

function Routes({ services }: { services: AppServices }) {
  const { pathname, search } = useLocation();
  if (pathname === '/' || pathname === '/index.html') return <HomePage demo={services.config.demo} />;
  const job = matchJobPagePath(pathname, search);
  if (job?.ok) return <JobPage params={job.params} config={services.config} client={services.client} />;
  if (job && !job.ok) {
    return (
      <article className="page">
        <h1>This job link is not valid</h1>
        <p role="alert">{job.message}</p>
        <Link href="/">Go to the home page</Link>
      </article>
    );
  }
  return <NotFoundPage />;
}
