import type { BrowserContext } from '@playwright/test';
import { DEMO_APP_ID, DEMO_ENV, DEMO_JOB_LINKS } from '../src/simulated-aws/demoJobs';
import { expect, fact, jobStatus, linesOf, serveConfig, test } from './fixtures';

/** Anything that would really leave for AWS is stopped and remembered (the service worker should answer first). */
async function catchEscapes(context: BrowserContext): Promise<string[]> {
  const escaped: string[] = [];
  await context.route(
    (url) => url.hostname.endsWith('.amazonaws.com'),
    (route) => {
      escaped.push(route.request().url());
      return route.abort();
    },
  );
  return escaped;
}

test.describe('demo mode (no config.json)', () => {
  test.beforeEach(async ({ page }) => {
    await serveConfig(page, { message: 'Not Found' }, 404);
  });

  // Only a browser proves it: the demo's service worker answers AWS's own URLs inside the page of the production build, and nothing escapes.
  test('the home page lists the sample jobs; the first opens RUNNING from the in-page AWS, and a finished one opens cold', async ({
    page,
    context,
    requests,
  }) => {
    const escaped = await catchEscapes(context);
    await page.goto('/');

    const samples = page.getByRole('region', { name: 'Sample jobs in the demo' });
    await expect(samples).toBeVisible();
    for (const { label } of DEMO_JOB_LINKS) {
      await expect(samples.getByRole('link', { name: label, exact: true })).toBeVisible();
    }

    await samples.getByRole('link', { name: DEMO_JOB_LINKS[0]?.label ?? '', exact: true }).click();
    const first = DEMO_JOB_LINKS[0]?.jobId ?? '';
    await expect(page).toHaveURL(`/apps/${DEMO_APP_ID}/environments/${DEMO_ENV}/jobs/${first}`);
    await expect(jobStatus(page)).toContainText('RUNNING');
    await expect(fact(page, 'Operation')).toContainText('CreateBackendAuth');

    // The job came from https://amplifybackend.us-east-1.amazonaws.com, answered inside the page.
    const awsCalls = requests.all.filter(
      (request) => new URL(request.url()).hostname === 'amplifybackend.us-east-1.amazonaws.com',
    );
    expect(awsCalls.length).toBeGreaterThan(0);
    const answered = await awsCalls[0]?.response();
    expect(answered?.fromServiceWorker()).toBe(true);
    expect(escaped).toEqual([]);
    expect(requests.toSim()).toEqual([]);

    // Paused before leaving: MSW's worker stops answering for a page once it starts to unload, so a check
    // that fired in those milliseconds would go to the network (a limit of the demo's worker, not of this page).
    await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
    await expect(page.getByText('Auto-refresh is paused.')).toBeVisible();

    // A finished sample's deep link works on a cold load, still answered inside the page.
    const finished = DEMO_JOB_LINKS.find((job) => job.label.startsWith('CreateBackendStorage'));
    expect(finished).toBeDefined();
    await page.goto(`/apps/${DEMO_APP_ID}/environments/${DEMO_ENV}/jobs/${finished?.jobId}`);
    await expect(jobStatus(page)).toContainText('COMPLETED');
    await expect(jobStatus(page)).toContainText('Took 4 min 12 s');
    await expect(page.getByRole('note').filter({ hasText: 'Demo:' })).toContainText('simulated AWS');
    expect(escaped).toEqual([]);
  });
});

test.describe('demo mode at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  // Only a browser proves it: how many lines real text layout gives the banner and the dialog's toggle on a phone.
  test('the demo banner is one short line, closed again after "More"; "Show password" stays on one line', async ({ page }) => {
    await serveConfig(page, { message: 'Not Found' }, 404);
    await page.goto('/');
    const banner = page.getByRole('note', { name: 'Demo mode' });
    await expect(banner).toBeVisible();
    expect(await linesOf(banner)).toBe(1);
    await banner.getByRole('button', { name: 'More' }).click();
    await expect(banner.getByText('Demo-password-1')).toBeVisible();
    await banner.getByRole('button', { name: 'Less' }).press('Enter');
    await expect(banner.getByText('Demo-password-1')).toBeHidden();
    expect(await linesOf(banner)).toBe(1);

    await page.getByRole('banner').getByRole('button', { name: 'Sign in', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    const show = dialog.getByRole('button', { name: 'Show password' });
    await expect(show).toBeVisible();
    expect(await linesOf(show)).toBe(1);
    await show.click();
    expect(await linesOf(dialog.getByRole('button', { name: 'Hide password' }))).toBe(1);
  });
});
