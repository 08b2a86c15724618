import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AppError } from '../../../domain/shared';
import { countBy, held, holdRequest, provisionedEvent, snapshotOf, t0, ttlMs } from './contract-support';
import type { InventoryActor } from './inventory-actor';

/** Provisioning, holds under contention, the buyer limit and idempotency. */
export function describeHoldContract(actorOf: () => InventoryActor): void {
  let actor: InventoryActor;
  before(() => {
    actor = actorOf();
  });

  it('provisions a zone once and never overwrites a live counter', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 3 })));
    assert.deepEqual(await actor.provisionZone({ eventId, zoneId, capacity: 500 }), { created: false });
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 7,
      held: 3,
      confirmed: 0,
      rebuilding: false,
    });
    assert.deepEqual(await actor.provisionZone({ eventId, zoneId: 'other', capacity: 5 }), {
      created: true,
    });
  });

  it('holds seats at the server price with an expiry and decrements the counter', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = holdRequest(eventId, zoneId, { quantity: 4 });
    const result = await actor.hold(request);
    const { bookingId, userId, unitPrice, currency } = request;
    const hold = {
      bookingId,
      eventId,
      zoneId,
      userId,
      quantity: 4,
      unitPrice,
      currency,
      expiresAt: t0 + ttlMs,
    };
    assert.deepEqual(result, { ok: true, hold, replayed: false });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 6);
  });

  it('refuses a hold on a zone that was never provisioned', async () => {
    const { eventId } = await provisionedEvent(actor, 10);
    const result = await actor.hold(holdRequest(eventId, 'missing'));
    assert.deepEqual(result, { ok: false, reason: 'ZONE_NOT_PROVISIONED', available: 0 });
  });

  it('gives the last seat to exactly one of 100 concurrent buyers', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 9 })));
    const results = await Promise.all(
      Array.from({ length: 100 }, () => actor.hold(holdRequest(eventId, zoneId))),
    );
    assert.deepEqual(
      countBy(results, (r) => (r.ok ? 'ok' : r.reason)),
      { ok: 1, INSUFFICIENT_SEATS: 99 },
    );
    for (const result of results) if (!result.ok) assert.equal(result.available, 0);
    assert.deepEqual(await snapshotOf(actor, eventId, zoneId), {
      capacity: 10,
      available: 0,
      held: 10,
      confirmed: 0,
      rebuilding: false,
    });
  });

  it('never oversells 100 seats to 1,000 concurrent holds of 1 to 4 seats', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 100);
    const requests = Array.from({ length: 1000 }, (_, i) =>
      holdRequest(eventId, zoneId, { quantity: (i % 4) + 1 }),
    );
    const results = await Promise.all(requests.map((request) => actor.hold(request)));
    const heldSeats = results.reduce((sum, r) => sum + (r.ok ? r.hold.quantity : 0), 0);
    for (const result of results) {
      if (!result.ok) assert.equal(result.reason, 'INSUFFICIENT_SEATS');
      if (!result.ok) assert.ok(result.available >= 0 && result.available < 4);
    }
    const snapshot = await snapshotOf(actor, eventId, zoneId);
    assert.ok(heldSeats <= 100);
    assert.equal(heldSeats, 100 - snapshot.available);
    assert.equal(snapshot.held, heldSeats);
  });

  it('never lets one buyer exceed the event limit across zones, even concurrently', async () => {
    const { eventId, zoneIds } = await provisionedEvent(actor, 50, 3);
    const userId = 'buyer-limit';
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        actor.hold(holdRequest(eventId, zoneIds[i % 3]!, { userId, maxPerUser: 4 })),
      ),
    );
    assert.deepEqual(
      countBy(results, (r) => (r.ok ? 'ok' : r.reason)),
      { ok: 4, TICKET_LIMIT_EXCEEDED: 26 },
    );
    const totalHeld = (await Promise.all(zoneIds.map((z) => snapshotOf(actor, eventId, z)))).reduce(
      (s, z) => s + z.held,
      0,
    );
    assert.equal(totalHeld, 4);
  });

  it('lets a buyer hold again after releasing, up to the limit', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = (quantity: number) =>
      holdRequest(eventId, zoneId, { userId: 'again', maxPerUser: 2, quantity });
    const first = held(await actor.hold(request(2)));
    assert.equal((await actor.hold(request(1))).ok, false);
    assert.deepEqual(await actor.release({ eventId, bookingId: first.bookingId }), { released: true });
    held(await actor.hold(request(2)));
    const over = await actor.hold(request(1));
    assert.deepEqual(over, { ok: false, reason: 'TICKET_LIMIT_EXCEEDED', available: 8 });
  });

  it('counts confirmed seats toward the limit after the hold is gone', async () => {
    const { eventId, zoneIds } = await provisionedEvent(actor, 10, 2);
    const request = (zoneId: string, quantity: number) =>
      holdRequest(eventId, zoneId, { userId: 'confirmed-buyer', maxPerUser: 4, quantity });
    const hold = held(await actor.hold(request(zoneIds[0]!, 3)));
    assert.deepEqual(await actor.confirm({ eventId, bookingId: hold.bookingId, now: t0 + 1 }), {
      ok: true,
    });
    assert.deepEqual(await actor.release({ eventId, bookingId: hold.bookingId }), { released: false });
    assert.deepEqual(await actor.expireDue({ eventId, now: t0 + 10 * ttlMs, limit: 100 }), []);
    assert.equal((await actor.hold(request(zoneIds[1]!, 2))).ok, false);
    held(await actor.hold(request(zoneIds[1]!, 1)));
  });

  it('answers 50 concurrent retries of one idempotency key with one hold', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = holdRequest(eventId, zoneId, { quantity: 2 });
    const results = await Promise.all(Array.from({ length: 50 }, () => actor.hold({ ...request })));
    const holds = results.map(held);
    for (const hold of holds) assert.deepEqual(hold, holds[0]);
    assert.equal(results.filter((r) => r.ok && !r.replayed).length, 1);
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 2);
    const later = await actor.hold({ ...request, bookingId: 'another', now: t0 + 5 });
    assert.deepEqual(later, { ok: true, hold: holds[0], replayed: true });
  });

  it('forgets the answer to a key when a release says so (its booking never recorded): a retry holds afresh', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = holdRequest(eventId, zoneId, { quantity: 2 });
    const first = held(await actor.hold(request));
    const release = { eventId, bookingId: first.bookingId, forgetOutcome: true };
    assert.deepEqual(await actor.release(release), { released: true });
    const retry = await actor.hold({ ...request, bookingId: 'retried' });
    assert.ok(retry.ok && !retry.replayed && retry.hold.bookingId === 'retried');
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 2);
  });

  it('refuses a second hold under a booking id that already holds seats', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const first = held(await actor.hold(holdRequest(eventId, zoneId)));
    await assert.rejects(
      actor.hold(holdRequest(eventId, zoneId, { bookingId: first.bookingId })),
      (error) => error instanceof AppError && error.code === 'INTERNAL_ERROR',
    );
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 1);
  });

  it('rejects a hold of zero, negative or fractional seats without touching the counter', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    for (const quantity of [0, -2, 1.5]) {
      await assert.rejects(
        actor.hold(holdRequest(eventId, zoneId, { quantity })),
        (error) => error instanceof AppError && error.code === 'VALIDATION_ERROR',
      );
    }
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 10);
  });

  it('changes capacity but never below what is held and confirmed', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    held(await actor.hold(holdRequest(eventId, zoneId, { quantity: 4 })));
    assert.deepEqual(await actor.adjustCapacity({ eventId, zoneId, delta: 5 }), {
      ok: true,
      capacity: 15,
      available: 11,
    });
    assert.deepEqual(await actor.adjustCapacity({ eventId, zoneId, delta: -12 }), {
      ok: false,
      reason: 'BELOW_COMMITTED',
    });
    assert.deepEqual(await actor.adjustCapacity({ eventId, zoneId, delta: -11 }), {
      ok: true,
      capacity: 4,
      available: 0,
    });
    const missing = await actor.adjustCapacity({ eventId, zoneId: 'missing', delta: 1 });
    assert.deepEqual(missing, { ok: false, reason: 'ZONE_NOT_PROVISIONED' });
    await snapshotOf(actor, eventId, zoneId);
  });
}
