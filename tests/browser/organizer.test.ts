// An organizer creates and publishes an event in the browser; a buyer then finds it by searching.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { api, control, demo, expectHeading, expectVisible, signIn, useBrowserSuite } from './support';

/** `datetime-local` input value `days` from now. */
function localDateTime(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe('an organizer publishing an event, in a browser', () => {
  const suite = useBrowserSuite();

  it(
    'creates and publishes an event that a buyer then finds by searching',
    { todo: 'page not built yet' },
    async (t) => {
      const eventName = `Browser Jazz Evening ${randomUUID().slice(0, 6)}`;
      await suite.page(t, 'desktop', async ({ page, screenshot }) => {
        await signIn(page, demo.organizer);
        await control(page, /^(New|Create) event$/).click();
        await page.getByLabel('Name').fill(eventName);
        await page.getByLabel('Description').fill('An evening of jazz, created in a browser test.');
        await page.getByLabel('Venue').fill('Chiang Mai Hall');
        await page.getByLabel('Starts at').fill(localDateTime(40));
        await page.getByLabel('Sale starts at').fill(localDateTime(0));
        await screenshot('new-event-form');
        await page.getByRole('button', { name: /^(Create|Save) event$/ }).click();
        await expectHeading(page, eventName);
        await screenshot('draft-event');

        await page.getByRole('button', { name: 'Publish' }).click();
        await expectVisible(page.getByText(/published/i), 'the published status');
        await screenshot('published-event');
      });

      const listed = await api<{ name: string }[]>(
        suite.url,
        'GET',
        `/events?search=${encodeURIComponent(eventName)}`,
      );
      assert.deepEqual(
        listed.map((event) => event.name),
        [eventName],
        'the API lists the event the browser published',
      );

      await suite.page(t, 'phone', async ({ page, screenshot }) => {
        await page.goto('/');
        await expectHeading(page, 'Events');
        await page.getByLabel('Search').fill(eventName);
        await page.getByLabel('Search').press('Enter');
        await page.getByRole('link', { name: eventName }).first().click();
        await expectHeading(page, eventName);
        await screenshot('buyer-finds-event');
      });
    },
  );
});
