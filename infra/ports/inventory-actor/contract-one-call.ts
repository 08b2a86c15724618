import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { held, holdRequest, provisionedEvent, snapshotOf, t0, ttlMs, uniqueId } from './contract-support';
import type { HoldRequest, InventoryActor } from './inventory-actor';

const bucket = { limit: 2, refillPerSecond: 1 };

/**
 * The reservation's one call: the buyer's token bucket for the event and the Idempotency-Key's first
 * outcome (a hold or a rejection) are decided in the same atomic step as the hold.
 */
export function describeOneCallContract(actorOf: () => InventoryActor): void {
  let actor: InventoryActor;
  before(() => {
    actor = actorOf();
  });
  const same = (request: HoldRequest, overrides: Partial<HoldRequest> = {}) => ({
    ...request,
    bookingId: uniqueId('retry'),
    ...overrides,
  });

  it('answers a repeated key with its first rejection, and remembers it after seats come back', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 1);
    const first = held(await actor.hold(holdRequest(eventId, zoneId)));
    const request = holdRequest(eventId, zoneId, { fingerprint: `${zoneId}:1` });
    assert.deepEqual(await actor.hold(request), { ok: false, reason: 'INSUFFICIENT_SEATS', available: 0 });
    await actor.release({ eventId, bookingId: first.bookingId });
    const again = await actor.hold(same(request, { now: t0 + 5 }));
    assert.deepEqual(again, { ok: false, reason: 'INSUFFICIENT_SEATS', available: 0, replayed: true });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 1);
  });

  it('remembers a buyer-limit rejection under its key', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = holdRequest(eventId, zoneId, { quantity: 3, maxPerUser: 2, fingerprint: 'z:3' });
    const first = await actor.hold(request);
    assert.deepEqual(first, { ok: false, reason: 'TICKET_LIMIT_EXCEEDED', available: 10 });
    assert.deepEqual(await actor.hold(same(request)), { ...first, replayed: true });
  });

  it('refuses the same key with another request as a reuse, without holding or remembering it', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const request = holdRequest(eventId, zoneId, { fingerprint: `${zoneId}:1` });
    const hold = held(await actor.hold(request));
    const reused = await actor.hold(same(request, { quantity: 2, fingerprint: `${zoneId}:2` }));
    assert.deepEqual(reused, { ok: false, reason: 'IDEMPOTENCY_KEY_REUSED', available: 0 });
    assert.deepEqual(await actor.hold(same(request)), { ok: true, hold, replayed: true });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 1);
  });

  it('keeps the first hold as the answer after the hold is cancelled or expires', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const cancelled = holdRequest(eventId, zoneId);
    const first = held(await actor.hold(cancelled));
    await actor.release({ eventId, bookingId: first.bookingId });
    assert.deepEqual(await actor.hold(same(cancelled)), { ok: true, hold: first, replayed: true });
    const lapsed = holdRequest(eventId, zoneId);
    const second = held(await actor.hold(lapsed));
    assert.equal((await actor.expireDue({ eventId, now: t0 + ttlMs, limit: 10 })).length, 1);
    const retry = await actor.hold(same(lapsed, { now: t0 + ttlMs + 1 }));
    assert.deepEqual(retry, { ok: true, hold: second, replayed: true });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).available, 10);
  });

  it('takes from the buyer’s bucket for this event, refuses when empty, and refills with time', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const userId = uniqueId('user');
    const ask = (now: number) => actor.hold(holdRequest(eventId, zoneId, { userId, bucket, now }));
    const first = await ask(t0);
    assert.ok(first.ok);
    assert.deepEqual(first.bucket, {
      allowed: true,
      limit: 2,
      remaining: 1,
      resetAt: t0 + 1000,
      retryAfterMs: 0,
    });
    assert.ok((await ask(t0)).ok);
    const refused = await ask(t0 + 250);
    assert.deepEqual(refused, {
      ok: false,
      reason: 'RATE_LIMITED',
      available: 0,
      bucket: { allowed: false, limit: 2, remaining: 0, resetAt: t0 + 2000, retryAfterMs: 750 },
    });
    assert.equal((await snapshotOf(actor, eventId, zoneId)).held, 2);
    assert.ok((await ask(t0 + 1000)).ok, 'one token back after a second');
  });

  it('keeps one buyer’s buckets apart per event and apart from other buyers', async () => {
    const [a, b] = [await provisionedEvent(actor, 10), await provisionedEvent(actor, 10)];
    const userId = uniqueId('user');
    const one = { limit: 1, refillPerSecond: 0.001 };
    assert.ok((await actor.hold(holdRequest(a.eventId, a.zoneId, { userId, bucket: one }))).ok);
    const again = await actor.hold(holdRequest(a.eventId, a.zoneId, { userId, bucket: one }));
    assert.equal(!again.ok && again.reason, 'RATE_LIMITED');
    assert.ok((await actor.hold(holdRequest(b.eventId, b.zoneId, { userId, bucket: one }))).ok);
    assert.ok((await actor.hold(holdRequest(a.eventId, a.zoneId, { bucket: one }))).ok);
  });

  it('does not remember a rate-limited request: the same key holds once a token is back', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const userId = uniqueId('user');
    const one = { limit: 1, refillPerSecond: 1 };
    held(await actor.hold(holdRequest(eventId, zoneId, { userId, bucket: one })));
    const request = holdRequest(eventId, zoneId, { userId, bucket: one, now: t0 + 10 });
    const limited = await actor.hold(request);
    assert.equal(!limited.ok && limited.reason, 'RATE_LIMITED');
    const later = await actor.hold(same(request, { now: t0 + 1010 }));
    assert.ok(later.ok && !later.replayed);
  });

  it('counts a replay against the bucket too, and refuses a key reuse only after the bucket', async () => {
    const { eventId, zoneId } = await provisionedEvent(actor, 10);
    const userId = uniqueId('user');
    const one = { limit: 1, refillPerSecond: 0.001 };
    const request = holdRequest(eventId, zoneId, { userId, bucket: one, fingerprint: 'a' });
    held(await actor.hold(request));
    const replay = await actor.hold(same(request));
    assert.equal(!replay.ok && replay.reason, 'RATE_LIMITED');
    const reuse = await actor.hold(same(request, { fingerprint: 'b' }));
    assert.equal(!reuse.ok && reuse.reason, 'RATE_LIMITED');
  });
}
