// One fresh browser context per test: screenshots of key pages, console errors, and a report when it fails.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsRoot } from './paths';

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;
export type ViewportName = keyof typeof viewports;

export type PageSession = {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly viewport: ViewportName;
  /** Saves a full-page screenshot to .test-artifacts/browser/<test>/<step>.png and returns its path. */
  screenshot(step: string): Promise<string>;
  /** Console errors (except API error answers) and uncaught page errors seen so far. */
  consoleErrors(): readonly string[];
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

const isApiAnswer = (text: string, url: string) =>
  text.startsWith('Failed to load resource') && new URL(url || 'about:blank').pathname.startsWith('/api/');

/** Without the terminal colour codes Playwright puts in its call logs. */
// eslint-disable-next-line no-control-regex
const plainText = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

export function artifactDir(t: TestContext, viewport: ViewportName): string {
  const name = slug(t.fullName);
  return path.join(artifactsRoot, name.endsWith(viewport) ? name : `${name}-${viewport}`);
}

/**
 * Runs `body` with a new context at `viewport` (no shared cookies or storage with other tests). When `body`
 * throws, saves failure.png and console-errors.txt next to the step screenshots, then rethrows.
 */
export async function withPage(
  browser: Browser,
  baseURL: string,
  t: TestContext,
  viewport: ViewportName,
  body: (session: PageSession) => Promise<void>,
): Promise<void> {
  const dir = artifactDir(t, viewport);
  // A failure.png left by an earlier run would describe a run that is not this one.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const context = await browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    // Chromium logs every 4xx/5xx answer as a console error; API answers such as 401 for an anonymous
    // session or 402 for a declined card are the app's protocol, which it handles on the page.
    if (isApiAnswer(message.text(), where)) return;
    errors.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  const session: PageSession = {
    page,
    context,
    viewport,
    async screenshot(step) {
      const file = path.join(dir, `${slug(step)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    consoleErrors: () => [...errors],
  };
  try {
    await body(session);
  } catch (error) {
    await page.screenshot({ path: path.join(dir, 'failure.png'), fullPage: true }).catch(() => undefined);
    const report = [`url: ${page.url()}`, `error: ${plainText(String(error))}`, '', ...errors].join('\n');
    await writeFile(path.join(dir, 'console-errors.txt'), `${report}\n`);
    throw error;
  } finally {
    await context.close();
  }
}
