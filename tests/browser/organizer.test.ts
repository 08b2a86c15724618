// An organizer creates and publishes an event in the browser; a buyer then finds it by searching.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  api,
  apiToken,
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  demo,
  expectHeading,
  expectVisible,
  signIn,
  useBrowserSuite,
} from './support';
import { addShowWithZone, fillNewEvent, localDateTime, openMyEvents } from './support/organizer-flows';

describe('an organizer publishing an event, in a browser', () => {
  const suite = useBrowserSuite();

  it('creates and publishes an event that a buyer then finds by searching', async (t) => {
    const eventName = `Browser Jazz Evening ${randomUUID().slice(0, 6)}`;
    let managePath = '';
    await suite.page(t, 'desktop', async ({ page, screenshot, consoleErrors }) => {
      await signIn(page, demo.organizer);
      await openMyEvents(page);
      await expectVisible(page.getByRole('link', { name: demo.eventName }), 'the demo event among my events');
      await screenshot('my-events');
      await assertAccessibleBasics(page, 'my events');

      await fillNewEvent(page, {
        name: eventName,
        description: 'An evening of jazz, created in a browser test.',
        venue: 'Chiang Mai Hall',
        startsAt: localDateTime(40),
        saleStartsAt: localDateTime(0),
      });
      const ticketLimit = page.getByLabel('Tickets per buyer', { exact: true });
      assert.equal(await ticketLimit.inputValue(), '4', 'four tickets per buyer by default');
      await ticketLimit.fill('11');
      await page.getByRole('button', { name: 'Create event' }).click();
      await expectVisible(page.getByText('Enter a whole number from 1 to 10.'), 'the ticket limit refused');
      await ticketLimit.fill('6');
      await screenshot('new-event-form');
      await assertAccessibleBasics(page, 'new event');
      // Enter submits like the button; a click right after a full-page screenshot can land mid-scroll.
      await ticketLimit.press('Enter');

      await expectHeading(page, eventName);
      managePath = new URL(page.url()).pathname;
      await expectVisible(page.getByText('Draft', { exact: true }), 'the draft status');
      const publish = page.getByRole('button', { name: 'Publish' });
      assert.ok(await publish.isDisabled(), 'a draft without shows cannot be published');
      await expectVisible(page.getByText(/^Add a show/), 'what publishing still needs');
      await screenshot('draft-event');
      await assertAccessibleBasics(page, 'draft event');

      await addShowWithZone(page, { name: 'Floor', price: '1,500.00', capacity: '100' });
      const floor = page.getByRole('row', { name: /^Floor\b/ });
      assert.equal(await floor.getByLabel('Price of Floor in THB').inputValue(), '1500.00');
      assert.equal(await floor.getByLabel('Capacity of Floor').inputValue(), '100');
      await floor.getByLabel('Capacity of Floor').fill('120');
      await floor.getByRole('button', { name: 'Save zone Floor' }).click();
      await expectVisible(floor.getByText('Saved'), 'the zone saved');
      // Cells after the zone's name: price, capacity, sold, available.
      const available = floor.getByRole('cell').nth(3);
      await expectVisible(available.getByText('120', { exact: true }), '120 seats available');

      await page.getByText('Edit show').click();
      const showForm = page.getByRole('form', { name: 'Edit show Show' });
      await showForm.getByLabel('Show name', { exact: true }).fill('Evening');
      await showForm.getByRole('button', { name: 'Save show' }).click();
      await expectHeading(page, /^Evening ·/);

      await publish.click();
      await expectVisible(page.getByText('Published', { exact: true }), 'the published status');
      await expectVisible(
        page.getByRole('link', { name: 'View public page' }),
        'the link to the public page',
      );
      await expectHeading(page, 'Sales');
      await screenshot('published-event');
      await assertAccessibleBasics(page, 'published event');
      assert.deepEqual(consoleErrors(), [], 'no console errors');
    });

    const listed = await api<{ name: string; maxTicketsPerUser: number; shows?: unknown }[]>(
      suite.url,
      'GET',
      `/events?search=${encodeURIComponent(eventName)}`,
    );
    assert.deepEqual(
      listed.map((event) => [event.name, event.maxTicketsPerUser]),
      [[eventName, 6]],
      'the API lists the event the browser published',
    );

    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await page.goto('/');
      await expectHeading(page, 'Events');
      await page.getByLabel('Search').fill(eventName);
      await page.getByLabel('Search').press('Enter');
      await page.getByRole('link', { name: eventName }).first().click();
      await expectHeading(page, eventName);
      await expectVisible(page.getByRole('radio', { name: /^Floor\b/ }), 'the zone the organizer added');
      await screenshot('buyer-finds-event');

      await signIn(page, demo.organizer);
      await page.goto(managePath);
      await expectHeading(page, eventName);
      await expectVisible(page.getByText('Published', { exact: true }), 'the published status');
      await screenshot('published-event-phone');
      await assertNoHorizontalScroll(page, 'manage event');
      await assertAccessibleBasics(page, 'manage event at phone width');
      await openMyEvents(page);
      await expectVisible(page.getByRole('link', { name: eventName }), 'the new event among my events');
      await screenshot('my-events-phone');
      await assertNoHorizontalScroll(page, 'my events');
    });
  });

  it('cancels an event only after the organizer confirms that every buyer is refunded', async (t) => {
    const token = await apiToken(suite.url, demo.organizer);
    const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const event = await api<{ id: string; name: string }>(suite.url, 'POST', '/events', {
      token,
      body: {
        name: `Browser Cancelled Gala ${randomUUID().slice(0, 6)}`,
        description: 'To be cancelled.',
        venue: 'Hall',
        startsAt: days(30),
        saleStartsAt: days(-1),
      },
    });
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, demo.organizer);
      await page.goto(`/organizer/events/${event.id}`);
      await expectHeading(page, event.name);
      await page.getByRole('button', { name: 'Cancel event' }).click();
      const confirm = page.getByRole('button', { name: 'Cancel event and refund buyers' });
      await expectVisible(
        page.getByText(/Every buyer with a confirmed booking is refunded in full/),
        'the warning',
      );
      assert.ok(await confirm.isDisabled(), 'nothing is cancelled before the organizer confirms');
      await page.getByLabel('Reason (optional)').fill('The venue is closed.');
      await page.getByLabel('I understand that every buyer will be refunded').check();
      await screenshot('cancel-confirmation');
      await confirm.click();
      await expectVisible(page.getByText('Cancelled', { exact: true }), 'the cancelled status');
      await expectVisible(page.getByText(/details can no longer change/), 'why the details are locked');
      assert.ok(await page.getByRole('button', { name: 'Save changes' }).isDisabled(), 'details are locked');
      await screenshot('cancelled-event');
    });
    const after = await api<{ status: string }>(suite.url, 'GET', `/events/${event.id}`, { token });
    assert.equal(after.status, 'cancelled');
  });

  it('tells a buyer that managing events is for organizers', async (t) => {
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signIn(page, demo.buyer);
      await page.goto('/organizer');
      await expectVisible(
        page.getByText(/Only organizers and admins can create and manage events/),
        'the refusal',
      );
      await screenshot('buyer-refused');
      await assertNoHorizontalScroll(page, 'my events as a buyer');
    });
  });
});
