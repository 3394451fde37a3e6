import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { AuthStatus, SignInDialog, useAuthEvents } from '../features/auth/AuthArea';
import { canSignIn, SIGN_IN_REQUIRED } from '../features/auth/authServices';
import { HostingJobPage, JobPage } from '../features/job/JobPage';
import { Link, useLocation } from '../shared/browser/history';
import { InvalidLink } from '../shared/ui/InvalidLink';
import { TimeZoneSwitch } from '../shared/ui/TimeZoneSwitch';
import { ClockNote } from './ClockNote';
import { DemoBanner } from './DemoBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFoundPage } from './NotFoundPage';
import { preloadablePage } from './preloadablePage';
import { matchRoute } from './routes';
import type { AppServices } from './services';

// Only the job page is on the path of a job deep link; the other pages load when first opened.
const EnvironmentJobsPage = lazy(() =>
  import('../features/environment-jobs/EnvironmentJobsPage').then((module) => ({ default: module.EnvironmentJobsPage })),
);
const BranchJobsPage = lazy(() =>
  import('../features/environment-jobs/BranchJobsPage').then((module) => ({ default: module.BranchJobsPage })),
);
const BoardPage = preloadablePage(() => import('../features/board/BoardPage').then((module) => module.BoardPage));
const HomePage = lazy(() => import('../features/home/HomePage').then((module) => ({ default: module.HomePage })));

/**
 * Loads the page a link opens on when it is a lazy one that the entry may have drawn before React (a
 * board): the first render then draws it in place, with no "Loading…" between. Settles either way.
 */
export function preloadPageOf({ pathname, search }: { pathname: string; search: string }): Promise<void> {
  if (matchRoute(pathname, search).page !== 'board') return Promise.resolve();
  return BoardPage.preload().then(
    () => undefined,
    () => undefined,
  );
}

export interface AppProps {
  services: AppServices;
  queryClient: QueryClient;
}

export function App({ services, queryClient }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell services={services} />
    </QueryClientProvider>
  );
}

function Shell({ services }: { services: AppServices }) {
  useAuthEvents(services);
  return (
    <>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-header__home">
            Amplify Job Watch
          </Link>
          <TimeZoneSwitch />
          <AuthStatus services={services} />
        </header>
        {services.config.demo ? <DemoBanner user={services.demoGuide?.users[0]} /> : null}
        <ClockNote clock={services.clock} />
        <main id="main" className="site-main" tabIndex={-1}>
          <ErrorBoundary>
            <Routes services={services} />
          </ErrorBoundary>
        </main>
      </div>
      <SignInDialog services={services} />
    </>
  );
}

function Routes({ services }: { services: AppServices }) {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname, search);
  switch (route.page) {
    case 'home':
      return (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <HomePage demo={services.demoGuide} defaultRegion={services.config.region} />
        </Suspense>
      );
    case 'job':
      return (
        <JobPage
          params={route.params}
          config={services.config}
          clients={services.clients}
          onSignIn={canSignIn(services.config) ? () => services.gate.open(SIGN_IN_REQUIRED) : undefined}
        />
      );
    case 'hosting-job':
      return (
        <HostingJobPage
          params={route.params}
          config={services.config}
          clients={services.clients}
          onSignIn={canSignIn(services.config) ? () => services.gate.open(SIGN_IN_REQUIRED) : undefined}
        />
      );
    case 'environment':
      return (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <EnvironmentJobsPage params={route.params} config={services.config} client={services.client} />
        </Suspense>
      );
    case 'branch':
      return (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <BranchJobsPage params={route.params} config={services.config} client={services.clients.hosting} />
        </Suspense>
      );
    case 'board':
      return (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <BoardPage search={route.search} config={services.config} clients={services.clients} />
        </Suspense>
      );
    case 'invalid-link':
      return <InvalidLink what="job" problems={[route.message]} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
