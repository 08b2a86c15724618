import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  demo,
  expectHeading,
  expectVisible,
  useBrowserSuite,
  type ViewportName,
} from './support';

describe('the home page in a browser', () => {
  const suite = useBrowserSuite();

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`lists the demo event at ${viewport} width without console errors`, async (t) => {
      await suite.page(t, viewport, async ({ page, screenshot, consoleErrors }) => {
        await page.goto('/');
        await expectHeading(page, 'Events');
        await expectVisible(page.getByText(demo.eventName), 'the demo event in the list');
        await expectVisible(page.getByLabel('Search'), 'the search box');
        const file = await screenshot('home');
        assert.match(file, /\.test-artifacts\/browser\/.+\/home\.png$/);
        await assertAccessibleBasics(page, 'home');
        if (viewport === 'phone') await assertNoHorizontalScroll(page, 'home');
        assert.deepEqual(consoleErrors(), [], 'no console errors');
      });
    });
  }

  it('finds the demo event by searching for it', async (t) => {
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await page.goto('/');
      await page.getByLabel('Search').fill('Bangkok');
      await page.getByLabel('Search').press('Enter');
      await expectVisible(page.getByText(demo.eventName), 'the demo event among the results');
      await page.getByLabel('Search').fill('no event is called this');
      await page.getByLabel('Search').press('Enter');
      await page.getByText(demo.eventName).first().waitFor({ state: 'hidden' });
      await screenshot('search-no-results');
    });
  });

  it('filters by the categories that published events have', async (t) => {
    await suite.page(t, 'phone', async ({ page }) => {
      await page.goto('/');
      const filter = page.getByLabel('Category');
      // Options of a closed select are never "visible": wait for it to be in the page instead.
      await filter.getByRole('option', { name: 'concert (1)' }).waitFor({ state: 'attached' });
      await filter.selectOption('concert');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/category=concert/);
      await expectVisible(page.getByText(demo.eventName), 'the demo event in its category');
    });
  });
});
