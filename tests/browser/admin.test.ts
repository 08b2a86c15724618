// An admin reads a booking's stream, its causal chain, the feed, the audit log and the inventory,
// rebuilds a projection and reads the System page, in a browser; a buyer is told the admin pages are not
// for them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
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

const admin = { email: 'admin@browser.example', password: 'admin-browser-pass' };

type ProjectionState = { name: string; status: string; generation: number };
type AuditEntry = { eventId: string; action: string; correlationId: string | null };
type StreamEvent = { type: string; metadata: { correlationId?: string } };
type ZoneInventory = { zoneId: string; capacity: number; consistent: boolean };

async function projection(url: string, token: string, name: string): Promise<ProjectionState> {
  const all = await api<ProjectionState[]>(url, 'GET', '/admin/projections', { token });
  const found = all.find((state) => state.name === name);
  assert.ok(found, `the ${name} projection is listed`);
  return found;
}

/** Polls /admin/projections until `name` has finished a rebuild past `generation`. */
async function rebuiltPast(url: string, token: string, name: string, generation: number) {
  const deadline = Date.now() + 30_000;
  let state = await projection(url, token, name);
  while (!(state.generation > generation && state.status === 'live') && Date.now() < deadline) {
    await sleep(250);
    state = await projection(url, token, name);
  }
  return state;
}

/** Polls the audit log (a projection that follows the log) until `search` finds `count` entries or more. */
async function auditEntries(url: string, token: string, search: string, count: number) {
  const deadline = Date.now() + 15_000;
  let entries = await api<AuditEntry[]>(url, 'GET', `/admin/audit-logs?${search}`, { token });
  while (entries.length < count && Date.now() < deadline) {
    await sleep(250);
    entries = await api<AuditEntry[]>(url, 'GET', `/admin/audit-logs?${search}`, { token });
  }
  return entries;
}

async function holdOneSeat(url: string): Promise<{ id: string }> {
  const buyerToken = await apiToken(url, demo.buyer);
  const zone = await demoZone(url, 'VIP');
  return api<{ id: string }>(url, 'POST', '/bookings', {
    token: buyerToken,
    idempotent: true,
    body: { zoneId: zone.id, quantity: 1 },
  });
}

/** The value shown under a figure's label (`Requests per second` → `1.25/s`). */
async function figureShown(page: Page, label: string): Promise<string> {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
  await expectVisible(term, `the figure ${label}`);
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

async function openSection(page: Page, name: string) {
  await control(page, name).click();
  await expectHeading(page, name);
}

describe('the admin pages in a browser', () => {
  const suite = useBrowserSuite({ admin });

  it("opens a booking's stream and its causal chain, and rebuilds the catalog projection", async (t) => {
    const booking = await holdOneSeat(suite.url);
    const adminToken = await apiToken(suite.url, admin);
    const catalogBefore = await projection(suite.url, adminToken, 'catalog');
    const [reserved] = await api<StreamEvent[]>(suite.url, 'GET', `/admin/streams/booking-${booking.id}`, {
      token: adminToken,
    });
    assert.equal(reserved?.type, 'BookingReserved');
    const correlationId = reserved.metadata.correlationId;
    assert.ok(correlationId, 'the reservation carries its request’s correlation id');
    // The chain comes from the audit log, which follows the event log: wait until it has the reservation.
    await auditEntries(suite.url, adminToken, `correlationId=${correlationId}`, 1);

    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, admin);
      await control(page, /^Admin$/).click();
      await expectHeading(page, 'Admin');
      await assertAccessibleBasics(page, 'admin overview');
      await screenshot('admin-overview');

      await openSection(page, 'Streams');
      await page.getByLabel('Stream id').fill(`booking-${booking.id}`);
      await page.getByLabel('Stream id').press('Enter');
      await expectVisible(page.getByText('BookingReserved'), 'the BookingReserved event of the stream');
      await expectVisible(
        page.getByLabel('Data of BookingReserved').getByText(booking.id),
        'the booking id in the event data',
      );
      await expectVisible(page.getByText(correlationId).first(), 'the correlation id in the metadata');
      assert.ok(page.url().includes(`id=booking-${booking.id}`), 'the stream id is in the page address');
      await assertAccessibleBasics(page, 'stream browser');
      await screenshot('booking-stream');

      await page.getByRole('button', { name: 'Causal chain of BookingReserved v0' }).click();
      await expectHeading(page, 'Causal chain of BookingReserved v0');
      const chain = page.getByRole('list', { name: /Events of the same request/ });
      await expectVisible(
        chain.getByRole('link', { name: `booking-${booking.id}` }),
        'the reservation in its causal chain, linking to its stream',
      );
      await assertAccessibleBasics(page, 'causal chain');
      await screenshot('causal-chain');

      await openSection(page, 'Projections');
      const row = page.getByRole('row', { name: /catalog/ });
      await expectVisible(row.getByText('live'), 'the catalog projection live');
      await assertAccessibleBasics(page, 'projections');
      await row.getByRole('button', { name: 'Rebuild' }).click();
      await expectVisible(page.getByText('Rebuild of catalog started'), 'the accepted rebuild');
      const after = await rebuiltPast(suite.url, adminToken, 'catalog', catalogBefore.generation);
      assert.equal(after.generation, catalogBefore.generation + 1, 'the button started exactly one rebuild');
      assert.equal(after.status, 'live');
      await expectVisible(
        row.getByRole('cell', { name: String(after.generation), exact: true }),
        'the new generation',
      );
      await expectVisible(row.getByText('live'), 'the catalog projection live again', 30_000);
      await screenshot('projections-rebuilt');
    });
  });

  it('filters the feed, finds a booking in the audit log and checks the event’s inventory', async (t) => {
    const booking = await holdOneSeat(suite.url);
    const adminToken = await apiToken(suite.url, admin);
    await auditEntries(suite.url, adminToken, `entityType=booking&entityId=${booking.id}`, 1);
    const event = await api<{ id: string }>(suite.url, 'GET', `/events/${demo.eventSlug}`);
    const vip = await demoZone(suite.url, 'VIP');
    const zones = await api<ZoneInventory[]>(suite.url, 'GET', `/admin/inventory?eventId=${event.id}`, {
      token: adminToken,
    });

    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, admin);
      await control(page, /^Admin$/).click();

      await openSection(page, 'Event feed');
      await page.getByLabel('Category').fill('booking');
      await page.getByLabel('Event type').fill('BookingReserved');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/type=BookingReserved/);
      const feedLink = page.getByRole('link', { name: `booking-${booking.id}` });
      // Oldest first: page forward until the new booking's reservation shows.
      for (let pages = 0; pages < 20 && !(await feedLink.isVisible()); pages++) {
        await expectVisible(page.getByRole('table'), 'a page of the feed');
        if (await feedLink.isVisible()) break;
        await page.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(/after=/);
      }
      await expectVisible(feedLink, "the booking's reservation in the filtered feed");
      const types = await page.getByRole('row').allInnerTexts();
      assert.ok(
        types.slice(1).every((text) => text.includes('BookingReserved')),
        'only BookingReserved events are listed',
      );
      await assertAccessibleBasics(page, 'event feed');
      await screenshot('event-feed');

      await openSection(page, 'Audit log');
      await page.getByLabel('Entity type').fill('booking');
      await page.getByLabel('Entity id').fill(booking.id);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(new RegExp(`entityId=${booking.id}`));
      await page.getByRole('button', { name: 'BookingReserved' }).click();
      await expectHeading(page, 'BookingReserved on booking');
      await expectHeading(page, 'Changes');
      await expectVisible(
        page.getByLabel('Changes of BookingReserved').getByText(booking.id),
        'the booking id in the changes',
      );
      await expectVisible(
        page.locator('#audit-detail').getByRole('link', { name: `booking-${booking.id}` }),
        'the link to the stream',
      );
      await assertAccessibleBasics(page, 'audit log');
      await screenshot('audit-entry');

      await openSection(page, 'Inventory');
      await page.getByRole('button', { name: 'Check inventory' }).click();
      await expectVisible(
        page.getByRole('alert').filter({ hasText: 'Choose an event from the list or type its id' }),
        'why checking with no event chosen does nothing',
      );
      await page.getByLabel('Event', { exact: true }).selectOption({ label: demo.eventName });
      await page.getByRole('button', { name: 'Check inventory' }).click();
      const vipRow = page.getByRole('row', { name: /^VIP/ });
      await expectVisible(vipRow, 'the VIP zone');
      await expectVisible(
        vipRow.getByRole('cell', { name: String(vip.capacity), exact: true }).first(),
        'its capacity',
      );
      assert.equal(
        await page.getByText(/^[✓✗] (Consistent|Inconsistent)$/).count(),
        zones.length,
        'one consistency mark per zone',
      );
      await assertAccessibleBasics(page, 'inventory');
      await screenshot('inventory');
    });
  });

  it('shows the System page: this process’s request rate, the followers with their lag, the backlogs', async (t) => {
    await holdOneSeat(suite.url);
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, admin);
      await control(page, /^Admin$/).click();
      await openSection(page, 'System');
      await expectVisible(page.getByText(/Figures of this process/), 'which process the figures are from');

      const rate = await figureShown(page, 'Requests per second');
      assert.match(rate, /^[\d,.]+\/s$/);
      assert.ok(Number(rate.replace(/[,/s]/g, '')) > 0, `a request rate above zero (${rate})`);
      assert.match(await figureShown(page, 'Latency p99'), /^[\d,.]+ (ms|s)$/);
      await expectVisible(
        page.getByRole('table', { name: 'Refused holds' }).or(page.getByText(/^No hold refused/)),
        'the refused holds',
      );

      const followers = page.getByRole('table', { name: /Followers with their phase, lag and failures/ });
      await expectVisible(followers, 'the followers table');
      for (const name of ['bookings', 'booking-saga', 'audit']) {
        const row = followers.getByRole('row', { name: new RegExp(`^${name} `) });
        await expectVisible(row.getByRole('cell', { name: 'live', exact: true }), `${name} live`);
        await expectVisible(
          row.getByRole('cell', { name: 'OK', exact: true }),
          `${name} neither late nor failing`,
        );
      }
      assert.match(await figureShown(page, 'Saga commands due'), /^\d+$/);
      await expectVisible(
        page.getByRole('table', { name: 'Dead letters per topic' }),
        'the dead-letter topics',
      );
      await assertAccessibleBasics(page, 'system');
      await screenshot('system');

      // It reads the figures again by itself, until paused.
      await page.waitForRequest((request) => request.url().endsWith('/api/v1/admin/system'), {
        timeout: 12_000,
      });
      await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
      await expectVisible(page.getByRole('status').getByText('Auto-refresh paused.'), 'the paused state');
      await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
      await expectVisible(page.getByText(/Refreshed every 5 s/), 'auto-refresh resumed');
    });
  });

  it('fits the admin pages on a phone', async (t) => {
    const booking = await holdOneSeat(suite.url);
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signIn(page, admin);
      await page.goto('/admin');
      await expectHeading(page, 'Admin');
      await assertNoHorizontalScroll(page, 'admin overview');
      await screenshot('overview');

      await page.goto(`/admin/streams?id=booking-${booking.id}`);
      await expectVisible(page.getByText('BookingReserved'), 'the BookingReserved event');
      await assertAccessibleBasics(page, 'stream browser (phone)');
      await assertNoHorizontalScroll(page, 'stream browser');
      await screenshot('stream');

      for (const [section, ready] of [
        ['Projections', 'catalog'],
        ['Event feed', 'Position'],
        ['Audit log', 'Actor'],
        ['System', 'bookings'],
      ] as const) {
        await openSection(page, section);
        await expectVisible(
          page.getByRole('columnheader', { name: ready }).or(page.getByRole('rowheader', { name: ready })),
          `the ${section} table`,
        );
        await assertAccessibleBasics(page, `${section} (phone)`);
        await assertNoHorizontalScroll(page, section);
        await screenshot(section);
      }

      await openSection(page, 'Inventory');
      await page.getByLabel('Event', { exact: true }).selectOption({ label: demo.eventName });
      await page.getByRole('button', { name: 'Check inventory' }).click();
      await expectVisible(page.getByRole('row', { name: /^VIP/ }), 'the VIP zone');
      await assertAccessibleBasics(page, 'inventory (phone)');
      await assertNoHorizontalScroll(page, 'inventory');
      await screenshot('inventory');
    });
  });

  it('tells a buyer the admin pages are for admins only', async (t) => {
    await suite.page(t, 'desktop', async ({ page, screenshot }) => {
      await signIn(page, demo.buyer);
      const adminCalls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/admin')) adminCalls.push(request.url());
      });
      await page.goto('/admin/projections');
      await expectHeading(page, 'Admins only');
      await sleep(1_500);
      assert.deepEqual(adminCalls, [], 'the page asks the admin API nothing for a buyer');
      assert.equal(await page.getByRole('navigation', { name: 'Admin sections' }).count(), 0);
      await screenshot('admins-only');
    });
  });
});
