// Accessibility basics as Chromium's own accessibility tree reports them (Playwright's ariaSnapshot):
// named form controls, images with alt text, keyboard focus that reaches the flow in order and shows.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export type AccessibleNode = { readonly role: string; readonly name: string };

/**
 * `- textbox "Email": typed` → { role: 'textbox', name: 'Email' }; an unnamed node has name ''. A name
 * holding ": " makes the snapshot (YAML) quote the whole key: `- 'img "Sales: 3"': x`, `''` for a `'`.
 */
export function parseSnapshotLine(snapshot: string): AccessibleNode | undefined {
  const line = snapshot.trimStart();
  const quoted = /^- '((?:[^']|'')*)'/.exec(line);
  const key = quoted ? quoted[1]!.replace(/''/g, "'") : line.slice(2);
  if (!line.startsWith('- ')) return undefined;
  const match = /^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(key);
  if (!match) return undefined;
  return { role: match[1]!, name: (match[2] ?? '').replace(/\\(.)/g, '$1') };
}

async function accessibleNode(element: Locator): Promise<AccessibleNode | undefined> {
  return parseSnapshotLine(await element.ariaSnapshot());
}

async function describe(element: Locator): Promise<string> {
  return element.evaluate((node: { outerHTML: string }) => node.outerHTML.slice(0, 160));
}

async function visible(locator: Locator): Promise<Locator[]> {
  const all = await locator.all();
  const shown: Locator[] = [];
  for (const element of all) if (await element.isVisible()) shown.push(element);
  return shown;
}

/** Visible form controls and buttons without an accessible name (label, aria-label, aria-labelledby…). */
export async function unnamedControls(page: Page): Promise<string[]> {
  const controls = await visible(
    page.locator('input:not([type=hidden]), select, textarea, button, [role=button], a[href]'),
  );
  const problems: string[] = [];
  for (const control of controls) {
    const node = await accessibleNode(control);
    if (!node?.name.trim()) problems.push(await describe(control));
  }
  return problems;
}

/** Visible images with no alt attribute, and role="img" elements without a name. */
export async function imagesWithoutAlt(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const image of await visible(page.locator('img:not([alt])'))) problems.push(await describe(image));
  for (const figure of await visible(page.locator('[role=img]'))) {
    if (!(await accessibleNode(figure))?.name.trim()) problems.push(await describe(figure));
  }
  return problems;
}

export async function assertAccessibleBasics(page: Page, where: string): Promise<void> {
  assert.deepEqual(await unnamedControls(page), [], `${where}: every control has an accessible name`);
  assert.deepEqual(await imagesWithoutAlt(page), [], `${where}: every image has alt text`);
}

export type FocusStop = AccessibleNode & { readonly focusVisible: boolean };

/** The focused element as the accessibility tree names it, and whether a focus indicator is drawn. */
export async function focusedStop(page: Page): Promise<FocusStop | undefined> {
  const focused = page.locator(':focus');
  if ((await focused.count()) !== 1) return undefined;
  const node = await accessibleNode(focused);
  const focusVisible = await focused.evaluate((element: { matches(selector: string): boolean }) => {
    const win = globalThis as unknown as {
      getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string };
    };
    const style = win.getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
    return element.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
  });
  return node ? { ...node, focusVisible } : undefined;
}

/** True once Tab lands on an element it focused before (focus went round the page). */
async function focusCameBack(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const win = globalThis as unknown as {
      document: { activeElement: object | null };
      tabSeen?: WeakSet<object>;
    };
    const active = win.document.activeElement;
    if (!active) return false;
    win.tabSeen ??= new WeakSet();
    if (win.tabSeen.has(active)) return true;
    win.tabSeen.add(active);
    return false;
  });
}

/** `role` may list several roles (a quantity is a spinbutton or a textbox, depending on its input type). */
export type Wanted = { readonly role: string | readonly string[]; readonly name: string | RegExp };

const matches = (stop: AccessibleNode, wanted: Wanted) =>
  (typeof wanted.role === 'string' ? stop.role === wanted.role : wanted.role.includes(stop.role)) &&
  (typeof wanted.name === 'string' ? stop.name === wanted.name : wanted.name.test(stop.name));

/**
 * Presses Tab from the current focus until each of `wanted` has been focused, in that order, each with a
 * visible focus indicator, without going round the page. Fails listing the stops it passed when one is missed.
 */
export async function assertTabReaches(
  page: Page,
  wanted: readonly Wanted[],
  maxPresses = 80,
): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { tabSeen?: WeakSet<object> }).tabSeen = new WeakSet();
  });
  const passed: FocusStop[] = [];
  let next = 0;
  for (let press = 0; press < maxPresses && next < wanted.length; press++) {
    await page.keyboard.press('Tab');
    if (await focusCameBack(page)) break;
    const stop = await focusedStop(page);
    if (!stop) continue;
    passed.push(stop);
    if (matches(stop, wanted[next]!)) {
      assert.ok(stop.focusVisible, `focus on ${stop.role} "${stop.name}" is visible`);
      next++;
    }
  }
  const trail = passed.map((stop) => `${stop.role} "${stop.name}"`).join(' → ');
  assert.equal(
    next,
    wanted.length,
    `Tab reaches ${wanted.map((w) => `${w.role} "${String(w.name)}"`).join(', ')} in order; passed: ${trail}`,
  );
}

/**
 * Phone width: nothing wider than the screen (no sideways scrolling). A mobile Chromium widens its layout
 * viewport to fit content that overflows, so the page is compared with the device's width, not only
 * with `innerWidth`.
 */
export async function assertNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => {
    const win = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return { scrollWidth: win.document.documentElement.scrollWidth, innerWidth: win.innerWidth };
  });
  const screen = page.viewportSize()?.width ?? innerWidth;
  assert.ok(
    scrollWidth <= screen && innerWidth <= screen,
    `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px layout viewport on a ${screen}px screen`,
  );
}
