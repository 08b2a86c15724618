import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  countBy,
  held,
  holdRequest,
  provisionedEvent,
  snapshotOf,
  t0,
  ttlMs,
  uniqueId,
} from './contract-support';
import type { InventoryActor, LiveHold } from './inventory-actor';

const deadline = t0 + ttlMs;

/** Giving a confirmed booking's seats back (a cancel after confirm): once, and never after a rebuild forgot it. */
export function describeReturnContract(actorOf: () => InventoryActor): void {
  let actor: InventoryActor;
  before(() => {
    actor = actorOf();
  });

  /** A zone of 10 with one booking of 3 seats confirmed for a buyer limited to 4. */
  async function confirmedBooking() {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = (quantity: number) =>
      holdRequest(eventId, zoneId, { userId: 'returning-buyer', maxPerUser: 4, quantity });
    const { bookingId } = held(await actor.hold(request(3)));
    assert.deepEqual(await actor.confirm({ eventId, bookingId, now: t0 }), { ok: true });
    return { eventId, zoneId, bookingId, request };
  }

  it('returns a confirmed booking’s seats to sale and frees its buyer’s limit', async () => {
    const { eventId, zoneId, bookingId, request } = await confirmedBooking();
    assert.equal((await actor.hold(request(2))).ok, false);
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId }), { returned: true });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 10,
      held: 0,
      confirmed: 0,
      rebuilding: false,
    });
    held(await actor.hold(request(4)));
  });

  it('returns a booking once: a second return changes nothing', async () => {
    const { eventId, zoneId, bookingId } = await confirmedBooking();
    held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 2 })));
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId }), { returned: true });
    const after = await snapshotOf(actor, eventId, zoneId);
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId }), { returned: false });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), after);
    assert.deepEqual(after, { capacity: 10, available: 8, held: 2, confirmed: 0, rebuilding: false });
  });

  it('returns nothing for a booking never confirmed, even one still held', async () => {
    const { eventId, zoneId } = await confirmedBooking();
    const hold = held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 2 })));
    const before = await snapshotOf(actor, eventId, zoneId);
    for (const bookingId of ['never-seen', hold.bookingId])
      assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId }), { returned: false });
    assert.deepEqual(await actor.returnConfirmed({ eventId: 'no-such-event', bookingId: 'x' }), {
      returned: false,
    });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), before);
    assert.deepEqual(await actor.confirm({ eventId, bookingId: hold.bookingId, now: t0 }), { ok: true });
  });

  it('gives exactly one of 20 concurrent returns of one booking the seats', async () => {
    const { eventId, zoneId, bookingId } = await confirmedBooking();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => actor.returnConfirmed({ eventId, bookingId })),
    );
    assert.deepEqual(
      countBy(results, (r) => String(r.returned)),
      { true: 1, false: 19 },
    );
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 10,
      held: 0,
      confirmed: 0,
      rebuilding: false,
    });
  });

  it('returns a booking confirmed by a rebuild, with its buyer’s limit', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const live: LiveHold = {
      bookingId: 'held',
      userId: 'eve',
      quantity: 1,
      unitPrice: 1,
      currency: 'EUR',
      expiresAt: deadline,
    };
    const confirmedBookings = [
      { bookingId: 'sold-1', userId: 'eve', quantity: 3 },
      { bookingId: 'sold-2', userId: 'fay', quantity: 2 },
    ];
    const rebuild = { eventId, zoneId, capacity: 10, liveHolds: [live], confirmedBookings };
    assert.deepEqual(await actor.rebuildZone({ ...rebuild, replaceLiveCounter: true }), { ok: true });
    const eve = holdRequest(eventId, zoneId, { userId: 'eve', maxPerUser: 4 });
    assert.equal((await actor.hold(eve)).ok, false);
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId: 'sold-1' }), { returned: true });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 7,
      held: 1,
      confirmed: 2,
      rebuilding: false,
    });
    held(await actor.hold({ ...eve, quantity: 3, idempotencyKey: uniqueId('key') }));
  });

  it('returns nothing for a booking a rebuild left out (cancelled in the log), so it never sells twice', async () => {
    const { eventId, zoneId, bookingId, request } = await confirmedBooking();
    const kept = held(await actor.hold(holdRequest(eventId, zoneId, { userId: 'gus', quantity: 2 })));
    assert.deepEqual(await actor.confirm({ eventId, bookingId: kept.bookingId, now: t0 }), { ok: true });
    // The log says the first booking was cancelled (and its seats given back) after it was confirmed.
    const confirmedBookings = [{ bookingId: kept.bookingId, userId: 'gus', quantity: 2 }];
    const rebuild = { eventId, zoneId, capacity: 10, liveHolds: [], confirmedBookings };
    assert.deepEqual(await actor.rebuildZone({ ...rebuild, replaceLiveCounter: true }), { ok: true });
    const expected = { capacity: 10, available: 8, held: 0, confirmed: 2, rebuilding: false };
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), expected);
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId }), { returned: false });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), expected);
    held(await actor.hold(request(4)));
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId: kept.bookingId }), { returned: true });
  });

  it('forgets only the rebuilt zone’s confirmed bookings', async () => {
    const { eventId, zoneIds } = await provisionedEvent(actor, 10, 2);
    const [rebuilt, other] = zoneIds as [string, string];
    const sold = [];
    for (const zoneId of zoneIds) {
      const hold = held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 2 })));
      assert.deepEqual(await actor.confirm({ eventId, bookingId: hold.bookingId, now: t0 }), { ok: true });
      sold.push(hold.bookingId);
    }
    const rebuild = { eventId, zoneId: rebuilt, capacity: 10, liveHolds: [], confirmedBookings: [] };
    assert.deepEqual(await actor.rebuildZone({ ...rebuild, replaceLiveCounter: true }), { ok: true });
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId: sold[0]! }), { returned: false });
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId: sold[1]! }), { returned: true });
    assert.equal((await snapshotOf(actor, eventId, other)).available, 10);
  });
}
