import assert from 'node:assert/strict';
import { it } from 'node:test';
import { held, holdRequest, provisionedEvent, snapshotOf, t0, ttlMs, uniqueId } from './contract-support';
import type { InventoryActor } from './inventory-actor';

const deadline = t0 + ttlMs;

/** Release, confirm, expiry and rebuild: the ways a hold ends or is restored. */
export function describeLifecycleContract(actorOf: () => InventoryActor): void {
  it('releases only a hold that is still held and returns its seats', async () => {
    const actor = actorOf();
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    assert.deepEqual(await actor.release({ eventId, bookingId: 'unknown' }), { released: false });
    const hold = held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 3 })));
    assert.deepEqual(await actor.release({ eventId, bookingId: hold.bookingId }), { released: true });
    assert.deepEqual(await actor.release({ eventId, bookingId: hold.bookingId }), { released: false });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 10);
  });

  it('confirms before expiry, refuses after it, and answers a repeated confirm alike without moving seats', async () => {
    const actor = actorOf();
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const early = held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 2 })));
    const late = held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 3 })));
    assert.deepEqual(await actor.confirm({ eventId, bookingId: early.bookingId, now: deadline - 1 }), {
      ok: true,
    });
    // A retry whose first answer was lost (the saga re-runs its confirm after a crash).
    assert.deepEqual(await actor.confirm({ eventId, bookingId: early.bookingId, now: deadline + 1 }), {
      ok: true,
    });
    assert.deepEqual(await actor.confirm({ eventId, bookingId: late.bookingId, now: deadline }), {
      ok: false,
      reason: 'EXPIRED',
    });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 5,
      held: 3,
      confirmed: 2,
      rebuilding: false,
    });
    // Once its seats went back, the booking is no longer confirmed: a late confirm is refused.
    assert.deepEqual(await actor.returnConfirmed({ eventId, bookingId: early.bookingId }), {
      returned: true,
    });
    assert.deepEqual(await actor.confirm({ eventId, bookingId: early.bookingId, now: deadline - 1 }), {
      ok: false,
      reason: 'NOT_HELD',
    });
  });

  it('lets exactly one of confirm and expiry win a race at the deadline', async () => {
    const actor = actorOf();
    const { eventId, zoneId } = await provisionedEvent(actor, 100);
    const holds = [];
    for (let i = 0; i < 40; i++) holds.push(held(await actor.hold(holdRequest(eventId, zoneId))));
    const confirms = holds.map((hold, i) =>
      actor.confirm({ eventId, bookingId: hold.bookingId, now: i % 2 ? deadline - 1 : deadline }),
    );
    const sweeps = [actor.expireDue({ eventId, now: deadline, limit: 1000 })];
    const confirms2 = holds.map((hold) =>
      actor.confirm({ eventId, bookingId: hold.bookingId, now: deadline - 1 }),
    );
    sweeps.push(actor.expireDue({ eventId, now: deadline, limit: 1000 }));
    const [confirmed, retried, swept] = await Promise.all([
      Promise.all(confirms),
      Promise.all(confirms2),
      Promise.all(sweeps),
    ]);
    const expired = new Set(swept.flat().map((hold) => hold.bookingId));
    assert.equal(swept.flat().length, expired.size, 'a hold expired twice');
    holds.forEach((hold, i) => {
      // Two confirms of one booking may both answer ok (the second is a repeat); never with the expiry.
      const confirmWon = confirmed[i]!.ok || retried[i]!.ok;
      assert.notEqual(
        confirmWon,
        expired.has(hold.bookingId),
        `booking ${i}: confirm and expiry both won or lost`,
      );
    });
    const snapshot = await snapshotOf(actor, eventId, zoneId);
    assert.equal(snapshot.held, 0);
    assert.equal(snapshot.available, 60 + expired.size);
    assert.equal(snapshot.confirmed, 40 - expired.size);
  });

  it('expires due holds once, returns their seats, and respects the limit', async () => {
    const actor = actorOf();
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const holds = [];
    for (let i = 1; i <= 3; i++)
      holds.push(held(await actor.hold(holdRequest(eventId, zoneId, { ttlMs: i * 1000 }))));
    assert.deepEqual(await actor.expireDue({ eventId, now: t0 + 999, limit: 10 }), []);
    const [first] = holds;
    assert.deepEqual(await actor.expireDue({ eventId, now: t0 + 1000, limit: 10 }), [
      { bookingId: first!.bookingId, eventId, zoneId, userId: first!.userId, quantity: 1 },
    ]);
    assert.equal((await actor.expireDue({ eventId, now: t0 + 5000, limit: 1 })).length, 1);
    assert.equal((await actor.expireDue({ eventId, now: t0 + 5000, limit: 10 })).length, 1);
    assert.deepEqual(await actor.expireDue({ eventId, now: t0 + 5000, limit: 10 }), []);
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 10);
    assert.deepEqual(await actor.release({ eventId, bookingId: first!.bookingId }), { released: false });
  });

  it('finds due holds across events when no event is named', async () => {
    const actor = actorOf();
    const events = [await provisionedEvent(actor, 5), await provisionedEvent(actor, 5)];
    const ids: string[] = [];
    for (const { eventId, zoneId } of events)
      ids.push(held(await actor.hold(holdRequest(eventId, zoneId))).bookingId);
    const expired = await actor.expireDue({ now: deadline, limit: 100_000 });
    const ours = expired.filter((hold) => ids.includes(hold.bookingId));
    assert.deepEqual(ours.map((hold) => hold.eventId).sort(), events.map((e) => e.eventId).sort());
    for (const { eventId, zoneId } of events)
      assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 5);
  });

  it('refuses holds while rebuilding and rebuilds capacity minus holds minus confirmed', async () => {
    const actor = actorOf();
    const eventId = uniqueId('event');
    const zoneId = 'lost';
    assert.deepEqual(await actor.beginRebuild({ eventId, zoneId }), { ok: true });
    const refused = await actor.hold(holdRequest(eventId, zoneId));
    assert.deepEqual(refused, { ok: false, reason: 'ZONE_REBUILDING', available: 0 });
    assert.deepEqual(await actor.provisionZone({ eventId, zoneId, capacity: 20 }), { created: false });
    const live = { unitPrice: 900, currency: 'EUR', expiresAt: deadline };
    const liveHolds = [
      { ...live, bookingId: 'b1', userId: 'ann', quantity: 3 },
      { ...live, bookingId: 'b2', userId: 'bob', quantity: 2 },
    ];
    const confirmedBookings = [
      { bookingId: 'c1', userId: 'ann', quantity: 1 },
      { bookingId: 'c2', userId: 'cid', quantity: 3 },
    ];
    const rebuild = { eventId, zoneId, capacity: 20, liveHolds, confirmedBookings };
    assert.deepEqual(await actor.rebuildZone(rebuild), { ok: true });
    const expected = { capacity: 20, available: 11, held: 5, confirmed: 4, rebuilding: false };
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), expected);
    const ann = holdRequest(eventId, zoneId, { userId: 'ann', maxPerUser: 4 });
    assert.equal((await actor.hold(ann)).ok, false);
    assert.deepEqual(await actor.confirm({ eventId, bookingId: 'b2', now: t0 }), { ok: true });
    const expired = await actor.expireDue({ eventId, now: deadline, limit: 10 });
    assert.deepEqual(expired, [{ bookingId: 'b1', eventId, zoneId, userId: 'ann', quantity: 3 }]);
    // A new request (new key): the rejected one above is remembered under its key.
    held(await actor.hold({ ...ann, quantity: 3, idempotencyKey: uniqueId('key') }));
  });

  it('never rebuilds over a live counter unless told to, and a repeated rebuild counts nothing twice', async () => {
    const actor = actorOf();
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    held(await actor.hold(holdRequest(eventId, zoneId, { userId: 'dee', quantity: 2 })));
    const liveHolds = [
      { bookingId: 'r1', userId: 'dee', quantity: 1, unitPrice: 1, currency: 'EUR', expiresAt: deadline },
    ];
    const confirmedBookings = [{ bookingId: 'c1', userId: 'dee', quantity: 2 }];
    const rebuild = { eventId, zoneId, capacity: 8, liveHolds, confirmedBookings };
    assert.deepEqual(await actor.rebuildZone(rebuild), { ok: false, reason: 'LIVE_COUNTER' });
    assert.deepEqual(await actor.beginRebuild({ eventId, zoneId }), { ok: false, reason: 'LIVE_COUNTER' });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 8);
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(await actor.rebuildZone({ ...rebuild, replaceLiveCounter: true }), { ok: true });
    }
    const expected = { capacity: 8, available: 5, held: 1, confirmed: 2, rebuilding: false };
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), expected);
    const dee = holdRequest(eventId, zoneId, { userId: 'dee', maxPerUser: 4 });
    assert.equal((await actor.hold({ ...dee, quantity: 2 })).ok, false);
    held(await actor.hold({ ...dee, idempotencyKey: uniqueId('key') }));
  });
}
