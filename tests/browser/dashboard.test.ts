// Organizers' dashboard with charts, in a browser: a paid booking and a hold left to expire, counted by the
// analytics projection, then shown as totals, per-event rows and charts whose data tables give the numbers.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  api,
  apiToken,
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  control,
  demo,
  demoZone,
  expectHeading,
  expectVisible,
  signIn,
  useBrowserSuite,
} from './support';
import {
  analyticsReach,
  chartData,
  chartFigure,
  columnSum,
  tableRows,
  totalShown,
} from './support/dashboard-flows';

/** Short holds, so the unpaid one expires during the test and the Expiries chart has data. */
const holdTtlSeconds = 10;
const goodCard = '4242424242424242';

describe('the dashboard with charts, in a browser', () => {
  const suite = useBrowserSuite({ holdTtlSeconds });
  let eventId = '';

  before(
    async () => {
      const buyer = await apiToken(suite.url, demo.buyer);
      const [vip, balcony] = [await demoZone(suite.url, 'VIP'), await demoZone(suite.url, 'Balcony')];
      const paid = await api<{ id: string }>(suite.url, 'POST', '/bookings', {
        token: buyer,
        idempotent: true,
        body: { zoneId: vip.id, quantity: 2 },
      });
      await api(suite.url, 'POST', `/bookings/${paid.id}/pay`, {
        token: buyer,
        idempotent: true,
        body: { method: 'card', cardNumber: goodCard },
      });
      await api(suite.url, 'POST', '/bookings', {
        token: buyer,
        idempotent: true,
        body: { zoneId: balcony.id, quantity: 1 },
      });
      const organizer = await apiToken(suite.url, demo.organizer);
      await analyticsReach(
        suite.url,
        organizer,
        (t) => t.bookings === 2 && t.confirmations === 1 && t.expiries === 1,
      );
      eventId = (await api<{ id: string }>(suite.url, 'GET', `/events/${demo.eventSlug}`)).id;
    },
    { timeout: 120_000 },
  );

  it('shows the organizer the totals and every chart of the demo event with its numbers (desktop)', async (t) => {
    await suite.page(t, 'desktop', async ({ page, screenshot, consoleErrors }) => {
      await signIn(page, demo.organizer);
      await control(page, 'Dashboard').click();
      await expectHeading(page, 'Dashboard');
      assert.equal(await totalShown(page, 'Bookings'), '2');
      assert.equal(await totalShown(page, 'Seats sold'), '2');
      assert.match(await totalShown(page, 'Revenue'), /^THB\s10,000\.00$/);
      assert.equal(await totalShown(page, 'Conversion'), '50%');
      assert.equal(await totalShown(page, 'Expiry rate'), '50%');
      const events = await tableRows(page.getByRole('region', { name: 'Events by revenue' }));
      assert.deepEqual(events, [
        [demo.eventName, 'published', '2', '2', 'THB\u00a010,000.00', '50%', '50%'],
        [demo.queuedEventName, 'published', '0', '0', '—', '0%', '0%'],
      ]);
      await screenshot('dashboard');
      await assertAccessibleBasics(page, 'dashboard');

      await page.getByRole('link', { name: demo.eventName }).click();
      await expectHeading(page, demo.eventName);
      for (const heading of ['Sales per minute', 'Conversion', 'Revenue by zone', 'Expiries', 'Daily totals'])
        await expectHeading(page, heading);
      await expectVisible(page.getByText('Updated', { exact: false }), 'the time of the last refresh');
      await screenshot('event-charts');
      for (const image of await page.getByRole('img').all())
        assert.notEqual(
          (await image.getAttribute('aria-label'))?.trim() ?? '',
          '',
          'each chart is summarised',
        );

      const sales = await chartData(chartFigure(page, /^Bookings reserved and paid per minute, last hour/));
      assert.equal(sales.length, 60, 'one row per minute of the last hour');
      assert.deepEqual([columnSum(sales, 1), columnSum(sales, 2), columnSum(sales, 3)], [2, 1, 2]);

      const conversion = await tableRows(chartFigure(page, /^Reserved → paid/));
      assert.deepEqual(conversion, [
        ['Bookings reserved', '2'],
        ['Paid', '1'],
        ['Expired', '1'],
        ['Cancelled', '0'],
        ['Conversion', '50%'],
        ['Expiry rate', '50%'],
      ]);

      const zones = await tableRows(chartFigure(page, /^Revenue by zone \(THB\)/));
      assert.deepEqual(zones[0], ['VIP', '1', '2', 'THB\u00a010,000.00']);
      assert.deepEqual(
        zones.find((row) => row[0] === 'Balcony'),
        ['Balcony', '1', '0', '—'],
      );

      const expiries = await chartData(chartFigure(page, /^Holds expired per minute/));
      assert.deepEqual([columnSum(expiries, 1), columnSum(expiries, 2)], [1, 1]);

      const daily = await chartData(chartFigure(page, /^Bookings reserved and paid per day/));
      assert.equal(daily.length, 30, 'the last 30 days');
      assert.deepEqual([columnSum(daily, 1), columnSum(daily, 2), columnSum(daily, 3)], [2, 1, 2]);
      await screenshot('event-charts-data');
      await assertAccessibleBasics(page, 'event dashboard');

      await page.getByRole('combobox', { name: 'Zone', exact: true }).selectOption({ label: 'VIP' });
      await page.getByRole('combobox', { name: 'Time range' }).selectOption({ label: 'Last 15 minutes' });
      const vipFigure = chartFigure(page, /^Bookings reserved and paid per minute, last 15 minutes/);
      await expectVisible(vipFigure, 'the per-minute chart for the last 15 minutes');
      const vipSales = await chartData(vipFigure);
      assert.equal(vipSales.length, 15);
      assert.deepEqual([columnSum(vipSales, 1), columnSum(vipSales, 2)], [1, 1], 'only the VIP booking');
      const vipExpiries = await chartData(chartFigure(page, /^Holds expired per minute, last 15 minutes/));
      assert.equal(columnSum(vipExpiries, 1), 0, 'the expired hold was in Balcony');
      await screenshot('event-charts-vip');
      assert.deepEqual(consoleErrors(), [], 'no console errors');
    });
  });

  it('fits the dashboard and the event charts on a phone', async (t) => {
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signIn(page, demo.organizer);
      await page.goto('/dashboard');
      await expectHeading(page, 'Dashboard');
      assert.equal(await totalShown(page, 'Bookings'), '2');
      await screenshot('dashboard-phone');
      await assertAccessibleBasics(page, 'dashboard at phone width');
      await assertNoHorizontalScroll(page, 'dashboard');

      await page.goto(`/dashboard/events/${eventId}`);
      await expectHeading(page, demo.eventName);
      const conversion = await tableRows(chartFigure(page, /^Reserved → paid/));
      assert.deepEqual(conversion[4], ['Conversion', '50%']);
      await screenshot('event-charts-phone');
      await chartData(chartFigure(page, /^Bookings reserved and paid per minute/));
      await assertAccessibleBasics(page, 'event dashboard at phone width');
      await assertNoHorizontalScroll(page, 'event dashboard');
    });
  });

  it('tells a customer the dashboard is for organizers and admins only', async (t) => {
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signIn(page, demo.buyer);
      await page.goto('/dashboard');
      await expectHeading(page, 'Dashboard');
      await expectVisible(page.getByText('For organizers and admins only'), 'the organizers-only message');
      await screenshot('customer-dashboard');
      await page.goto(`/dashboard/events/${eventId}`);
      await expectVisible(page.getByText('For organizers and admins only'), 'the message on an event');
    });
  });
});
