import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { eventStreamId, type ZoneCreated, type ZoneUpdated } from '../../domain/catalog';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { holdRequest } from '../../infra/ports/inventory-actor/contract-support';
import { deleteKeysUnder, storeAndActorPerSuite, testKeyPrefix, testRedisUrl } from '../../infra/testing';
import { InventoryRecovery, LedgerReader, checkInventory } from '../inventory-recovery';
import { confirm, reserve } from '../inventory-recovery/testing';
import { ZoneProvisioner } from './index';

const redisUrl = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('prov');

const occurredAt = '2030-01-01T00:00:00.000Z';
const zone = (eventId: string, capacity: number) => ({
  eventId,
  showId: randomUUID(),
  zoneId: randomUUID(),
  name: 'Floor',
  price: 150000,
  currency: 'THB',
  capacity,
  occurredAt,
});
type Zone = ReturnType<typeof zone>;

const created = (z: Zone): ZoneCreated => ({ type: 'ZoneCreated', data: z });
const updated = (z: Zone, previousCapacity: number, capacity: number): ZoneUpdated => ({
  type: 'ZoneUpdated',
  data: { ...z, capacity, previousCapacity },
});

const deleteOurKeys = () => deleteKeysUnder(keyPrefix);

type ActorFixture = {
  open(): Promise<InventoryActor>;
  /** The actor after it lost every counter: Redis emptied, or a new process's in-process actor. */
  wiped(actor: InventoryActor): Promise<InventoryActor>;
};

function describeProvisioner(name: string, fixture: ActorFixture) {
  describe(`zone provisioner with the ${name} actor`, () => {
    let store: EventStore;
    let actor: InventoryActor;
    storeAndActorPerSuite(fixture.open, (opened) => ({ store, actor } = opened));

    /** Starts a provisioner from the start of the log and waits until it reached the head. */
    async function started(): Promise<ZoneProvisioner> {
      const recovery = new InventoryRecovery(actor, new LedgerReader(store), { settleMs: 0 });
      const provisioner = new ZoneProvisioner(store, actor, recovery, { pollIntervalMs: 50 });
      await provisioner.start();
      return provisioner;
    }

    it('gives a zone already in the log a counter at start, and one created later once appended', async () => {
      const eventId = randomUUID();
      const first = zone(eventId, 100);
      const second = zone(eventId, 40);
      await store.append(eventStreamId(eventId), [created(first)]);
      const provisioner = await started();
      try {
        assert.equal((await actor.snapshot(first))?.capacity, 100);
        assert.equal(await actor.snapshot(second), undefined);
        const appended = await store.append(eventStreamId(eventId), [created(second)]);
        await provisioner.waitFor(appended.checkpoint);
        assert.deepEqual(await actor.snapshot(second), {
          capacity: 40,
          available: 40,
          held: 0,
          confirmed: 0,
          rebuilding: false,
        });
      } finally {
        await provisioner.stop();
      }
    });

    it('leaves a counter with holds on it alone when a new provisioner replays the log', async () => {
      const eventId = randomUUID();
      const z = zone(eventId, 10);
      await store.append(eventStreamId(eventId), [created(z)]);
      const first = await started();
      await first.stop();
      const hold = await actor.hold(holdRequest(eventId, z.zoneId, { quantity: 3, now: Date.now() }));
      assert.ok(hold.ok);
      const before = await actor.snapshot(z);
      assert.deepEqual([before?.available, before?.held], [7, 3]);
      const restarted = await started();
      await restarted.stop();
      assert.deepEqual(await actor.snapshot(z), before);
    });

    it('applies a capacity change once, however often the log is replayed', async () => {
      const eventId = randomUUID();
      const z = zone(eventId, 10);
      await store.append(eventStreamId(eventId), [created(z)]);
      const provisioner = await started();
      try {
        await actor.hold(holdRequest(eventId, z.zoneId, { quantity: 2, now: Date.now() }));
        const appended = await store.append(eventStreamId(eventId), [updated(z, 10, 15)]);
        await provisioner.waitFor(appended.checkpoint);
      } finally {
        await provisioner.stop();
      }
      const expected = { capacity: 15, available: 13, held: 2, confirmed: 0, rebuilding: false };
      assert.deepEqual(await actor.snapshot(z), expected);
      for (let restart = 0; restart < 2; restart++) await (await started()).stop();
      assert.deepEqual(await actor.snapshot(z), expected);
    });

    it('follows several changes in one replay straight to the last capacity', async () => {
      const eventId = randomUUID();
      const z = zone(eventId, 10);
      await store.append(eventStreamId(eventId), [created(z), updated(z, 10, 30), updated(z, 30, 5)]);
      await (await started()).stop();
      assert.equal((await actor.snapshot(z))?.capacity, 5);
      assert.equal((await actor.snapshot(z))?.available, 5);
    });
    it('recovers a zone whose counter was lost from the bookings in the log, not with every seat free', async () => {
      const eventId = randomUUID();
      const z = zone(eventId, 10);
      await store.append(eventStreamId(eventId), [created(z)]);
      await (await started()).stop();
      const now = Date.now();
      await reserve(store, actor, z, { quantity: 3, now, ttlMs: 60_000 });
      await confirm(store, actor, await reserve(store, actor, z, { quantity: 2, now, ttlMs: 60_000 }), now);

      actor = await fixture.wiped(actor);
      await (await started()).stop();
      assert.deepEqual(await actor.snapshot(z), {
        capacity: 10,
        available: 5,
        held: 3,
        confirmed: 2,
        rebuilding: false,
      });
      assert.ok((await checkInventory(store, actor, { eventIds: [eventId] })).ok);
    });
  });
}

describeProvisioner('in-process', {
  open: async () => new InProcessInventoryActor(),
  wiped: async () => new InProcessInventoryActor(),
});
describeProvisioner('Redis', {
  open: () => RedisInventoryActor.open({ url: redisUrl, keyPrefix }),
  wiped: async (actor) => {
    await deleteOurKeys();
    return actor;
  },
});

after(deleteOurKeys);
