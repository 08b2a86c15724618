import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import type { EventStore, LogHead } from '../../infra/ports/event-store';
import type { ExpiredHold, InventoryActor } from '../../infra/ports/inventory-actor';
import { deleteKeysUnder, storeAndActorPerSuite, testKeyPrefix, testRedisUrl } from '../../infra/testing';
import { InventoryRecovery, LedgerReader } from './index';
import { cancelledEvent, confirm, reserve, zoneInLog } from './testing';

const redisUrl = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('recovery');

const deleteOurKeys = () => deleteKeysUnder(keyPrefix);

type ActorFixture = {
  open(): Promise<InventoryActor>;
  /** The actor after it lost every counter: Redis emptied, or a new process's in-process actor. */
  wiped(actor: InventoryActor): Promise<InventoryActor>;
};

const inProcess: ActorFixture = {
  open: async () => new InProcessInventoryActor(),
  wiped: async () => new InProcessInventoryActor(),
};
const onRedis: ActorFixture = {
  open: () => RedisInventoryActor.open({ url: redisUrl, keyPrefix }),
  wiped: async (actor) => {
    await deleteOurKeys();
    return actor;
  },
};

/** A store whose `head()` number `n` waits until released: it holds a recovery half-way. */
function withHeldHead(store: EventStore, n: number) {
  let calls = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const reachedGate = new Promise<void>((resolve) => (reached = resolve));
  const gated: EventStore = Object.create(store) as EventStore;
  gated.head = async (): Promise<LogHead> => {
    if (++calls === n) {
      reached();
      await released;
    }
    return store.head();
  };
  gated.readAll = (options) => store.readAll(options);
  return { store: gated, reached: reachedGate, release, calls: () => calls };
}

const t0 = Date.now();
const ttlMs = 60_000;

function describeRecovery(name: string, fixture: ActorFixture) {
  describe(`inventory recovery with the ${name} actor`, () => {
    let store: EventStore;
    let actor: InventoryActor;
    storeAndActorPerSuite(fixture.open, (opened) => ({ store, actor } = opened));

    const recoveryOf = (on: InventoryActor, from = store, stale: ExpiredHold[] = []) =>
      new InventoryRecovery(on, new LedgerReader(from), {
        settleMs: 0,
        now: () => t0,
        onStaleReservations: (holds) => stale.push(...holds),
      });

    it('rebuilds a lost counter as capacity − live holds − confirmed, with the holds still sweepable', async () => {
      const zone = await zoneInLog(store, 20);
      await actor.provisionZone({ ...zone, capacity: 20 });
      const live = await reserve(store, actor, zone, { quantity: 3, now: t0, ttlMs });
      const sold = await reserve(store, actor, zone, { quantity: 4, now: t0, ttlMs });
      await confirm(store, actor, sold, t0);
      const due = await reserve(store, actor, zone, { quantity: 2, now: t0 - ttlMs, ttlMs });

      actor = await fixture.wiped(actor);
      assert.equal(await actor.snapshot(zone), undefined, 'the counter is gone');
      const stale: ExpiredHold[] = [];
      assert.equal(await recoveryOf(actor, store, stale).recover(zone), 'rebuilt');

      assert.deepEqual(await actor.snapshot(zone), {
        capacity: 20,
        available: 13,
        held: 3,
        confirmed: 4,
        rebuilding: false,
      });
      assert.deepEqual(
        stale.map((hold) => [hold.bookingId, hold.quantity]),
        [[due.bookingId, 2]],
        'the hold past its expiry is left out and handed on for its BookingExpired',
      );
      const swept = await actor.expireDue({ now: live.expiresAt, limit: 100 });
      assert.deepEqual(
        swept.map((hold) => hold.bookingId),
        [live.bookingId],
      );
      assert.equal((await actor.snapshot(zone))?.available, 16);
    });

    it('rebuilds without a booking cancelled after confirm, so a late return of its seats changes nothing', async () => {
      const zone = await zoneInLog(store, 20);
      await actor.provisionZone({ ...zone, capacity: 20 });
      const cancelled = await reserve(store, actor, zone, { quantity: 4, now: t0, ttlMs });
      await confirm(store, actor, cancelled, t0);
      const kept = await reserve(store, actor, zone, { quantity: 2, now: t0, ttlMs });
      await confirm(store, actor, kept, t0);
      // Cancelled in the log; the counter was lost before its seats were returned.
      await store.append(bookingStreamId(cancelled.bookingId), [
        cancelledEvent(cancelled.bookingId, cancelled.userId),
      ]);

      actor = await fixture.wiped(actor);
      assert.equal(await recoveryOf(actor).recover(zone), 'rebuilt');
      const rebuilt = { capacity: 20, available: 18, held: 0, confirmed: 2, rebuilding: false };
      assert.deepEqual(await actor.snapshot(zone), rebuilt);
      assert.deepEqual(await actor.returnConfirmed(cancelled), { returned: false });
      assert.deepEqual(await actor.snapshot(zone), rebuilt);
      assert.deepEqual(await actor.returnConfirmed(kept), { returned: true });
      assert.equal((await actor.snapshot(zone))?.available, 20);
    });

    it('refuses holds while it rebuilds, and runs once for concurrent calls on a zone', async () => {
      const zone = await zoneInLog(store, 10);
      await actor.provisionZone({ ...zone, capacity: 10 });
      await reserve(store, actor, zone, { quantity: 4, now: t0, ttlMs });
      actor = await fixture.wiped(actor);

      // head() 1 is the check that the log knows the zone; head() 2 is the catch-up after beginRebuild.
      const gate = withHeldHead(store, 2);
      const recovery = recoveryOf(actor, gate.store);
      const first = recovery.recover(zone);
      const second = recovery.recover(zone);
      await gate.reached;
      const refused = await actor.hold({
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
      assert.deepEqual(refused, { ok: false, reason: 'ZONE_REBUILDING', available: 0 });
      gate.release();
      assert.deepEqual(await Promise.all([first, second]), ['rebuilt', 'rebuilt']);
      assert.equal(gate.calls(), 2, 'one recovery ran');
      assert.equal((await actor.snapshot(zone))?.available, 6);
    });

    it('leaves a live counter alone', async () => {
      const zone = await zoneInLog(store, 10);
      await actor.provisionZone({ ...zone, capacity: 10 });
      await reserve(store, actor, zone, { quantity: 2, now: t0, ttlMs });
      await actor.adjustCapacity({ ...zone, delta: 1 });
      const before = await actor.snapshot(zone);
      assert.equal(await recoveryOf(actor).recover(zone), 'live');
      assert.deepEqual(await actor.snapshot(zone), before);
    });

    it('touches nothing for a zone the log does not know', async () => {
      const zone = { eventId: randomUUID(), zoneId: randomUUID() };
      assert.equal(await recoveryOf(actor).recover(zone), 'unknown-zone');
      assert.equal(await actor.snapshot(zone), undefined);
    });
  });
}

describeRecovery('in-process', inProcess);
describeRecovery('Redis', onRedis);

after(deleteOurKeys);
