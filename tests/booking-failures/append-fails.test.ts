// An append of BookingReserved that fails (the event store is down) gives the hold back and answers 503
// with Retry-After, leaving no orphan; the same Idempotency-Key retried once the store is back succeeds
// with exactly one hold.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import { AppError } from '../../domain/shared';
import { TOKENS } from '../../infra/di';
import type { EventStore } from '../../infra/ports/event-store';
import { inventories, openBookingApp, type BookingApp } from '../booking/harness';
import { reservedSeatsInLog } from '../booking/log-facts';
import { assertInventoryHolds, bookingHistories, OwnRedis, seatsReservedInLog } from './support';

const outage = { on: false, refused: 0, afterCommit: false };

/** The event store, except that appends to booking streams fail while `outage.on` (after committing, with `afterCommit`). */
function failingBookingAppends(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property !== 'append') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (stream: string, ...rest: unknown[]) => {
        const append = () =>
          (value as (...a: unknown[]) => Promise<unknown>).apply(target, [stream, ...rest]);
        if (outage.on && stream.startsWith('booking-')) {
          outage.refused++;
          // The commit's answer lost on the way back (connection dropped after COMMIT): it did land.
          if (outage.afterCommit) await append();
          throw new AppError('SERVICE_UNAVAILABLE', 'event store unavailable (injected)');
        }
        return append();
      };
    },
  });
}

const injectOutage = new ContainerModule(({ onActivation }) => {
  onActivation(TOKENS.EventStore, (_context, store) => failingBookingAppends(store));
});

for (const inventory of inventories) {
  describe(`a failed append of the booking (${inventory} inventory)`, () => {
    let app: BookingApp;
    let redis: OwnRedis | undefined;
    before(async () => {
      redis = inventory === 'redis' ? await OwnRedis.start() : undefined;
      app = await openBookingApp({
        inventory,
        modules: [injectOutage],
        env: redis ? { REDIS_URL: redis.url } : {},
      });
    });
    after(async () => {
      outage.on = false;
      outage.afterCommit = false;
      await app?.close();
      await redis?.kill();
    });

    it('answers 503 with Retry-After, gives the seats back, and a retry with the same key then holds once', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      const counter = () => app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      const buyer = await app.person();
      const key = randomUUID();

      outage.on = true;
      const refusedBefore = outage.refused;
      const failed = await app.reserve(buyer, zone.id, 3, key);
      assert.equal(failed.status, 503, JSON.stringify(failed.body));
      assert.equal(failed.body.error.code, 'SERVICE_UNAVAILABLE');
      assert.ok(Number(failed.headers.get('retry-after')) >= 1, 'Retry-After of at least a second');
      assert.equal(outage.refused, refusedBefore + 1, 'the append was attempted and refused');
      const afterFailure = await counter();
      assert.deepEqual([afterFailure?.available, afterFailure?.held], [10, 0], 'the hold was given back');
      assert.equal(await reservedSeatsInLog(app.store, zone.id), 0);

      outage.on = false;
      const retried = await app.reserve(buyer, zone.id, 3, key);
      assert.equal(retried.status, 201, JSON.stringify(retried.body));
      assert.equal(retried.body.data.quantity, 3);
      const again = await app.reserve(buyer, zone.id, 3, key);
      assert.equal(again.status, 201);
      assert.equal(again.body.data.id, retried.body.data.id, 'a second retry replays the same booking');

      const afterRetry = await counter();
      assert.deepEqual([afterRetry?.available, afterRetry?.held], [7, 3], 'exactly one hold of 3');
      assert.equal(await seatsReservedInLog(app, zone.id, 3), 3);
      const histories = await bookingHistories(app);
      const mine = [...histories].filter(([id]) => id === retried.body.data.id);
      assert.deepEqual(mine, [[retried.body.data.id, ['BookingReserved']]]);
      await assertInventoryHolds(app, [event.id]);
    });

    it('keeps every failed reservation out of the counters while concurrent appends fail', async () => {
      // Room for every request at once: each one holds, and each one's append fails.
      const { event, zone } = await app.zoneOnSale({ capacity: 40 });
      const buyers = await Promise.all(Array.from({ length: 20 }, () => app.person()));
      outage.on = true;
      const replies = await Promise.all(buyers.map((buyer) => app.reserve(buyer, zone.id, 2)));
      outage.on = false;
      assert.deepEqual(
        replies.map((reply) => reply.status),
        replies.map(() => 503),
      );
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.deepEqual([counter?.available, counter?.held], [40, 0]);
      assert.equal(await reservedSeatsInLog(app.store, zone.id), 0);
      // The seats really are free again: the whole zone sells once the store is back.
      const sold = await Promise.all(buyers.map((buyer) => app.reserve(buyer, zone.id, 2)));
      assert.deepEqual(
        sold.map((reply) => reply.status),
        sold.map(() => 201),
      );
      await assertInventoryHolds(app, [event.id]);
    });

    // An append whose commit landed but whose answer was lost must not give its seats back.
    it('keeps the log and the counters in agreement when an append committed but its answer was lost', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 4 });
      const buyer = await app.person();
      const key = randomUUID();
      outage.on = true;
      outage.afterCommit = true;
      const lost = await app.reserve(buyer, zone.id, 2, key);
      outage.on = false;
      outage.afterCommit = false;
      // Either answer is fair (the store said it failed), but not a second booking on the retry.
      assert.ok(lost.status === 201 || lost.status === 503, JSON.stringify(lost.body));
      const retried = await app.reserve(buyer, zone.id, 2, key);
      assert.equal(retried.status, 201, JSON.stringify(retried.body));
      assert.equal(await seatsReservedInLog(app, zone.id, 2), 2, 'one booking of 2 seats in the log');
      // The zone sells out to others; the log must never hold more than its capacity.
      const others = await Promise.all(Array.from({ length: 4 }, () => app.person()));
      await Promise.all(others.map((other) => app.reserve(other, zone.id, 1)));
      await assertInventoryHolds(app, [event.id], 1_000);
    });
  });
}
