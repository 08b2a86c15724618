// The saga's hold timeouts are rows in PostgreSQL: scheduled while the saga process runs, due while it is
// dead, run by the restarted process. The expiry sweeper is held back here, so only the saga can do it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { openBookingApp, waitFor, type BookingApp } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { RoleProcess } from './role-process';

describe('hold timeouts survive a saga restart (saga as a child process)', () => {
  let app: BookingApp;
  let saga: RoleProcess;
  before(async () => {
    app = await openBookingApp({
      inventory: 'redis',
      saga: 'off',
      ttlSeconds: 2,
      env: {
        EXPIRY_SWEEP_INTERVAL_MS: '60000',
        SAGA_EXPIRY_GRACE_MS: '500',
        SAGA_POLL_MS: '100',
        SAGA_COMMAND_LEASE_MS: '2000',
      },
    });
    saga = RoleProcess.beside(app, 'saga');
    await saga.start();
  });
  after(async () => {
    await saga?.kill();
    await app?.close();
  });

  const pendingTimeouts = async () => {
    const [row] = await app.database.sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM saga_commands WHERE type = 'ExpireHold' AND status = 'pending'",
    );
    return Number(row?.n ?? 0);
  };

  it('expires holds whose timeout fell due while the saga was dead, once it is back', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 6 });
    const holds = await Promise.all(
      [1, 2, 3].map(async () => (await app.reserve(await app.person(), zone.id, 2)).body.data),
    );
    await waitFor(async () => (await pendingTimeouts()) === 3);
    await saga.kill();

    const lastDue = Math.max(...holds.map((hold) => Date.parse(hold.expiresAt))) + 500;
    await waitFor(() => Date.now() > lastDue + 200, 10_000);
    for (const hold of holds)
      assert.deepEqual(
        (await app.store.readStream(bookingStreamId(hold.id))).map((e) => e.type),
        ['BookingReserved'],
        'nobody expired it while the saga was dead',
      );
    assert.equal((await app.actor.snapshot({ eventId: event.id, zoneId: zone.id }))?.held, 6);

    await saga.start();
    await waitFor(async () => (await pendingTimeouts()) === 0, 20_000);
    for (const hold of holds) {
      const events = await app.store.readStream(bookingStreamId(hold.id));
      assert.deepEqual(
        events.map((e) => e.type),
        ['BookingReserved', 'BookingExpired'],
      );
      assert.equal(events[1]!.metadata.causationId, events[0]!.id, 'caused by the reservation it timed out');
      assert.equal(events[1]!.metadata.userId, 'system:booking-saga');
    }
    const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    assert.deepEqual([counter?.available, counter?.held], [6, 0]);
    await assertInventoryHolds(app, [event.id]);
  });
});
