import type { Page } from '@playwright/test';
import { expect, jobStatus, test } from './fixtures';

// Half an hour off UTC, so a local time can never be mistaken for a UTC one.
test.use({ timezoneId: 'Asia/Kolkata' });

/** Every absolute time on the page: each `<time>` with its ISO datetime and text, and the "Last checked" line. */
async function absoluteTimes(page: Page) {
  const times = await page
    .locator('main time')
    .evaluateAll((elements) =>
      elements.map((element) => ({ iso: element.getAttribute('datetime') ?? '', text: element.textContent ?? '' })),
    );
  const lastChecked = (await page.getByText(/^Last checked /).textContent()) ?? '';
  return { times, lastChecked };
}

/** ":MM:SS" of the instant in UTC; in Kolkata the minutes are 30 off. */
function utcMinutesSeconds(iso: string): string {
  return `:${new Date(iso).toISOString().slice(14, 19)}`;
}

test('the Local / UTC switch changes every absolute time on the job page and survives a reload', async ({
  simulatedAccount: page,
  sim,
}) => {
  const job = await sim.createJob({ startedAt: Date.now() - 90_000 });
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 20_000 });
  await expect(page.getByText(/^Last checked /)).toBeVisible();

  const zone = page.getByRole('group', { name: 'Show times in' });
  const local = zone.getByRole('button', { name: 'Local' });
  const utc = zone.getByRole('button', { name: 'UTC' });
  await expect(local).toHaveAttribute('aria-pressed', 'true');

  const before = await absoluteTimes(page);
  expect(before.times.length).toBeGreaterThanOrEqual(2); // Created, Updated
  for (const time of before.times) {
    expect(time.iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(time.text).not.toContain('UTC');
    expect(time.text).not.toContain(utcMinutesSeconds(time.iso));
  }
  expect(before.lastChecked).not.toContain('UTC');

  await utc.click();
  await expect(utc).toHaveAttribute('aria-pressed', 'true');
  await expect(local).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText(/^Last checked .+ UTC\.$/)).toBeVisible();
  const expectAllUtc = async () => {
    const after = await absoluteTimes(page);
    expect(after.times.length).toBe(before.times.length);
    for (const time of after.times) {
      expect(time.iso).toMatch(/Z$/);
      expect(time.text).toMatch(/ UTC$/);
      expect(time.text).toContain(utcMinutesSeconds(time.iso));
    }
    expect(after.lastChecked).toMatch(/ UTC\.$/);
  };
  await expectAllUtc();

  await page.reload();
  await expect(jobStatus(page)).toContainText('RUNNING', { timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'Show times in' }).getByRole('button', { name: 'UTC' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText(/^Last checked .+ UTC\.$/)).toBeVisible();
  await expectAllUtc();

  await page.getByRole('button', { name: 'Local' }).click();
  await expect(page.getByText(/^Last checked (?!.*UTC).+\.$/)).toBeVisible();
  for (const time of (await absoluteTimes(page)).times) expect(time.text).not.toContain('UTC');
});
