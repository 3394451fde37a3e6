import { DEMO_USERS } from '../src/simulated-aws/demoUsers';
import { expect, jobStatus, linesOf, serveConfig, test } from './fixtures';

// Where these were found: a phone.
test.use({ viewport: { width: 375, height: 800 } });

/**
 * A time zone in which it is now five in the morning: a single-digit hour, where a time written
 * with "numeric" hours ("5:04:03") and one written with two digits ("05:04:03") differ.
 */
function zoneWhereItIsFive(): string {
  const offset = (new Date().getUTCHours() - 5 + 24) % 24; // hours behind UTC
  if (offset === 0) return 'Etc/GMT';
  return offset <= 12 ? `Etc/GMT+${offset}` : `Etc/GMT-${24 - offset}`;
}

test.describe('demo mode at 375 px', () => {
  test.beforeEach(async ({ page }) => {
    await serveConfig(page, { message: 'Not Found' }, 404);
  });

  test('the demo banner is one short line; "More" opens the rest and says it is open', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByRole('note', { name: 'Demo mode' });
    await expect(banner).toBeVisible();
    const more = banner.getByRole('button', { name: 'More' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(await linesOf(banner)).toBe(1);
    await expect(banner.getByText('Demo-password-1')).toBeHidden();

    await more.click();
    const less = banner.getByRole('button', { name: 'Less' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    await expect(banner.getByText('Demo-password-1')).toBeVisible();
    await expect(banner).toContainText('nothing here reaches a real account');
    await less.press('Enter');
    await expect(banner.getByText('Demo-password-1')).toBeHidden();
    expect(await linesOf(banner)).toBe(1);
  });

  test('the demo users are listed once each, name and password then what happens; "Show password" stays on one line', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('banner').getByRole('button', { name: 'Sign in', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.getByText('Demo users').click();
    const items = dialog.getByRole('listitem');
    await expect(items).toHaveCount(DEMO_USERS.length);
    for (const [index, user] of DEMO_USERS.entries()) {
      const text = (await items.nth(index).textContent()) ?? '';
      expect(text.startsWith(`${user.username} / ${user.password}: `)).toBe(true);
      // Each name and password once, not again in the description.
      expect(text.split(user.password)).toHaveLength(2);
      expect(text.split(`${user.username} /`)).toHaveLength(2);
    }
    const show = dialog.getByRole('button', { name: 'Show password' });
    expect(await linesOf(show)).toBe(1);
    await show.click();
    expect(await linesOf(dialog.getByRole('button', { name: 'Hide password' }))).toBe(1);
  });
});

test.describe('every clock time one way', () => {
  test.use({ timezoneId: zoneWhereItIsFive(), locale: 'en-US' });

  test('the job page writes the time of day with two-digit hours everywhere: created, updated, last checked, timeline', async ({
    simulatedAccount: page,
    sim,
  }) => {
    const job = await sim.createJob();
    await page.goto(job.path);
    await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 15_000 });
    await expect(page.getByText(/^Last checked /)).toBeVisible();

    const texts = [
      ...(await page.locator('main time').allTextContents()),
      (await page.getByText(/^Last checked /).textContent()) ?? '',
    ];
    const clockTimes = texts.flatMap((text) => text.match(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g) ?? []);
    expect(clockTimes.length).toBeGreaterThanOrEqual(3);
    for (const time of clockTimes) expect(time).toMatch(/^0\d:/);
  });
});
