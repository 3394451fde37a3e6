import type { Page } from '@playwright/test';
import { jobStatus, serveConfig } from './fixtures';
import {
  createUser,
  expect,
  signInConfig,
  signInDialog,
  submitCredentials,
  test,
  USER_POOL_CLIENT_ID,
  USER_POOL_ID,
} from './signInFixtures';
import { SIM_ORIGIN } from './simConfig';

/** A deployment whose identity pool also serves guests: the job shows, and the header offers "Sign in". */
function guestsAndSignIn() {
  return signInConfig(SIM_ORIGIN, {
    Auth: {
      Cognito: {
        identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
        allowGuestAccess: true,
        identityPoolEndpoint: SIM_ORIGIN,
        userPoolId: USER_POOL_ID,
        userPoolClientId: USER_POOL_CLIENT_ID,
        userPoolEndpoint: SIM_ORIGIN,
      },
    },
  });
}

function headerSignIn(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Sign in', exact: true });
}

/** What has focus: a dialog field by its name, a button by its text, or the element's tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'BODY';
    return element.getAttribute('name') ?? element.id ?? element.tagName;
  });
}

// Only a browser proves it: where real focus lands each time the lazily loaded dialog opens and closes.
test('the sign-in dialog starts at its first field every time it opens; Escape and Cancel give focus back to "Sign in"', async ({
  page,
  sim,
  request,
}, testInfo) => {
  await serveConfig(page, guestsAndSignIn());
  const job = await sim.createJob();
  await page.goto(job.path);
  await expect(jobStatus(page)).toContainText('RUNNING');

  const dialog = signInDialog(page);
  const username = dialog.getByLabel('Username', { exact: true });

  // First opening, by mouse.
  await headerSignIn(page).click();
  await expect(username).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(headerSignIn(page)).toBeFocused();

  // Second opening, by keyboard: the sign-in screen is loaded already, and focus is still in its first field.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(username).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(headerSignIn(page)).toBeFocused();

  // Third opening, then signing in: "Sign in" is gone (it became "Sign out"), so focus goes to the main region.
  await page.keyboard.press('Enter');
  await expect(username).toBeFocused();
  const user = await createUser(request, testInfo.workerIndex);
  await submitCredentials(page, user);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  await expect.poll(() => focused(page)).toBe('main');
});
