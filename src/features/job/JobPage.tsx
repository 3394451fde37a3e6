import { useRef } from 'react';
import type { JobClients } from '../../shared/aws/watchedJob';
import { navigate } from '../../shared/browser/history';
import type { JobPageConfig } from '../../shared/config/jobPageConfig';
import { isAmplifyBackendRegion } from '../../shared/config/regions';
import { hostingLinkProblems, linkProblems } from '../../shared/domain/jobIds';
import type { JobRef } from '../../shared/domain/jobRef';
import { jobRefPagePath, type HostingJobPageParams, type JobPageParams } from '../../shared/domain/jobRoutes';
import { InvalidLink } from '../../shared/ui/InvalidLink';
import { JobHeader } from './JobHeader';
import { JobWatch } from './JobWatch';
import './jobPage.css';

interface PageProps {
  config: JobPageConfig;
  clients: JobClients;
  /** Opens sign-in, when the deployment has a user pool; missing credentials then ask for it instead of failing. */
  onSignIn?: () => void;
}

export interface JobPageProps extends PageProps {
  params: JobPageParams;
}

/** An AmplifyBackend job: `/apps/{appId}/environments/{envName}/jobs/{jobId}`. */
export function JobPage({ params, ...page }: JobPageProps) {
  const problems = linkProblems(params, isAmplifyBackendRegion);
  if (problems.length > 0) return <InvalidLink what="job" problems={problems} />;
  const { appId, envName, jobId } = params;
  return <WatchedJobPage jobKey={{ region: params.region ?? page.config.region, appId, envName, jobId }} {...page} />;
}

export interface HostingJobPageProps extends PageProps {
  params: HostingJobPageParams;
}

/** An Amplify Hosting job, a branch's build and deploy: `/apps/{appId}/branches/{branchName}/jobs/{jobId}`. */
export function HostingJobPage({ params, ...page }: HostingJobPageProps) {
  const problems = hostingLinkProblems(params, isAmplifyBackendRegion);
  if (problems.length > 0) return <InvalidLink what="job" problems={problems} />;
  const { appId, branchName, jobId } = params;
  return (
    <WatchedJobPage
      jobKey={{ kind: 'hosting', region: params.region ?? page.config.region, appId, branchName, jobId }}
      {...page}
    />
  );
}

/** One job of either kind, live: its header, then the watch. */
function WatchedJobPage({ jobKey, config, clients, onSignIn }: PageProps & { jobKey: JobRef }) {
  const page = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The same job in another region: the heading (kept across the reload) takes the focus.
  const changeRegion = (region: string) => {
    heading.current?.focus();
    navigate(jobRefPagePath({ ...jobKey, region }, config.region));
  };
  return (
    <article className="page job" ref={page}>
      <JobHeader jobKey={jobKey} defaultRegion={config.region} headingRef={heading} />
      <JobWatch
        key={JSON.stringify(jobKey)}
        jobKey={jobKey}
        config={config}
        clients={clients}
        onSignIn={onSignIn}
        onRegionChange={changeRegion}
        page={page}
        heading={heading}
      />
    </article>
  );
}
