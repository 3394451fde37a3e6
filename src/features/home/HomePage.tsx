import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { Link } from '../../shared/browser/history';
import { forgetRecentJobs, useRecentJobs } from '../../shared/browser/recentJobs';
import type { DemoGuide } from '../../shared/config/demoGuide';
import { boardPath } from '../../shared/domain/boardLink';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { isHostingRef, jobRefParts } from '../../shared/domain/jobRef';
import { branchJobsPath, hostingJobPagePath, jobPagePath, jobRefPagePath } from '../../shared/domain/jobRoutes';
import { BreakableText } from '../../shared/ui/BreakableText';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatRelative } from '../../shared/ui/timeFormat';
import { OpenJobForm } from './OpenJobForm';

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
        Watch an AWS Amplify deployment live, both of its kinds of job: AmplifyBackend jobs and Amplify Hosting builds. Open the
        job and keep the tab open while it deploys; the page refreshes by itself while the job runs and stops once it has
        finished.
      </p>
      {/* In the demo the samples are what a newcomer came for: first, above the form, in view at 375×812. */}
      {demo ? <DemoSamples demo={demo} /> : null}
      <OpenJobForm defaultRegion={defaultRegion} />
      <RecentJobs />
    </article>
  );
}

function DemoSamples({ demo }: { demo: DemoGuide }) {
  const firstBranch = demo.hostingJobs[0];
  return (
    <section aria-labelledby="demo-jobs" className="demo-samples">
      <h2 id="demo-jobs">Sample jobs in the demo</h2>
      <h3 id="demo-backend-jobs">Backend jobs</h3>
      <ul className="link-list" aria-labelledby="demo-backend-jobs">
        {demo.sampleJobs.map((job) => (
          <li key={job.jobId}>
            <Link href={jobPagePath({ ...demo.environment, jobId: job.jobId })}>{job.label}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href={environmentJobsPath(demo.environment)}>All jobs of the demo’s staging environment</Link>
      </p>
      {demo.hostingJobs.length > 0 ? (
        <>
          <h3 id="demo-hosting-jobs">Hosting builds</h3>
          <ul className="link-list" aria-labelledby="demo-hosting-jobs">
            {demo.hostingJobs.map((job) => (
              <li key={JSON.stringify([job.appId, job.branchName, job.jobId])}>
                <Link href={hostingJobPagePath(job)}>{job.label}</Link>
              </li>
            ))}
          </ul>
          {firstBranch ? (
            <p>
              <Link href={branchJobsPath(firstBranch)}>
                All builds of the demo’s <span className="mono">{firstBranch.branchName}</span> branch
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      {demo.sampleBoard.length > 0 ? (
        <p>
          <Link href={boardPath(demo.sampleBoard)}>A board with backend jobs and hosting builds side by side</Link>
        </p>
      ) : null}
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
