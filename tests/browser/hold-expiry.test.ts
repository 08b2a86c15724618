// A hold that runs out (RESERVATION_TTL_SECONDS=10): the page says so and the seats go back on sale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  demo,
  demoZone,
  expectHeading,
  expectVisible,
  holdSeats,
  openEvent,
  signIn,
  useBrowserSuite,
  zoneChoice,
} from './support';

const holdTtlSeconds = 10;

/** Polls the zone's live availability until it equals `expected` (the sweeper returns lapsed seats). */
async function availabilityReaches(url: string, zone: string, expected: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let available = (await demoZone(url, zone)).available;
  while (available !== expected && Date.now() < deadline) {
    await sleep(250);
    available = (await demoZone(url, zone)).available;
  }
  return available;
}

describe('a seat hold that expires, in a browser', () => {
  const suite = useBrowserSuite({ holdTtlSeconds });

  it('shows the expiry with a way forward and puts the seats back on sale', async (t) => {
    const before = await demoZone(suite.url, 'Balcony');
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, demo.buyer);
      await openEvent(page, demo.eventName);
      await holdSeats(page, 'Balcony', 3);
      await screenshot('hold-counting-down');
      assert.equal((await demoZone(suite.url, 'Balcony')).available, before.available - 3, 'seats are held');

      await expectVisible(page.getByText(/expired/i), 'the expiry message', (holdTtlSeconds + 20) * 1000);
      await expectVisible(
        page.getByRole('alert').or(page.getByRole('heading', { name: /expired/i })),
        'the expiry announced as an alert or a heading',
      );
      await screenshot('hold-expired');
      const payable = page.getByRole('button', { name: 'Pay', disabled: false });
      assert.equal(await payable.count(), 0, 'an expired hold offers no Pay button');

      assert.equal(await availabilityReaches(suite.url, 'Balcony', before.available), before.available);
      // The way forward: a link from the expired hold back to the event's seats.
      await page
        .getByRole('main')
        .getByRole('link', { name: /seats|event/i })
        .first()
        .click();
      await expectHeading(page, demo.eventName);
      await expectVisible(
        zoneChoice(page, 'Balcony').and(
          page.getByRole('radio', { name: new RegExp(`\\b${before.available}\\b`) }),
        ),
        `Balcony offered with ${before.available} seats again`,
      );
      await expectHeading(page, 'Choose your seats');
      await screenshot('seats-back');
    });
  });
});
