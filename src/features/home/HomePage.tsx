import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import { AMPLIFY_BACKEND_REGIONS } from '../../shared/config/regions';
import { environmentJobsPath } from '../../shared/domain/environmentRoutes';
import { validateId } from '../../shared/domain/jobIds';
import { parseJobReference } from '../../shared/domain/jobReference';
import { jobPagePath } from '../../shared/domain/jobRoutes';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { formatRelative } from '../../shared/ui/timeFormat';
import { Link, navigate } from '../../shared/browser/history';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../../simulated-aws/demoJobs';
import { APP_TITLE, useDocumentTitle } from '../../shared/browser/documentTitle';
import { forgetRecentJobs, loadRecentJobs, type RecentJob } from '../../shared/browser/recentJobs';

export interface HomePageProps {
  demo: boolean;
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
      <OpenJobForm defaultRegion={defaultRegion} />
      <RecentJobs />
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
          <p>
            <Link href={environmentJobsPath({ appId: DEMO_APP_ID, envName: DEMO_ENV })}>
              All jobs of the demo’s staging environment
            </Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}

interface Fields {
  region: string;
  appId: string;
  envName: string;
  jobId: string;
}

function OpenJobForm({ defaultRegion }: { defaultRegion: string }) {
  const [fields, setFields] = useState<Fields>({ region: defaultRegion, appId: '', envName: '', jobId: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const onPaste = (event: ClipboardEvent<HTMLFormElement>) => {
    const reference = parseJobReference(event.clipboardData.getData('text'));
    if (!reference) return;
    event.preventDefault();
    setFields((current) => ({
      region: reference.region ?? current.region,
      appId: reference.appId ?? current.appId,
      envName: reference.envName ?? current.envName,
      jobId: reference.jobId ?? current.jobId,
    }));
    setProblems([]);
    setNotice('Filled in from what you pasted.');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const appId = fields.appId.trim();
    const envName = fields.envName.trim();
    const jobId = fields.jobId.trim();
    const found = [
      validateId('App ID', appId),
      validateId('Environment', envName),
      jobId ? validateId('Job ID', jobId) : null,
    ].filter((problem): problem is string => problem !== null);
    setProblems(found);
    if (found.length > 0) return;
    const region = fields.region === defaultRegion ? undefined : fields.region;
    navigate(jobId ? jobPagePath({ appId, envName, jobId, region }) : environmentJobsPath({ appId, envName, region }));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="open-job">
      <h2 id={`${id}-title`}>Open a job</h2>
      <p className="muted">
        Paste a job link or the JSON the AWS CLI printed into any field, and the form fills itself in. Leave Job ID empty to see
        the environment’s jobs.
      </p>
      <form className="form open-job__form" onSubmit={onSubmit} onPaste={onPaste} noValidate>
        <label htmlFor={`${id}-region`}>Region</label>
        <select id={`${id}-region`} value={fields.region} onChange={set('region')}>
          {AMPLIFY_BACKEND_REGIONS.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-app`}>App ID</label>
        <input id={`${id}-app`} value={fields.appId} onChange={set('appId')} autoComplete="off" spellCheck={false} />
        <label htmlFor={`${id}-env`}>Environment</label>
        <input id={`${id}-env`} value={fields.envName} onChange={set('envName')} autoComplete="off" spellCheck={false} />
        <label htmlFor={`${id}-job`}>Job ID</label>
        <input id={`${id}-job`} value={fields.jobId} onChange={set('jobId')} autoComplete="off" spellCheck={false} />
        {problems.length > 0 ? (
          <ul className="panel panel--error" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <p role="status" className="muted small">
          {notice}
        </p>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Open
          </button>
        </div>
      </form>
    </section>
  );
}

function RecentJobs() {
  const [jobs, setJobs] = useState<RecentJob[]>(() => loadRecentJobs());
  if (jobs.length === 0) return null;
  const now = Date.now();
  return (
    <section aria-labelledby="recent-jobs">
      <h2 id="recent-jobs">Recently watched in this browser</h2>
      <ul className="recent-jobs">
        {jobs.map((job) => (
          <li key={JSON.stringify([job.region, job.appId, job.envName, job.jobId])}>
            <StatusBadge status={job.status} small />{' '}
            <Link href={jobPagePath({ appId: job.appId, envName: job.envName, jobId: job.jobId, region: job.region })}>
              <span className="mono break">{job.jobId}</span>
            </Link>{' '}
            <span className="muted">
              {job.operation ? `${job.operation} · ` : ''}
              {job.appId} / {job.envName} · {job.region} · seen {formatRelative(new Date(job.lastSeen), now)}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          forgetRecentJobs();
          setJobs([]);
        }}
      >
        Forget these jobs
      </button>
    </section>
  );
}
