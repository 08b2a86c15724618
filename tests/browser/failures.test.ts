// The failures a buyer meets in a rush, in a browser: the connection drops while reserving, and the zone
// sells out between choosing it and pressing Reserve. Each shows words a person understands and a way on.
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  api,
  apiToken,
  demo,
  expectHeading,
  expectVisible,
  openEvent,
  signUp,
  useBrowserSuite,
  zoneChoice,
} from './support';

const newBuyer = (label: string) => ({
  name: `${label} Buyer`,
  email: `${label.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`,
  password: 'failure-pass-1',
});

/** A published event of the demo organizer with one show and one zone of `capacity` seats, on sale now. */
async function smallEvent(url: string, capacity: number): Promise<{ name: string; slug: string }> {
  const token = await apiToken(url, demo.organizer);
  const name = `Tiny Room ${randomUUID().slice(0, 6)}`;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const event = await api<{ id: string; slug: string }>(url, 'POST', '/events', {
    token,
    body: {
      name,
      description: 'A room with very few seats.',
      venue: 'Back Room',
      startsAt: inDays(30),
      saleStartsAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
  const show = await api<{ id: string }>(url, 'POST', `/events/${event.id}/shows`, {
    token,
    body: { startsAt: inDays(30) },
  });
  await api(url, 'POST', `/shows/${show.id}/zones`, {
    token,
    body: { name: 'Front', price: 90_000, currency: 'THB', capacity },
  });
  await api(url, 'POST', `/events/${event.id}/publish`, { token });
  return { name, slug: event.slug };
}

describe('failures during a purchase, in a browser', () => {
  const suite = useBrowserSuite();

  it('explains a dropped connection while reserving, and "Try again" reserves once it is back', async (t) => {
    await suite.page(t, 'phone', async ({ page, context, screenshot }) => {
      await signUp(page, newBuyer('Offline'));
      await openEvent(page, demo.eventName);
      await zoneChoice(page, 'Floor').check();
      await page.getByLabel('Quantity').fill('1');

      await context.setOffline(true);
      await page.getByRole('button', { name: 'Reserve' }).click();
      const notice = page.getByRole('alert');
      await expectVisible(notice.getByText(/No connection/), 'the no-connection notice');
      await expectVisible(notice.getByText(/Check your connection/), 'what to do about it');
      await screenshot('offline-notice');

      await context.setOffline(false);
      await notice.getByRole('button', { name: 'Try again' }).click();
      await expectHeading(page, 'Your hold');
    });
  });

  it('says the zone sold out when the last seats went while the buyer was choosing', async (t) => {
    const room = await smallEvent(suite.url, 2);
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signUp(page, newBuyer('Late'));
      await openEvent(page, room.name);
      await zoneChoice(page, 'Front').check();
      await page.getByLabel('Quantity').fill('2');

      const rival = newBuyer('Rival');
      await api(suite.url, 'POST', '/auth/register', { body: rival });
      const rivalToken = await apiToken(suite.url, rival);
      const zoneId = await zoneChoice(page, 'Front').inputValue();
      await api(suite.url, 'POST', '/bookings', {
        token: rivalToken,
        idempotent: true,
        body: { zoneId, quantity: 2 },
      });

      await page.getByRole('button', { name: 'Reserve' }).click();
      const notice = page.getByRole('alert');
      await expectVisible(notice.getByText(/Sold out/), 'the sold-out notice');
      await expectVisible(notice.getByText(/Try another zone or show/), 'the way forward');
      await expectVisible(page.getByText('Sold out', { exact: true }), 'the zone marked sold out');
      await screenshot('sold-out');
    });
  });
});
