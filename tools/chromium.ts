import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

/**
 * The one Chromium every browser run uses (the end-to-end suite through playwright.config.ts, the
 * benchmark directly): Debian's /usr/bin/chromium unless CHROMIUM_PATH names another, with the
 * flags that keep it off the network for anything but the page under test.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No background downloads, updates, sync or first-run pages; no GPU (headless on a server). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export const chromiumLaunchOptions: LaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

/** A headless Chromium launched with the options above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}
