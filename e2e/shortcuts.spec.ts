import type { Page } from '@playwright/test';
import { expect, jobStatus, serveConfig, simulatedAccountConfig, test } from './fixtures';

/** Waits for the page's next GetBackendJob for `jobId`. */
function nextCheck(page: Page, jobId: string) {
  return page.waitForRequest((request) => request.method() === 'GET' && request.url().endsWith(`/${jobId}`));
}

test('keyboard shortcuts on the job page: ? lists them, r checks now, p pauses and resumes, b adds the job to the board', async ({
  page,
  sim,
  requests,
}) => {
  // A minute between checks: every check after the first below comes from a key.
  await serveConfig(page, simulatedAccountConfig({ pollIntervalSeconds: 60 }));
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');
  await expect.poll(() => requests.getBackendJob(job.jobId).length).toBe(1);
  const pause = page.getByRole('button', { name: 'Pause auto-refresh' });
  const resume = page.getByRole('button', { name: 'Resume auto-refresh' });

  // "?" opens the list, the one place the keys are announced; Escape closes it and focus goes back.
  const refresh = page.getByRole('button', { name: 'Refresh now' });
  await refresh.focus();
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('term')).toHaveText(['r', 'p', 'b', '?']);
  await expect(list.getByRole('definition')).toHaveText([
    'Refresh now',
    'Pause auto-refresh',
    'Add this job to the board',
    'Show these shortcuts',
  ]);
  await expect(list.getByRole('button', { name: 'Close' })).toBeFocused();
  // While the list is open the keys rest: this "p" pauses nothing (checked after the next check below).
  await page.keyboard.press('p');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(refresh).toBeFocused();

  // r: one check, now (the minute-long timer is far off).
  let checked = nextCheck(page, job.jobId);
  await page.keyboard.press('r');
  await checked;
  await expect(pause).toHaveAttribute('aria-pressed', 'false');

  // Never while typing in a field: "p" in the interval select pauses nothing. Keys are handled in
  // order, so once the "r" pressed after it has checked, a pause would already show.
  await page.getByLabel('Check every').focus();
  await page.keyboard.press('p');
  await refresh.focus();
  checked = nextCheck(page, job.jobId);
  await page.keyboard.press('r');
  await checked;
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  expect(requests.getBackendJob(job.jobId)).toHaveLength(3);

  // p pauses and resumes; the button says which, and resuming checks at once.
  await page.keyboard.press('p');
  await expect(resume).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Auto-refresh is paused.')).toBeVisible();
  checked = nextCheck(page, job.jobId);
  await page.keyboard.press('p');
  await checked;
  await expect(pause).toHaveAttribute('aria-pressed', 'false');

  // b: the board, with this job on it.
  await page.keyboard.press('b');
  await expect(page).toHaveURL(new RegExp(`/watch\\?job=${job.region}/${job.appId}/${job.envName}/${job.jobId}$`));
  await expect(page.getByRole('main')).toContainText(job.jobId);
});

test('a finished job offers no p: the list leaves it out and the key does nothing', async ({ simulatedAccount: page, sim }) => {
  const job = await sim.createJob({ steps: [{ status: 'COMPLETED', atMs: 0 }] });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('COMPLETED');
  await page.keyboard.press('p');
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  expect(await list.getByRole('term').allTextContents()).not.toContain('p');
  await expect(page.getByRole('button', { name: /auto-refresh/ })).toHaveCount(0);
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(list).toHaveCount(0);
});
