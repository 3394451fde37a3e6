import { BOARD_PATH } from '../shared/domain/boardLink';
import { matchEnvironmentJobsPath, type EnvironmentPageParams } from '../shared/domain/environmentRoutes';
import {
  matchHostingPath,
  matchJobPagePath,
  type BranchPageParams,
  type HostingJobPageParams,
  type JobPageParams,
} from '../shared/domain/jobRoutes';

/** Every page of the app, matched in one place: boot (to start a deep link's requests early) and the shell both ask here. */
export type Route =
  | { page: 'home' }
  | { page: 'job'; params: JobPageParams }
  | { page: 'environment'; params: EnvironmentPageParams }
  /** An Amplify Hosting job: a branch's build and deploy. */
  | { page: 'hosting-job'; params: HostingJobPageParams }
  | { page: 'branch'; params: BranchPageParams }
  /** `/watch?job=…&job=…`: the board reads its own query string. */
  | { page: 'board'; search: string }
  | { page: 'invalid-link'; message: string }
  | { page: 'not-found' };

export function matchRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  if (pathname === BOARD_PATH || pathname === `${BOARD_PATH}/`) return { page: 'board', search };
  const hosting = matchHostingPath(pathname, search);
  if (hosting) {
    if (!hosting.ok) return { page: 'invalid-link', message: hosting.message };
    return 'jobId' in hosting.params
      ? { page: 'hosting-job', params: hosting.params }
      : { page: 'branch', params: hosting.params };
  }
  const match = matchJobPagePath(pathname, search) ?? matchEnvironmentJobsPath(pathname, search);
  if (!match) return { page: 'not-found' };
  if (!match.ok) return { page: 'invalid-link', message: match.message };
  return 'jobId' in match.params ? { page: 'job', params: match.params } : { page: 'environment', params: match.params };
}
