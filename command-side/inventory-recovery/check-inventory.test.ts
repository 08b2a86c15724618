import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { deleteKeysUnder, storeAndActorPerSuite, testKeyPrefix, testRedisUrl } from '../../infra/testing';
import { checkInventory } from './index';
import { cancelledEvent, confirm, refundedEvent, reserve, reservedEvent, zoneInLog } from './testing';

const redisUrl = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('check');

const t0 = Date.now();
const ttlMs = 60_000;

function describeChecker(name: string, openActor: () => Promise<InventoryActor>) {
  describe(`inventory checker with the ${name} actor`, () => {
    let store: EventStore;
    let actor: InventoryActor;
    storeAndActorPerSuite(openActor, (opened) => ({ store, actor } = opened));

    /** A zone after some traffic: live holds, a confirmed booking, a cancelled one, a swept expiry. */
    async function zoneWithTraffic() {
      const zone = await zoneInLog(store, 20);
      await actor.provisionZone({ ...zone, capacity: 20 });
      await reserve(store, actor, zone, { quantity: 3, now: t0, ttlMs });
      await confirm(store, actor, await reserve(store, actor, zone, { quantity: 4, now: t0, ttlMs }), t0);
      const cancelled = await reserve(store, actor, zone, { quantity: 2, now: t0, ttlMs });
      await actor.release(cancelled);
      await store.append(bookingStreamId(cancelled.bookingId), [
        cancelledEvent(cancelled.bookingId, cancelled.userId),
      ]);
      // Past its expiry but not yet swept: the actor still holds it, the log has not ended it.
      await reserve(store, actor, zone, { quantity: 1, now: t0 - ttlMs, ttlMs });
      return zone;
    }

    it('passes a zone whose counters match the event store', async () => {
      const zone = await zoneWithTraffic();
      const check = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.deepEqual(check, {
        ok: true,
        withinCapacity: true,
        consistent: true,
        zones: [
          {
            ...zone,
            capacity: 20,
            fromEvents: { held: 4, liveHeld: 3, confirmed: 4 },
            counters: { capacity: 20, available: 12, held: 4, confirmed: 4, rebuilding: false },
            withinCapacity: true,
            consistent: true,
          },
        ],
      });
    });

    it('calls a booking cancelled after confirm consistent only once its seats are back', async () => {
      const zone = await zoneInLog(store, 10);
      await actor.provisionZone({ ...zone, capacity: 10 });
      const sold = await reserve(store, actor, zone, { quantity: 3, now: t0, ttlMs });
      await confirm(store, actor, sold, t0);
      await store.append(bookingStreamId(sold.bookingId), [cancelledEvent(sold.bookingId, sold.userId)]);
      const before = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.deepEqual([before.ok, before.withinCapacity, before.consistent], [false, true, false]);
      assert.deepEqual([before.zones[0]?.counters?.confirmed, before.zones[0]?.fromEvents.confirmed], [3, 0]);

      assert.deepEqual(await actor.returnConfirmed(sold), { returned: true });
      await store.append(bookingStreamId(sold.bookingId), [refundedEvent(sold.bookingId)]);
      const after = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.equal(after.ok, true, JSON.stringify(after.zones));
      assert.deepEqual(after.zones[0]?.counters, {
        capacity: 10,
        available: 10,
        held: 0,
        confirmed: 0,
        rebuilding: false,
      });
    });

    it('flags a counter changed behind the event store’s back', async () => {
      const zone = await zoneWithTraffic();
      await actor.adjustCapacity({ ...zone, delta: 1 });
      const check = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.deepEqual([check.ok, check.withinCapacity, check.consistent], [false, true, false]);
    });

    it('flags a hold the event store never heard of', async () => {
      const zone = await zoneWithTraffic();
      const orphan = await actor.hold({
        ...zone,
        bookingId: randomUUID(),
        idempotencyKey: randomUUID(),
        userId: 'buyer',
        quantity: 1,
        unitPrice: 2500,
        currency: 'EUR',
        maxPerUser: 10,
        ttlMs,
        now: t0,
      });
      assert.ok(orphan.ok);
      const check = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.equal(check.consistent, false);
      assert.deepEqual([check.zones[0]?.counters?.held, check.zones[0]?.fromEvents.held], [5, 4]);
    });

    it('flags a zone the event store shows oversold, and a zone with no counter', async () => {
      const zone = await zoneInLog(store, 2);
      for (const userId of ['ann', 'bob', 'cid']) {
        const bookingId = randomUUID();
        const hold = { ...zone, bookingId, userId, quantity: 1, unitPrice: 2500, currency: 'EUR' };
        await store.append(bookingStreamId(bookingId), [
          reservedEvent({ ...hold, expiresAt: t0 + ttlMs }, t0),
        ]);
      }
      const check = await checkInventory(store, actor, { now: t0, eventIds: [zone.eventId] });
      assert.deepEqual([check.ok, check.withinCapacity, check.consistent], [false, false, false]);
      assert.deepEqual(check.zones[0]?.fromEvents, { held: 3, liveHeld: 3, confirmed: 0 });
      assert.equal(check.zones[0]?.counters, undefined);
    });
  });
}

describeChecker('in-process', async () => new InProcessInventoryActor());
describeChecker('Redis', () => RedisInventoryActor.open({ url: redisUrl, keyPrefix }));

after(() => deleteKeysUnder(keyPrefix));
