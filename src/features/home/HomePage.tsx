import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { jobPagePath, jobRefPagePath } from '../../shared/domain/jobRoutes';
import { isHostingRef, jobRefParts } from '../../shared/domain/jobRef';
import { BreakableText } from '../../shared/ui/BreakableText';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatRelative } from '../../shared/ui/timeFormat';
import { Link } from '../../shared/browser/history';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import type { DemoGuide } from '../../shared/config/demoGuide';
import { OpenJobForm } from './OpenJobForm';
import { forgetRecentJobs, useRecentJobs } from '../../shared/browser/recentJobs';

export interface HomePageProps {
  /** Demo mode only: the sample jobs to list. */
  demo: DemoGuide | undefined;
  defaultRegion: string;
}

export function HomePage({ demo, defaultRegion }: HomePageProps) {
  useDocumentTitle(APP_TITLE);
  return (
    <article className="page">
      <h1>{APP_TITLE}</h1>
      <p>
        Watch an AWS AmplifyBackend job live: open the job and keep the tab open while it deploys. The page refreshes by itself
        while the job runs and stops once it has completed or failed.
      </p>
      {/* In the demo the samples are what a newcomer came for: first, above the form, in view at 375×812. */}
      {demo ? <DemoSamples demo={demo} /> : null}
      <OpenJobForm defaultRegion={defaultRegion} />
      <RecentJobs />
    </article>
  );
}

function DemoSamples({ demo }: { demo: DemoGuide }) {
  return (
    <section aria-labelledby="demo-jobs" className="demo-samples">
      <h2 id="demo-jobs">Sample jobs in the demo</h2>
      <ul className="link-list">
        {demo.sampleJobs.map((job) => (
          <li key={job.jobId}>
            <Link href={jobPagePath({ ...demo.environment, jobId: job.jobId })}>{job.label}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href={environmentJobsPath(demo.environment)}>All jobs of the demo’s staging environment</Link>
      </p>
      <p className="muted small">
        No sign-in needed: in the demo every visitor may watch these jobs. <strong>Sign in</strong> (at the top) only tries out
        the sign-in steps; with your own <span className="mono">config.json</span> it is what lets this browser read your
        account’s jobs, unless the deployment lets guests watch too.
      </p>
    </section>
  );
}

function RecentJobs() {
  // Follows the stored list: gone the moment it is forgotten (sign-out, the button below, another tab).
  const jobs = useRecentJobs();
  if (jobs.length === 0) return null;
  const now = Date.now();
  return (
    <section aria-labelledby="recent-jobs">
      <h2 id="recent-jobs">Recently watched in this browser</h2>
      <ul className="recent-jobs">
        {jobs.map((job) => (
          <li key={JSON.stringify(jobRefParts(job))}>
            <StatusBadge status={job.status} small />{' '}
            {/* The region always goes into the link (no region is ''): the entry says where it was watched. */}
            <Link href={jobRefPagePath(job, '')}>
              <span className="mono break">
                <BreakableText text={job.jobId} />
              </span>
            </Link>{' '}
            <span className="muted">
              {job.operation ? `${job.operation} · ` : ''}
              {job.appId} / {isHostingRef(job) ? `branch ${job.branchName}` : job.envName} · {job.region} · seen{' '}
              {formatRelative(new Date(job.lastSeen), now)}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          forgetRecentJobs();
          // This button goes with the list: the focus goes to the page (not the body), without scrolling.
          document.getElementById('main')?.focus({ preventScroll: true });
        }}
      >
        Forget these jobs
      </button>
    </section>
  );
}
