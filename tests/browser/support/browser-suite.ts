// Per test file: the web build, one app process and one Chromium, shared by its tests; a fresh context per test.
import { after, before, type TestContext } from 'node:test';
import type { Browser } from 'playwright-core';
import { startApp, type AppOptions, type RunningApp } from './app-process';
import { launchChromium } from '../../../infra/testing/chromium';
import { withPage, type PageSession, type ViewportName } from './page-session';
import { ensureWebBuild } from './web-build';

export type BrowserSuite = {
  /** The app's base URL (API under /api/v1). */
  readonly url: string;
  /** Runs `body` in a new browser context at `viewport`; see withPage. */
  page(t: TestContext, viewport: ViewportName, body: (session: PageSession) => Promise<void>): Promise<void>;
};

/** Call inside a `describe`: registers before/after hooks that start and stop the app and the browser. */
export function useBrowserSuite(options: AppOptions = {}): BrowserSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  before(
    async () => {
      await ensureWebBuild();
      app = await startApp(options);
      browser = await launchChromium();
    },
    { timeout: 600_000 },
  );
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = () => {
    if (!app || !browser) throw new Error('the browser suite did not start (see the before hook)');
    return { app, browser };
  };
  return {
    get url() {
      return started().app.url;
    },
    page: (t, viewport, body) => withPage(started().browser, started().app.url, t, viewport, body),
  };
}
