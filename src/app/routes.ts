import { BOARD_PATH } from '../shared/domain/boardLink';
import { matchEnvironmentJobsPath, type EnvironmentPageParams } from '../shared/domain/environmentRoutes';
import { matchJobPagePath, type JobPageParams } from '../shared/domain/jobRoutes';

/** Every page of the app, matched in one place: boot (to start a deep link's requests early) and the shell both ask here. */
export type Route =
  | { page: 'home' }
  | { page: 'job'; params: JobPageParams }
  | { page: 'environment'; params: EnvironmentPageParams }
  /** `/watch?job=…&job=…`: the board reads its own query string. */
  | { page: 'board'; search: string }
  | { page: 'invalid-link'; message: string }
  | { page: 'not-found' };

export function matchRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  if (pathname === BOARD_PATH || pathname === `${BOARD_PATH}/`) return { page: 'board', search };
  const match = matchJobPagePath(pathname, search) ?? matchEnvironmentJobsPath(pathname, search);
  if (!match) return { page: 'not-found' };
  if (!match.ok) return { page: 'invalid-link', message: match.message };
  return 'jobId' in match.params ? { page: 'job', params: match.params } : { page: 'environment', params: match.params };
}
