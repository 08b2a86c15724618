// An organizer cancels an event with 1,000 confirmed bookings: the saga's fan-out refunds every one in
// full and returns every seat, even though the saga process is SIGKILLed in the middle of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paymentServiceModules, relayModules } from '../../infra/roles/modules/role-modules';
import { openBookingApp, waitFor, type BookingApp } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { RoleProcess } from './role-process';
import { cards, fastPayments, gatewayLedger, kafkaEnv, pay } from './support';

const bookings = 1000;

describe(`an event with ${bookings} confirmed bookings cancelled by its organizer`, () => {
  let app: BookingApp;
  let saga: RoleProcess;
  before(async () => {
    app = await openBookingApp({
      inventory: 'redis',
      saga: 'off',
      modules: [...relayModules, ...paymentServiceModules],
      env: { ...kafkaEnv(), ...fastPayments },
    });
    saga = RoleProcess.beside(app, 'saga');
    await saga.start();
  });
  after(async () => {
    await saga?.kill();
    await app?.close();
  });

  const countByStatus = async (eventId: string, status: string) => {
    const [row] = await app.database.sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM rm_bookings WHERE event_id = $1 AND status = $2',
      [eventId, status],
    );
    return Number(row?.n ?? 0);
  };

  it('refunds all of them in full and puts every seat back, across a saga restart', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: bookings, maxTicketsPerUser: 1 });
    const buyers = await Promise.all(Array.from({ length: bookings }, () => app.person()));
    for (let wave = 0; wave < bookings; wave += 50) {
      await Promise.all(
        buyers.slice(wave, wave + 50).map(async (buyer) => {
          const held = await app.reserve(buyer, zone.id, 1);
          assert.equal(held.status, 201, JSON.stringify(held.body));
          const paid = await pay(app, buyer, held.body.data.id, cards.succeeds);
          assert.equal(paid.status, 202, JSON.stringify(paid.body));
        }),
      );
    }
    await waitFor(async () => (await countByStatus(event.id, 'confirmed')) === bookings, 180_000);

    const cancel = await app.request('POST', `/events/${event.id}/cancel`, {
      token: (await app.person('admin')).token,
      body: { reason: 'Artist ill' },
    });
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    // Kill the saga once the fan-out is under way but far from done.
    await waitFor(
      async () =>
        (await countByStatus(event.id, 'cancelled')) + (await countByStatus(event.id, 'refunded')) >= 50,
      60_000,
    );
    await saga.kill();
    const doneBeforeRestart = await countByStatus(event.id, 'refunded');
    assert.ok(doneBeforeRestart < bookings, 'the kill came after the fan-out had finished');
    await saga.start();

    await waitFor(async () => (await countByStatus(event.id, 'refunded')) === bookings, 180_000);
    const { refunds } = await gatewayLedger(app);
    assert.equal(refunds.length, bookings, 'one refund per booking, none twice');
    assert.equal(new Set(refunds.map((refund) => refund.idempotencyKey)).size, bookings);
    assert.ok(refunds.every((refund) => refund.amount === 150000));
    const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [bookings, 0, 0]);
    await assertInventoryHolds(app, [event.id], 30_000);
  });
});
