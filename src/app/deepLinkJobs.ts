import { isAmplifyBackendRegion } from '../shared/config/regions';
import { parseBoardSearch } from '../shared/domain/boardLink';
import { hostingLinkProblems, linkProblems } from '../shared/domain/jobIds';
import type { JobRef } from '../shared/domain/jobRef';
import { matchRoute } from './routes';

/**
 * The jobs a link will watch as soon as it opens: a job page's job, or a board's rows; none for other
 * pages and for links that are not valid (those send nothing until someone asks). `whole`: the page
 * is those jobs and nothing else (a board link has no entries it cannot watch).
 */
export function deepLinkJobs(
  { pathname, search }: { pathname: string; search: string },
  defaultRegion: string,
): {
  page: 'job' | 'board' | 'other';
  jobs: JobRef[];
  whole: boolean;
} {
  const route = matchRoute(pathname, search);
  if (route.page === 'job' && linkProblems(route.params, isAmplifyBackendRegion).length === 0) {
    const { params } = route;
    return {
      page: 'job',
      jobs: [{ region: params.region ?? defaultRegion, appId: params.appId, envName: params.envName, jobId: params.jobId }],
      whole: true,
    };
  }
  if (route.page === 'hosting-job' && hostingLinkProblems(route.params, isAmplifyBackendRegion).length === 0) {
    const { params } = route;
    return {
      page: 'job',
      jobs: [
        {
          kind: 'hosting',
          region: params.region ?? defaultRegion,
          appId: params.appId,
          branchName: params.branchName,
          jobId: params.jobId,
        },
      ],
      whole: true,
    };
  }
  if (route.page === 'board') {
    const { jobs, refusedJobs, invalid } = parseBoardSearch(route.search, isAmplifyBackendRegion);
    return { page: 'board', jobs, whole: jobs.length > 0 && refusedJobs.length === 0 && invalid.length === 0 };
  }
  return { page: 'other', jobs: [], whole: false };
}
