// A small sale through the whole process (reserve, pay, let a hold expire, cancel), then the three
// analytics endpoints must give exactly its counters: with the document store in memory and on FerretDB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import type { AnalyticsTotals } from '../../query-side/analytics';
import { waitFor, type SaleSetup } from '../booking/harness';
import { bookingWhen, cards, pay } from '../payments/support';
import { cancel, openAnalyticsApp, type AnalyticsApp } from './support';

type Dashboard = {
  totals: AnalyticsTotals;
  events: (AnalyticsTotals & { eventId: string; title: string; status: string; organizerId: string })[];
  zones?: (AnalyticsTotals & { zoneId: string; name: string })[];
};
type Realtime = {
  eventId: string;
  zoneId: string | null;
  from: string;
  to: string;
  minutes: { minute: string; reservations: number; confirmations: number; expiries: number }[];
  totals: AnalyticsTotals;
};
type Daily = {
  from: string;
  to: string;
  days: { day: string; reservations: number }[];
  totals: AnalyticsTotals;
};

const price = 150000;

/** Buyer 1 pays 2 seats in zone 1; buyer 2 lets 1 seat expire in zone 1; buyer 3 cancels 3 seats in zone 2. */
async function smallSale(app: AnalyticsApp): Promise<SaleSetup> {
  const sale = await app.zoneOnSale({ capacity: 20, zones: 2 });
  const [payer, walker, canceller] = [await app.person(), await app.person(), await app.person()];
  const paid = (await app.reserve(payer, sale.zones[0]!.id, 2)).body.data;
  const accepted = await pay(app, payer, paid.id, cards.succeeds);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const abandoned = (await app.reserve(walker, sale.zones[0]!.id, 1)).body.data;
  const dropped = (await app.reserve(canceller, sale.zones[1]!.id, 3)).body.data;
  assert.equal((await cancel(app, canceller, dropped.id)).status, 200);
  await bookingWhen(app, payer, paid.id, (b) => b.status === 'confirmed');
  // The booking reads as expired once its time is up; the sweeper records BookingExpired a little later.
  await waitFor(async () => {
    const events = await app.store.readStream(bookingStreamId(abandoned.id));
    return events.some((event) => event.type === 'BookingExpired');
  }, 20_000);
  await app.caughtUp([paid.id, abandoned.id, dropped.id].map(bookingStreamId));
  return sale;
}

const expectedTotals: AnalyticsTotals = {
  bookings: 3,
  seatsReserved: 6,
  confirmations: 1,
  seatsSold: 2,
  expiries: 1,
  seatsExpired: 1,
  cancellations: 1,
  seatsCancelled: 3,
  refunds: 0,
  revenue: { THB: 2 * price },
  refunded: {},
  netRevenue: { THB: 2 * price },
  conversion: 0.3333,
  expiryRate: 0.3333,
};

for (const documents of ['in-memory', 'FerretDB'] as const)
  describe(`analytics of a small sale (documents ${documents})`, () => {
    let app: AnalyticsApp;
    let sale: SaleSetup;
    before(async () => {
      app = await openAnalyticsApp({ documents, ttlSeconds: 5 });
      sale = await smallSale(app);
    });
    after(async () => {
      await app?.close();
    });

    it('gives the organizer the exact totals of the sale on the dashboard, per event and per zone', async () => {
      const organizer = await app.organizer(sale.event.organizerId);
      const reply = await app.get<Dashboard>('/analytics/dashboard', organizer);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.data.totals, expectedTotals);
      assert.deepEqual(
        reply.body.data.events.map(({ eventId, title, status }) => [eventId, title, status]),
        [[sale.event.id, sale.event.name, 'published']],
      );
      const {
        eventId: _id,
        title: _title,
        status: _status,
        organizerId,
        ...row
      } = reply.body.data.events[0]!;
      assert.equal(organizerId, sale.event.organizerId);
      assert.deepEqual(row, expectedTotals);

      const zones = await app.get<Dashboard>(`/analytics/dashboard?eventId=${sale.event.id}`, organizer);
      assert.equal(zones.status, 200, JSON.stringify(zones.body));
      assert.deepEqual(
        zones.body.data.zones!.map((z) => [
          z.zoneId,
          z.name,
          z.bookings,
          z.seatsSold,
          z.revenue,
          z.cancellations,
        ]),
        [
          [sale.zones[0]!.id, sale.zones[0]!.name, 2, 2, { THB: 2 * price }, 0],
          [sale.zones[1]!.id, sale.zones[1]!.name, 1, 0, {}, 1],
        ],
      );
    });

    it('gives per-minute counts for the last hour, zero-filled, and for one zone', async () => {
      const organizer = await app.organizer(sale.event.organizerId);
      const reply = await app.get<Realtime>(`/analytics/events/${sale.event.id}/realtime`, organizer);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const { minutes, totals, from, to } = reply.body.data;
      assert.equal(minutes.length, 60);
      assert.equal(Date.parse(to) - Date.parse(from), 60 * 60_000);
      assert.deepEqual(totals, expectedTotals);
      const busy = minutes.filter((m) => m.reservations + m.confirmations + m.expiries > 0);
      assert.ok(busy.length >= 1 && busy.length <= 2, JSON.stringify(busy));
      assert.ok(
        minutes.every(
          (m, i) => i === 0 || Date.parse(m.minute) - Date.parse(minutes[i - 1]!.minute) === 60_000,
        ),
      );

      const zone = await app.get<Realtime>(
        `/analytics/events/${sale.event.id}/realtime?minutes=15&zoneId=${sale.zones[1]!.id}`,
        organizer,
      );
      assert.equal(zone.status, 200, JSON.stringify(zone.body));
      assert.equal(zone.body.data.minutes.length, 15);
      assert.deepEqual(
        [zone.body.data.zoneId, zone.body.data.totals.bookings, zone.body.data.totals.seatsCancelled],
        [sale.zones[1]!.id, 1, 3],
      );
      assert.equal(zone.body.data.totals.confirmations, 0);
    });

    it('gives per-day totals for the last 30 days by default, and for a chosen range', async () => {
      const organizer = await app.organizer(sale.event.organizerId);
      const reply = await app.get<Daily>(`/analytics/events/${sale.event.id}/daily`, organizer);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.data.days.length, 30);
      assert.equal(reply.body.data.to, new Date().toISOString().slice(0, 10));
      assert.deepEqual(reply.body.data.totals, expectedTotals);

      const before = await app.get<Daily>(
        `/analytics/events/${sale.event.id}/daily?from=2020-01-01&to=2020-01-31`,
        organizer,
      );
      assert.equal(before.status, 200, JSON.stringify(before.body));
      assert.equal(before.body.data.days.length, 31);
      assert.equal(before.body.data.totals.bookings, 0);
    });

    it('gives the same numbers after the admin rebuilds the analytics projection', async () => {
      const organizer = await app.organizer(sale.event.organizerId);
      const admin = await app.person('admin');
      const paths = [
        '/analytics/dashboard',
        `/analytics/dashboard?eventId=${sale.event.id}`,
        `/analytics/events/${sale.event.id}/daily`,
      ];
      const read = async () => ({
        pages: await Promise.all(paths.map(async (path) => (await app.get(path, organizer)).body.data)),
        realtime: (await app.get<Realtime>(`/analytics/events/${sale.event.id}/realtime`, organizer)).body
          .data.totals,
      });
      const generation = async () => {
        const list = await app.get<{ name: string; generation: number; status: string }[]>(
          '/admin/projections',
          admin,
        );
        return list.body.data.find((projection) => projection.name === 'analytics');
      };
      const before = await read();
      const was = (await generation())!.generation;
      const rebuild = await app.request('POST', '/admin/projections/analytics/rebuild', {
        token: admin.token,
      });
      assert.equal(rebuild.status, 202, JSON.stringify(rebuild.body));
      await waitFor(async () => {
        const now = await generation();
        return now !== undefined && now.generation > was && now.status === 'live';
      }, 20_000);
      await app.caughtUp();
      assert.deepEqual(await read(), before);
      assert.deepEqual(before.realtime, expectedTotals);
    });
  });

describe('who sees which analytics, and bad input', () => {
  let app: AnalyticsApp;
  let mine: SaleSetup;
  let theirs: SaleSetup;
  before(async () => {
    app = await openAnalyticsApp({ documents: 'in-memory' });
    mine = await app.zoneOnSale({ capacity: 10 });
    theirs = await app.zoneOnSale({ capacity: 10 });
    const buyer = await app.person();
    const reserved = await app.reserve(buyer, theirs.zone.id, 1);
    assert.equal(reserved.status, 201);
    await app.caughtUp([bookingStreamId(reserved.body.data.id)]);
  });
  after(async () => {
    await app?.close();
  });

  it('shows an organizer only their own events, and an admin every event', async () => {
    const organizer = await app.organizer(mine.event.organizerId);
    const own = await app.get<Dashboard>('/analytics/dashboard', organizer);
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual(
      own.body.data.events.map((e) => e.eventId),
      [mine.event.id],
    );
    assert.equal(own.body.data.totals.bookings, 0);

    const admin = await app.person('admin');
    const all = await app.get<Dashboard>('/analytics/dashboard', admin);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(
      all.body.data.events.map((e) => e.eventId).sort(),
      [mine.event.id, theirs.event.id].sort(),
    );
    assert.equal(all.body.data.totals.bookings, 1);
    const realtime = await app.get<Realtime>(`/analytics/events/${theirs.event.id}/realtime`, admin);
    assert.equal(realtime.status, 200);
    assert.equal(realtime.body.data.totals.bookings, 1);
  });

  it("answers 403 to an organizer asking for another organizer's event, and to a customer", async () => {
    const organizer = await app.organizer(mine.event.organizerId);
    for (const path of [
      `/analytics/events/${theirs.event.id}/realtime`,
      `/analytics/events/${theirs.event.id}/daily`,
      `/analytics/dashboard?eventId=${theirs.event.id}`,
    ]) {
      const reply = await app.get(path, organizer);
      assert.equal(reply.status, 403, path);
      assert.equal(reply.body.error.code, 'FORBIDDEN');
    }
    const customer = await app.person('customer');
    for (const path of ['/analytics/dashboard', `/analytics/events/${mine.event.id}/realtime`]) {
      const reply = await app.get(path, customer);
      assert.equal(reply.status, 403, path);
      assert.equal(reply.body.error.code, 'FORBIDDEN');
    }
    const anonymous = await app.get('/analytics/dashboard');
    assert.equal(anonymous.status, 401);
  });

  it('answers 404 for an unknown event or a zone of another event', async () => {
    const admin = await app.person('admin');
    const unknown = await app.get(`/analytics/events/00000000-0000-4000-8000-000000000000/daily`, admin);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'NOT_FOUND']);
    const zone = await app.get(`/analytics/events/${mine.event.id}/realtime?zoneId=${theirs.zone.id}`, admin);
    assert.deepEqual([zone.status, zone.body.error.code], [404, 'ZONE_NOT_FOUND']);
  });

  it('answers 400 VALIDATION_ERROR naming the field for bad query parameters', async () => {
    const admin = await app.person('admin');
    const realtime = `/analytics/events/${mine.event.id}/realtime`;
    const daily = `/analytics/events/${mine.event.id}/daily`;
    const cases: [string, string][] = [
      [`${realtime}?minutes=0`, 'minutes'],
      [`${realtime}?minutes=1441`, 'minutes'],
      [`${realtime}?minutes=soon`, 'minutes'],
      [`${daily}?from=2030-02-30`, 'from'],
      [`${daily}?from=1%20March`, 'from'],
      [`${daily}?from=2030-03-05&to=2030-03-04`, 'from'],
      [`${daily}?from=2029-01-01&to=2030-01-02`, 'to'],
      ['/analytics/dashboard?limit=101', 'limit'],
      ['/analytics/dashboard?color=red', 'color'],
    ];
    for (const [path, field] of cases) {
      const reply = await app.get(path, admin);
      assert.equal(reply.status, 400, path);
      assert.equal(reply.body.error.code, 'VALIDATION_ERROR', path);
      const details = reply.body.error.details as { field: string }[];
      assert.ok(
        details.some((d) => d.field === field),
        `${path}: ${JSON.stringify(reply.body.error)}`,
      );
    }
  });
});
