import { describe, expect, it } from 'vitest';
import { matchRoute } from './routes';

describe('matchRoute', () => {
  it('the root and /index.html are the home page', () => {
    expect(matchRoute('/', '')).toEqual({ page: 'home' });
    expect(matchRoute('/index.html', '')).toEqual({ page: 'home' });
  });

  it('a job link is the job page, with the region from the query', () => {
    expect(matchRoute('/apps/a1/environments/staging/jobs/j%2F1', '?region=eu-west-1')).toEqual({
      page: 'job',
      params: { appId: 'a1', envName: 'staging', jobId: 'j/1', region: 'eu-west-1' },
    });
  });

  it("an environment link is the environment's job list", () => {
    expect(matchRoute('/apps/a1/environments/staging/jobs', '')).toMatchObject({
      page: 'environment',
      params: { appId: 'a1', envName: 'staging' },
    });
  });

  it('a job link with a broken percent-encoding is an invalid link, not a missing page', () => {
    expect(matchRoute('/apps/a1/environments/staging/jobs/%E0%A4%A', '')).toMatchObject({ page: 'invalid-link' });
  });

  it('anything else is not found', () => {
    expect(matchRoute('/nope', '')).toEqual({ page: 'not-found' });
    expect(matchRoute('/apps/a1', '')).toEqual({ page: 'not-found' });
  });
});
