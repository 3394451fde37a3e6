import type { Page } from '@playwright/test';
import { environmentListPath, expect, linesOf, tableRows, test, type Sim } from './fixtures';

// Where these findings were made: a laptop screen.
test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });

const MINUTE = 60_000;

/** Job IDs as AWS writes them (UUIDs), unique to this test. */
function uuid(n: number): string {
  const tail = `${Date.now().toString(16)}${n}`.padStart(12, '0').slice(-12);
  return `7f3c9e2a-5b1d-4c8e-9a6f-${tail}`;
}

async function jobs(sim: Sim) {
  const now = Date.now();
  const failed = await sim.createJob({
    jobId: uuid(1),
    operation: 'CreateBackendStorage',
    startedAt: now - 3 * MINUTE,
    steps: [{ status: 'FAILED', atMs: 0 }],
    error: `Resource handler returned message: ${'"Bucket policy is invalid for arn:aws:s3:::amplify-staging-deployment-bucket" '.repeat(6)}END`,
  });
  const same = { appId: failed.appId, envName: failed.envName };
  const completed = await sim.createJob({
    ...same,
    jobId: uuid(2),
    operation: 'RemoveAllBackends',
    startedAt: now - 2 * MINUTE,
    steps: [{ status: 'COMPLETED', atMs: 0 }],
  });
  const other = await sim.createJob({
    ...same,
    jobId: uuid(3),
    operation: 'UpdateBackendAuth',
    startedAt: now - MINUTE,
    steps: [{ status: 'COMPLETED', atMs: 0 }],
  });
  return { failed, completed, other };
}

/** The three jobs' list, loaded. */
async function openList(page: Page, sim: Sim) {
  const created = await jobs(sim);
  await page.goto(environmentListPath(created.failed));
  await expect(tableRows(page)).toHaveCount(3, { timeout: 30_000 }); // a load from AWS on a busy machine
  return created;
}

// Only a browser proves it: real text layout at 1280 px — what fits, what wraps, what is cut.
test('at 1280 px the table fits the page: IDs and operations stay whole on one line, each date on one line with its age beneath', async ({
  simulatedAccount: page,
  sim,
}) => {
  await openList(page, sim);

  for (let i = 0; i < 3; i += 1) {
    const row = tableRows(page).nth(i);
    const link = row.locator('td[data-label="Job ID"] a');
    const operation = row.locator('td[data-label="Operation"]');
    expect(await linesOf(link)).toBe(1);
    expect(await linesOf(operation)).toBe(1);
    const id = (await link.textContent()) ?? '';
    await expect(link).toHaveAttribute('title', id);
    // Whole on screen, or cut with an ellipsis whose full value the title gives on hover.
    const cut = await link.evaluate((node) => node.scrollWidth > node.clientWidth);
    expect(cut).toBe(false);
  }

  const table = page.getByRole('table');
  const fits = await table.evaluate((node) => ({
    table: Math.ceil(node.getBoundingClientRect().right),
    parent: Math.floor((node.parentElement as HTMLElement).getBoundingClientRect().right),
    page: document.documentElement.scrollWidth <= window.innerWidth,
  }));
  expect(fits.table).toBeLessThanOrEqual(fits.parent);
  expect(fits.page).toBe(true);
  for (let i = 0; i < 3; i += 1) {
    for (const column of ['Created', 'Updated']) {
      const cell = tableRows(page).nth(i).locator(`td[data-label="${column}"]`);
      expect(await linesOf(cell.locator('time'))).toBe(1);
      const age = cell.getByText(/ago\)$|just now\)$/);
      const [timeBox, ageBox] = [await cell.locator('time').boundingBox(), await age.boundingBox()];
      expect(ageBox && timeBox && ageBox.y >= timeBox.y + timeBox.height - 1).toBe(true);
    }
  }
  await page.screenshot({ path: test.info().outputPath('environment-list-1280.png') });
});
