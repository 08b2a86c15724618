import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { AppError } from '../../domain/shared';
import { recordingLogger } from '../../infra/http/test-support';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { deleteKeysUnder, storeAndActorPerSuite, testKeyPrefix, testRedisUrl } from '../../infra/testing';
import { checkInventory } from '../inventory-recovery';
import { reserve, zoneInLog } from '../inventory-recovery/testing';
import { ExpirySweeper, sweeperUserId, type ExpirySweeperOptions } from './index';

const redisUrl = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('expiry');

const ttlMs = 60_000;

/** A store whose appends fail while `failing` is set, and can be held at a gate. */
function flakyStore(store: EventStore) {
  const control = { failing: false, gate: undefined as Promise<void> | undefined };
  const flaky: EventStore = Object.create(store) as EventStore;
  flaky.readStream = (...args) => store.readStream(...args);
  flaky.append = async (...args) => {
    await control.gate;
    if (control.failing) throw new AppError('SERVICE_UNAVAILABLE', 'event store is down (injected)');
    return store.append(...args);
  };
  return { store: flaky, control };
}

function describeSweeper(name: string, openActor: () => Promise<InventoryActor>) {
  describe(`expiry sweeper with the ${name} actor`, () => {
    let store: EventStore;
    let actor: InventoryActor;
    storeAndActorPerSuite(openActor, (opened) => ({ store, actor } = opened));

    /** A provisioned zone in a new event, so each test's sweep sees only its own holds. */
    async function zone(capacity = 10) {
      const ref = await zoneInLog(store, capacity);
      await actor.provisionZone({ ...ref, capacity });
      return ref;
    }

    /** Releases holds of earlier tests due by `at`, so a sweep at `at` counts only this test's. */
    async function sweptClean(at: number) {
      while ((await actor.expireDue({ now: at, limit: 1000 })).length > 0);
    }

    const sweeperAt = (clock: { now: number }, options: Partial<ExpirySweeperOptions> = {}, on = store) =>
      new ExpirySweeper(on, actor, { intervalMs: 10, now: () => clock.now, ...options });

    const lastEvent = async (bookingId: string) =>
      (await store.readStream(bookingStreamId(bookingId), { direction: 'backwards', limit: 1 }))[0];

    it('returns the seats of an expired hold and appends its BookingExpired', async () => {
      const t0 = Date.now();
      const z = await zone();
      const clock = { now: t0 + ttlMs };
      await sweptClean(clock.now);
      const gone = await reserve(store, actor, z, { quantity: 2, now: t0, ttlMs });
      const stays = await reserve(store, actor, z, { quantity: 3, now: t0 + 1, ttlMs });
      assert.deepEqual(await sweeperAt(clock).sweep(), { released: 1, appended: 1, orphans: 0, pending: 0 });
      assert.equal((await actor.snapshot(z))?.available, 10 - 3);
      assert.equal((await lastEvent(stays.bookingId))?.type, 'BookingReserved');
      const event = await lastEvent(gone.bookingId);
      assert.equal(event?.type, 'BookingExpired');
      const { correlationId, causationId, userId } = event?.metadata ?? {};
      assert.deepEqual(
        { correlationId, causationId, userId },
        {
          correlationId: gone.bookingId,
          causationId: gone.bookingId,
          userId: sweeperUserId,
        },
      );
    });

    it('returns the seats of a short hold on its own timer', async () => {
      const z = await zone();
      const hold = await reserve(store, actor, z, { quantity: 2, now: Date.now(), ttlMs: 30 });
      const sweeper = new ExpirySweeper(store, actor, { intervalMs: 10 });
      await sweeper.start();
      try {
        for (let sweeps = 0; (await lastEvent(hold.bookingId))?.type !== 'BookingExpired'; sweeps++) {
          assert.ok(sweeps < 500, 'the hold was not swept');
          await sweeper.nextSweep();
        }
      } finally {
        await sweeper.stop();
      }
      assert.equal((await actor.snapshot(z))?.available, 10);
      const check = await checkInventory(store, actor, { eventIds: [z.eventId] });
      assert.ok(check.ok, JSON.stringify(check));
    });

    it('releases an orphan hold (no BookingReserved) without an event, and says so at info', async () => {
      const t0 = Date.now();
      const z = await zone();
      const clock = { now: t0 + ttlMs };
      await sweptClean(clock.now);
      const bookingId = randomUUID();
      const hold = await actor.hold({
        ...z,
        bookingId,
        idempotencyKey: bookingId,
        userId: 'buyer',
        quantity: 4,
        unitPrice: 2500,
        currency: 'EUR',
        maxPerUser: 10,
        ttlMs,
        now: t0,
      });
      assert.ok(hold.ok);
      const logger = recordingLogger();
      assert.deepEqual(await sweeperAt(clock, { logger }).sweep(), {
        released: 1,
        appended: 0,
        orphans: 1,
        pending: 0,
      });
      assert.equal((await actor.snapshot(z))?.available, 10);
      assert.equal(await store.streamExists(bookingStreamId(bookingId)), false);
      assert.deepEqual(
        logger.lines.map((line) => [line.level, line.meta.bookingId]),
        [['info', bookingId]],
      );
    });

    it('keeps an expiry whose append failed and appends it on the next sweep', async () => {
      const t0 = Date.now();
      const z = await zone();
      const clock = { now: t0 + ttlMs };
      await sweptClean(clock.now);
      const hold = await reserve(store, actor, z, { quantity: 2, now: t0, ttlMs });
      const flaky = flakyStore(store);
      const sweeper = sweeperAt(clock, {}, flaky.store);
      flaky.control.failing = true;
      assert.deepEqual(await sweeper.sweep(), { released: 1, appended: 0, orphans: 0, pending: 1 });
      assert.equal((await actor.snapshot(z))?.available, 10, 'the seats are back already');
      assert.equal((await lastEvent(hold.bookingId))?.type, 'BookingReserved');
      flaky.control.failing = false;
      assert.deepEqual(await sweeper.sweep(), { released: 0, appended: 1, orphans: 0, pending: 0 });
      assert.equal((await lastEvent(hold.bookingId))?.type, 'BookingExpired');
    });

    it('sweeps page after page until a page comes back short', async () => {
      const t0 = Date.now();
      const z = await zone();
      const clock = { now: t0 + ttlMs };
      await sweptClean(clock.now);
      const holds = [];
      for (let i = 0; i < 5; i++) holds.push(await reserve(store, actor, z, { quantity: 1, now: t0, ttlMs }));
      const report = await sweeperAt(clock, { pageSize: 2, concurrency: 3 }).sweep();
      assert.deepEqual(report, { released: 5, appended: 5, orphans: 0, pending: 0 });
      for (const hold of holds) assert.equal((await lastEvent(hold.bookingId))?.type, 'BookingExpired');
    });

    it('appends the expiry of a hold handed over by a rebuild', async () => {
      const t0 = Date.now();
      const z = await zone();
      const hold = await reserve(store, actor, z, { quantity: 1, now: t0, ttlMs });
      await actor.release(hold);
      await sweptClean(t0 + ttlMs);
      const sweeper = sweeperAt({ now: t0 + ttlMs });
      sweeper.adopt([hold]);
      assert.deepEqual(await sweeper.sweep(), { released: 0, appended: 1, orphans: 0, pending: 0 });
      assert.equal((await lastEvent(hold.bookingId))?.type, 'BookingExpired');
    });

    it('waits for a running sweep when it stops', async () => {
      const t0 = Date.now();
      const z = await zone();
      await sweptClean(t0 + ttlMs);
      const hold = await reserve(store, actor, z, { quantity: 1, now: t0, ttlMs });
      const flaky = flakyStore(store);
      let open!: () => void;
      flaky.control.gate = new Promise((resolve) => (open = resolve));
      const sweeper = sweeperAt({ now: t0 + ttlMs }, {}, flaky.store);
      const sweeping = sweeper.sweep();
      let stopped = false;
      const stopping = sweeper.stop().then(() => (stopped = true));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(stopped, false);
      open();
      await stopping;
      assert.deepEqual(await sweeping, { released: 1, appended: 1, orphans: 0, pending: 0 });
      assert.equal((await lastEvent(hold.bookingId))?.type, 'BookingExpired');
    });
  });
}

describeSweeper('in-process', async () => new InProcessInventoryActor());
describeSweeper('Redis', () => RedisInventoryActor.open({ url: redisUrl, keyPrefix }));

after(() => deleteKeysUnder(keyPrefix));
