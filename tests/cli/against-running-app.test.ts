// The engineers' commands against a running booking app (real PostgreSQL and Redis): the app writes,
// the CLI reads the same database and counters as a second process would.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { BookingView } from '../../domain/booking';
import { openBookingApp, waitFor, type BookingApp, type SaleSetup } from '../booking/harness';
import { accountWithSecrets, assertNoSecret } from '../admin/secrets';
import { cli, eventLines } from './support';

type ProjectionJson = { name: string; status: string; lag: number; headPosition: number; generation: number };

describe('the engineers’ CLI beside a running app', () => {
  let app: BookingApp;
  let sale: SaleSetup;
  let booking: BookingView;
  before(async () => {
    app = await openBookingApp({ inventory: 'redis', saga: 'off' });
    sale = await app.zoneOnSale({ capacity: 10 });
    const buyer = await app.person();
    const reserved = await app.reserve(buyer, sale.zone.id, 2);
    assert.equal(reserved.status, 201, JSON.stringify(reserved.body));
    booking = reserved.body.data;
    const cancelled = await app.request('POST', `/bookings/${booking.id}/cancel`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: { reason: 'testing the CLI' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  });
  after(async () => {
    await app?.close();
  });

  it('streams show prints a booking’s whole history in order, as lines or JSON', async () => {
    const shown = await cli(app.env, 'streams', 'show', `booking-${booking.id}`);
    assert.equal(shown.code, 0, shown.err);
    const lines = eventLines(shown.out);
    assert.deepEqual(
      lines.map((line) => line.split('  ').slice(0, 1).concat(line.split('  ')[3]!)),
      [
        ['0', 'BookingReserved'],
        ['1', 'BookingCancelled'],
      ],
    );
    assert.match(lines[0]!, new RegExp(`"zoneId":"${sale.zone.id}"`));
    assert.match(lines[0]!, /user=\S+ {2}correlation=\S+ {2}causation=/);

    const json = await cli(app.env, 'streams', 'show', `booking-${booking.id}`, '--json', '--from', '1');
    const events = JSON.parse(json.out) as { version: number; type: string; globalPosition: number }[];
    assert.deepEqual(
      events.map((event) => [event.version, event.type]),
      [[1, 'BookingCancelled']],
    );
  });

  it('streams show answers an unknown stream with exit 1 and says so', async () => {
    const missing = `booking-${randomUUID()}`;
    const result = await cli(app.env, 'streams', 'show', missing);
    assert.deepEqual(
      [result.code, result.out, result.err],
      [1, '', `streams: stream ${missing} not found\n`],
    );
  });

  it('feed filters by category and type and pages with --after', async () => {
    const reserved = await cli(app.env, 'feed', '--category', 'booking', '--type', 'BookingReserved');
    assert.equal(reserved.code, 0, reserved.err);
    const lines = eventLines(reserved.out);
    assert.equal(lines.length, 1, reserved.out);
    assert.match(lines[0]!, new RegExp(`^booking-${booking.id}@0  #\\d+  \\S+  BookingReserved  `));

    const firstPage = await cli(app.env, 'feed', '--category', 'booking', '--limit', '1');
    assert.equal(eventLines(firstPage.out).length, 1);
    assert.match(firstPage.out, /BookingReserved/);
    const next = /^next (\S+)$/m.exec(firstPage.out)?.[1];
    assert.ok(next, firstPage.out);
    const secondPage = await cli(app.env, 'feed', '--category', 'booking', '--after', next, '--limit', '1');
    assert.equal(secondPage.code, 0, secondPage.err);
    assert.deepEqual(
      eventLines(secondPage.out).map((line) => line.split('  ')[3]),
      ['BookingCancelled'],
    );

    const catalogOnly = await cli(app.env, 'feed', '--category', 'event');
    assert.ok(eventLines(catalogOnly.out).length > 0);
    for (const line of eventLines(catalogOnly.out)) assert.match(line, /^event-/);
  });

  it('streams show and feed never print a password or refresh-token hash', async () => {
    const account = await accountWithSecrets(app);
    for (const stream of [account.credentialsStream, account.sessionStream]) {
      for (const format of [[], ['--json']]) {
        const shown = await cli(app.env, 'streams', 'show', stream, ...format);
        assert.equal(shown.code, 0, shown.err);
        assertNoSecret(shown.out, account.secrets, `streams show ${stream} ${format.join(' ')}`);
      }
    }
    const filtered = await cli(app.env, 'feed', '--category', 'userCredentials', '--category', 'userSession');
    assert.equal(filtered.code, 0, filtered.err);
    assert.ok(filtered.out.includes(account.sessionStream));
    assertNoSecret(filtered.out, account.secrets, 'feed --category');
    const whole = await cli(app.env, 'feed');
    assert.ok(whole.out.includes(account.credentialsStream));
    assertNoSecret(whole.out, account.secrets, 'feed');
  });

  it('projection status lists every projection with its lag, and as a table', async () => {
    await waitFor(async () => {
      const status = await cli(app.env, 'projection', 'status', '--json');
      const views = JSON.parse(status.out) as ProjectionJson[];
      return views.find((view) => view.name === 'bookings')?.lag === 0;
    });
    const status = await cli(app.env, 'projection', 'status', '--json');
    assert.equal(status.code, 0, status.err);
    const views = JSON.parse(status.out) as ProjectionJson[];
    assert.deepEqual(
      views.map((view) => view.name),
      ['stream-index', 'catalog', 'bookings', 'booking-saga'],
    );
    const bookings = views.find((view) => view.name === 'bookings')!;
    // The app's runner recorded its status; the CLI reports that, not its own idle runner.
    assert.equal(bookings.status, 'live');
    assert.ok(bookings.headPosition > 0);
    // The saga does not run in this app: nothing has read the log for it.
    const saga = views.find((view) => view.name === 'booking-saga')!;
    assert.equal(saga.lag, saga.headPosition);

    const table = await cli(app.env, 'projection', 'status');
    assert.match(table.out, /^NAME +STATUS +POSITION +HEAD +LAG +GEN +REBUILD$/m);
    assert.match(table.out, /^bookings +live +\d+ +\d+ +0 +1 +-$/m);
  });

  it('projection rebuild refuses while the app holds the projection, naming the endpoint to use', async () => {
    const result = await cli(app.env, 'projection', 'rebuild', 'bookings');
    assert.equal(result.code, 1);
    assert.match(result.err, /^projection: bookings is active in another process/);
    assert.match(result.err, /POST \/api\/v1\/admin\/projections\/bookings\/rebuild/);
    assert.equal(result.err.split('\n').filter(Boolean).length, 1, result.err);
  });

  it('reconcile exits 0 on a consistent sale and 1 once a Redis counter is corrupted', async () => {
    let result = await cli(app.env, 'reconcile', '--event', sale.event.id);
    await waitFor(
      async () => (result = await cli(app.env, 'reconcile', '--event', sale.event.id)).code === 0,
    );
    assert.match(result.out, new RegExp(`^${sale.event.id} +${sale.zone.id} +10 +10 +0 +0 +0 +0 +yes$`, 'm'));
    assert.match(result.out, /^1 zone\(s\) consistent$/m);

    const redis = new Redis(app.env.REDIS_URL!);
    try {
      await redis.hincrby(
        `${app.env.REDIS_KEY_PREFIX}{evt:${sale.event.id}}:zone:${sale.zone.id}`,
        'available',
        -1,
      );
    } finally {
      await redis.quit();
    }
    const corrupted = await cli(app.env, 'reconcile', '--zone', sale.zone.id);
    assert.equal(corrupted.code, 1);
    assert.match(
      corrupted.out,
      new RegExp(`^${sale.event.id} +${sale.zone.id} +10 +9 +0 +0 +0 +0 +NO$`, 'm'),
    );
    assert.equal(
      corrupted.err,
      `reconcile: counters disagree with the event log in 1 zone(s): ${sale.zone.id}\n`,
    );
  });

  it('GET /admin/inventory?eventId= lists every zone of the event with the same fields, for admins only', async () => {
    const admin = await app.person('admin');
    const listed = await app.request<{ zoneId: string; capacity: number; fromEvents: unknown }[]>(
      'GET',
      `/admin/inventory?eventId=${sale.event.id}`,
      { token: admin.token },
    );
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.deepEqual(
      listed.body.data.map((zone) => [zone.zoneId, zone.capacity, zone.fromEvents]),
      [[sale.zone.id, 10, { held: 0, confirmed: 0 }]],
    );
    const single = await app.request('GET', `/admin/inventory/${sale.zone.id}`, { token: admin.token });
    const { eventId: _event, zoneId: _zone, ...sameFields } = listed.body.data[0] as Record<string, unknown>;
    assert.deepEqual(sameFields, single.body.data);
    const customer = await app.person();
    assert.equal(
      (await app.request('GET', `/admin/inventory?eventId=${sale.event.id}`, { token: customer.token }))
        .status,
      403,
    );
    assert.equal((await app.request('GET', '/admin/inventory', { token: admin.token })).status, 400);
  });

  it('reconcile with in-process counters says to ask the server instead of reporting a mismatch', async () => {
    const { REDIS_URL: _redis, ...withoutRedis } = app.env;
    const result = await cli(withoutRedis, 'reconcile');
    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /actor counters are in-process \(no REDIS_URL set\), so only the server holds them; run reconcile through the server's GET \/api\/v1\/admin\/inventory/,
    );
  });

  it('answers usage errors with exit 2 and the usage', async () => {
    for (const argv of [
      ['streams', 'list', 'booking-x'],
      ['streams', 'show'],
      ['streams', 'show', 'booking-x', '--limit', '0'],
      ['streams', 'show', 'Not A Stream'],
      ['feed', '--after', 'nonsense'],
      ['feed', '--type', 'bad type'],
      ['projection', 'frobnicate'],
      ['projection', 'rebuild'],
      ['projection', 'rebuild', 'no-such-projection'],
      ['reconcile', '--bogus'],
    ]) {
      const result = await cli(app.env, ...argv);
      assert.equal(result.code, 2, `${argv.join(' ')}: ${result.err}`);
      assert.match(result.err, /Usage: /, argv.join(' '));
      assert.equal(result.out, '', argv.join(' '));
    }
    const unknown = await cli(app.env, 'projection', 'rebuild', 'no-such-projection');
    assert.match(
      unknown.err,
      /Unknown projection "no-such-projection"\. Projections: stream-index, catalog, bookings, booking-saga/,
    );
  });
});
