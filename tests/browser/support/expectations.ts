// Waiting assertions for playwright-core (which has no `expect`): they wait for the state, then fail naming it.
import type { Locator, Page } from 'playwright-core';

export async function expectVisible(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what} (${String(locator)}) within ${timeout} ms`);
  }
}

export async function expectHidden(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`expected ${what} (${String(locator)}) to go away within ${timeout} ms`);
  }
}

export async function expectHeading(page: Page, name: string | RegExp, timeout?: number): Promise<void> {
  await expectVisible(page.getByRole('heading', { name }), `the heading ${String(name)}`, timeout);
}
