import { expect, test } from './fixtures';

const NAME = /^Open in the Amplify console/;

function consoleUrl(region: string, appId: string): string {
  return `https://${region}.console.aws.amazon.com/amplify/apps/${encodeURIComponent(appId)}/overview?region=${region}`;
}

test('each board row opens its app in the Amplify console, in a new tab with no referrer and no opener', async ({
  simulatedAccount: page,
  sim,
}) => {
  const first = await sim.createJob();
  const second = await sim.createJob();
  const entries = [first, second].map((job) => [job.region, job.appId, job.envName, job.jobId].map(encodeURIComponent).join('/'));
  await page.goto(`/watch?${entries.map((entry) => `job=${entry}`).join('&')}`);

  for (const job of [first, second]) {
    const row = page.getByRole('listitem', { name: `Job ${job.jobId}`, exact: true });
    const link = row.getByRole('link', { name: NAME });
    await expect(link).toHaveAttribute('href', consoleUrl(job.region, job.appId));
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAccessibleName(new RegExp(`app ${job.appId}, opens in a new tab`));
    // Nothing from the session rides along: the address carries the region and app ID only.
    const href = new URL((await link.getAttribute('href')) ?? '');
    expect([...href.searchParams.keys()]).toEqual(['region']);
    expect(href.hash).toBe('');
  }
});

test('the job page opens its app in the Amplify console, in a new tab with no referrer and no opener', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob();
  await page.goto(job.path);
  const link = page.getByRole('main').getByRole('link', { name: NAME });
  await expect(link).toHaveAttribute('href', consoleUrl(job.region, job.appId));
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const href = new URL((await link.getAttribute('href')) ?? '');
  expect([...href.searchParams.keys()]).toEqual(['region']);
  expect(href.hash).toBe('');
});
