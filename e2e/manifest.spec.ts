import { expect, test } from './fixtures';

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

interface Manifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: ManifestIcon[];
}

// Only a browser proves it: Chromium's own installability check on the served manifest, icons decoded under the CSP.
test('the web app manifest is linked, served and complete, and Chromium finds the app installable', async ({
  simulatedAccount: page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: 'Amplify Job Watch',
    short_name: 'Job Watch',
    start_url: '/',
    display: 'standalone',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  // Light and dark theme colours for the browser's own UI.
  const themeColors = await page
    .locator('meta[name="theme-color"]')
    .evaluateAll((metas) => metas.map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')]));
  expect(themeColors).toEqual([
    ['(prefers-color-scheme: light)', expect.stringMatching(/^#[0-9a-f]{6}$/i)],
    ['(prefers-color-scheme: dark)', expect.stringMatching(/^#[0-9a-f]{6}$/i)],
  ]);

  const icons = manifest.icons ?? [];
  const described = icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
  expect(described).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) {
    expect(icon.type).toBe('image/png');
    // Loaded by the page itself: the icon exists, is a PNG of the declared size, and the CSP lets it in.
    const size = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return `${image.naturalWidth}x${image.naturalHeight}`;
    }, icon.src);
    expect(size, icon.src).toBe(icon.sizes);
  }

  // What Chromium itself checks before it offers to install the app ('in-incognito' is about Playwright's
  // throwaway browser profile, not about the app).
  const cdp = await page.context().newCDPSession(page);
  await expect
    .poll(async () => {
      const result = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      return result.installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito');
    })
    .toEqual([]);
  const { url, data } = (await cdp.send('Page.getAppManifest')) as { url: string; data?: string; errors: unknown[] };
  expect(url).toMatch(/\/manifest\.webmanifest$/);
  expect(data).toBeTruthy();
  expect(cspViolations).toEqual([]);
});
