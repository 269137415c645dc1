import type { AuthResult } from '@hallbridge/contracts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with a fake camera and microphone, and no calls to the internet.
 * `executablePath`, `args` and `env` let a network test run it on another "machine" (test/support/netns.ts).
 */
export function launchChromium(
  options: { executablePath?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? chromiumPath,
    headless: true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage', // containers often give /dev/shm only 64 MB
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      ...(options.args ?? []),
    ],
  });
}

export const phone: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
};

export const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 800 }, locale: 'vi-VN' };

export function newContext(
  browser: Browser,
  options: BrowserContextOptions = desktop,
): Promise<BrowserContext> {
  return browser.newContext({ ...options, acceptDownloads: true });
}

/** Signs in on the sign-in page as a person does; resolves on the sessions page it leads to. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(/\/sessions/);
}

/** Pages of `target` open already signed in as `auth`: the stored sign-in the web app reads at load. */
export async function storeSignIn(target: BrowserContext | Page, auth: AuthResult): Promise<void> {
  await target.addInitScript(
    (stored) => localStorage.setItem('hallbridge.auth', stored),
    JSON.stringify({ token: auth.token, expiresAt: auth.expiresAt, principal: auth.principal }),
  );
}
