// A buyer's whole path in a real browser: sign up, browse, hold seats, pay, see and download the QR ticket.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  api,
  apiToken,
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  assertTabReaches,
  cards,
  control,
  demo,
  demoZone,
  expectHeading,
  expectVisible,
  holdSeats,
  openEvent,
  pay,
  signIn,
  signUp,
  useBrowserSuite,
  zoneChoice,
  type ViewportName,
} from './support';

type Booking = { id: string; status: string; quantity: number; confirmationCode: string | null };

const quantityRoles = ['spinbutton', 'textbox', 'combobox'];

const newBuyer = () => ({
  name: 'Browser Buyer',
  email: `buyer-${randomUUID().slice(0, 8)}@example.com`,
  password: 'browser-pass-1',
});

describe('buying a ticket in a browser', () => {
  const suite = useBrowserSuite();

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`signs up, holds two Floor seats, pays and downloads the QR ticket (${viewport})`, async (t) => {
      const buyer = newBuyer();
      await suite.page(t, viewport, async ({ page, screenshot, consoleErrors }) => {
        await signUp(page, buyer);
        await screenshot('signed-up');

        await openEvent(page, demo.eventName);
        await screenshot('event');
        await assertAccessibleBasics(page, 'event page');
        if (viewport === 'phone') await assertNoHorizontalScroll(page, 'event page');

        await holdSeats(page, 'Floor', 2);
        await screenshot('hold');
        await assertAccessibleBasics(page, 'hold page');
        if (viewport === 'phone') await assertNoHorizontalScroll(page, 'hold page');

        await pay(page, cards.succeeds);
        await expectHeading(page, 'Your ticket', 30_000);
        await expectVisible(page.getByRole('img', { name: /QR/i }), 'the ticket QR code');
        await screenshot('ticket');
        await assertAccessibleBasics(page, 'ticket page');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          control(page, 'Download ticket').click(),
        ]);
        assert.notEqual(download.suggestedFilename(), '', 'the download has a file name');
        const saved = await download.path();
        assert.ok((await stat(saved)).size > 0, 'the downloaded ticket is not empty');

        await control(page, 'My bookings').click();
        await expectHeading(page, 'My bookings');
        await expectVisible(page.getByText(demo.eventName), 'the booking in My bookings');
        await screenshot('my-bookings');
        assert.deepEqual(consoleErrors(), [], 'no console errors');
      });

      const token = await apiToken(suite.url, buyer);
      const bookings = await api<Booking[]>(suite.url, 'GET', '/bookings', { token });
      assert.equal(bookings.length, 1, 'the browser made exactly one booking');
      assert.equal(bookings[0]!.status, 'confirmed');
      assert.equal(bookings[0]!.quantity, 2);
      assert.ok(bookings[0]!.confirmationCode, 'the booking has a confirmation code');
    });
  }

  it('shows a declined card clearly, then pays with a good one', async (t) => {
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, demo.buyer);
      await openEvent(page, demo.eventName);
      await holdSeats(page, 'VIP', 1);

      await pay(page, cards.declined);
      await expectVisible(page.getByRole('alert').filter({ hasText: /declined/i }), 'a declined-card alert');
      await expectHeading(page, 'Payment');
      await screenshot('declined');

      await pay(page, cards.succeeds);
      await expectHeading(page, 'Your ticket', 30_000);
      await expectVisible(page.getByRole('img', { name: /QR/i }), 'the ticket QR code');
      await screenshot('ticket-after-decline');
    });
  });

  it('lets a keyboard user at phone width choose a zone, a quantity and reserve', async (t) => {
    const buyer = newBuyer();
    const balconyBefore = await demoZone(suite.url, 'Balcony');
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signUp(page, buyer);
      await openEvent(page, demo.eventName);
      await assertTabReaches(page, [{ role: 'radio', name: /\S/ }]);
      for (let press = 0; press < 5 && !(await zoneChoice(page, 'Balcony').isChecked()); press++) {
        await page.keyboard.press('ArrowDown');
      }
      assert.ok(await zoneChoice(page, 'Balcony').isChecked(), 'arrow keys choose the Balcony zone');
      await assertTabReaches(page, [{ role: quantityRoles, name: 'Quantity' }]);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('1');
      await assertTabReaches(page, [{ role: 'button', name: 'Reserve' }]);
      await screenshot('keyboard-seats');
      await page.keyboard.press('Enter');
      await expectHeading(page, 'Your hold');
      await assertTabReaches(page, [
        { role: 'textbox', name: 'Card number' },
        { role: 'button', name: 'Pay' },
      ]);
      await screenshot('keyboard-hold');
    });
    const balconyAfter = await demoZone(suite.url, 'Balcony');
    assert.equal(
      balconyAfter.available,
      balconyBefore.available - 1,
      'the keyboard reservation held one seat',
    );
  });
});
