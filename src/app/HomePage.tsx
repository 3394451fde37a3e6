import { useEffect } from 'react';
import { jobPagePath } from '../jobs/jobRoutes';
import { APP_TITLE } from '../jobs/JobPage';
import { Link } from '../navigation/history';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../simulated-aws/demoJobs';

export interface HomePageProps {
  demo: boolean;
}

export function HomePage({ demo }: HomePageProps) {
  useEffect(() => {
    document.title = APP_TITLE;
  }, []);
  return (
    <article className="page">
      <h1>{APP_TITLE}</h1>
      <p>
        Watch an AWS AmplifyBackend job live: open the link to a job and keep the tab open while it deploys. The page
        refreshes by itself while the job runs and stops once it has completed or failed.
      </p>
      <p>
        A job link looks like{' '}
        <span className="mono break">/apps/&lt;app ID&gt;/environments/&lt;environment&gt;/jobs/&lt;job ID&gt;?region=eu-west-1</span>.
      </p>
      {demo ? (
        <section aria-labelledby="demo-jobs">
          <h2 id="demo-jobs">Sample jobs in the demo</h2>
          <ul className="link-list">
            {DEMO_JOB_LINKS.map((job) => (
              <li key={job.jobId}>
                <Link href={jobPagePath({ appId: DEMO_APP_ID, envName: DEMO_ENV, jobId: job.jobId })}>{job.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
