// A payment's confirm racing the expiry sweeper at a hold's deadline: for every booking exactly one of
// them wins, in the actor and in the log alike, and the loser is told so.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import type { ConfirmOutcome } from '../../command-side/booking';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { BookingTokens } from '../../infra/roles/modules/booking-tokens';
import { InventoryTokens } from '../../infra/roles/modules/inventory-tokens';
import {
  inventories,
  openBookingApp,
  requestPaymentDirectly,
  waitFor,
  type BookingApp,
} from '../booking/harness';
import { assertInventoryHolds, bookingHistories, OwnRedis } from './support';

const bookings = 50;
// Confirms start from 21 ms before to 3 ms after each deadline, in 3 ms steps; with the read of the booking
// and the delay below, some reach the actor well before the deadline, some just after the sweeper.
const offsetMs = (index: number) => ((index % 9) - 7) * 3;
const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

// The actor's confirm reaching the actor `delayMs` after the confirm read the clock (a slow link to Redis,
// a busy event loop): a confirm decided just before the deadline may meet the sweeper's release there.
const slowConfirms = new Map<string, number>();
const slowActorConfirms = new ContainerModule(({ onActivation }) => {
  onActivation(
    InventoryTokens.Actor,
    (_context, actor): InventoryActor =>
      new Proxy(actor, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (typeof value !== 'function') return value;
          if (property !== 'confirm') return (value as (...a: unknown[]) => unknown).bind(target);
          return async (input: Parameters<InventoryActor['confirm']>[0]) => {
            const delayMs = slowConfirms.get(input.bookingId);
            if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
            return target.confirm(input);
          };
        },
      }),
  );
});
// 0–24 ms, crossed with the offsets above (9 and 5 share no factor) over the 50 bookings.
const confirmDelayMs = (index: number) => (index % 5) * 6;

for (const inventory of inventories) {
  describe(`confirm racing expiry at the deadline (${inventory} inventory)`, () => {
    let app: BookingApp;
    let redis: OwnRedis | undefined;
    before(async () => {
      redis = inventory === 'redis' ? await OwnRedis.start() : undefined;
      app = await openBookingApp({
        saga: 'off',
        inventory,
        ttlSeconds: 1,
        // A sweep every 10 ms: the sweeper is at the deadline as often as the confirms are.
        env: { EXPIRY_SWEEP_INTERVAL_MS: '10', ...(redis ? { REDIS_URL: redis.url } : {}) },
        modules: [slowActorConfirms],
      });
    });
    after(async () => {
      await app?.close();
      await redis?.kill();
    });

    it(`lets exactly one of confirm and expiry win for each of ${bookings} staggered holds and tells the loser`, async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: bookings, maxTicketsPerUser: 1 });
      const lifecycle = await app.running.container.getAsync(BookingTokens.Lifecycle);
      const buyers = await Promise.all(Array.from({ length: bookings }, () => app.person()));
      // Five waves of ten: the deadlines are staggered by however long each wave takes.
      const held: { id: string; expiresAt: number; paymentId: string }[] = [];
      for (let wave = 0; wave < bookings; wave += 10) {
        const replies = await Promise.all(
          buyers.slice(wave, wave + 10).map((buyer) => app.reserve(buyer, zone.id, 1)),
        );
        for (const reply of replies) {
          assert.equal(reply.status, 201, JSON.stringify(reply.body));
          const paymentId = await requestPaymentDirectly(lifecycle, reply.body.data);
          held.push({ id: reply.body.data.id, expiresAt: Date.parse(reply.body.data.expiresAt), paymentId });
        }
      }

      held.forEach((booking, index) => slowConfirms.set(booking.id, confirmDelayMs(index)));
      const outcomes = await Promise.all(
        held.map(async (booking, index) => {
          // The confirm is scheduled for its moment: when it runs is what this test varies.
          await until(booking.expiresAt + offsetMs(index));
          return lifecycle.confirm({
            bookingId: booking.id,
            paymentId: booking.paymentId,
            confirmationCode: `BR-RACE-${index}`,
            metadata: { correlationId: randomUUID(), userId: 'system:test-payments' },
          });
        }),
      );

      // Every booking ends in the log: reserved, payment requested, then confirmed or expired (the
      // sweeper's BookingExpired may trail its release a little).
      let histories = await bookingHistories(app);
      await waitFor(async () => {
        histories = await bookingHistories(app);
        return held.every((booking) => (histories.get(booking.id)?.length ?? 0) >= 3);
      }, 5_000).catch(() => undefined);

      const won = (outcome: ConfirmOutcome) => outcome.ok;
      let confirmedSeats = 0;
      let toldByTheActor = 0;
      held.forEach((booking, index) => {
        const outcome = outcomes[index]!;
        const history = histories.get(booking.id);
        const told = JSON.stringify({ offsetMs: offsetMs(index), outcome, history });
        if (won(outcome)) {
          assert.equal(outcome.booking.status, 'confirmed', told);
          assert.deepEqual(history, ['BookingReserved', 'BookingPaymentRequested', 'BookingConfirmed'], told);
          confirmedSeats++;
        } else {
          assert.ok(outcome.reason === 'EXPIRED' || outcome.reason === 'NOT_HELD', told);
          // A loser whose read still saw a live hold lost at the actor, to the sweeper's release.
          if (outcome.booking.status === 'reserved') toldByTheActor++;
          assert.deepEqual(history, ['BookingReserved', 'BookingPaymentRequested', 'BookingExpired'], told);
        }
      });
      // The race was run: both sides won somewhere.
      assert.ok(
        confirmedSeats > 0 && confirmedSeats < bookings,
        `confirm won ${confirmedSeats} of ${bookings}`,
      );
      assert.ok(toldByTheActor > 0, 'no confirm met the sweeper at the actor; the race was not run');

      // The actor agrees booking by booking: sold seats are the confirms' wins, the rest are free again.
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.deepEqual(
        { confirmed: counter?.confirmed, held: counter?.held, available: counter?.available },
        { confirmed: confirmedSeats, held: 0, available: bookings - confirmedSeats },
      );
      // A confirm that won stays won: confirming it again is a replay, not a second sale.
      const winner = held.findIndex((_, index) => outcomes[index]!.ok);
      const replay = await lifecycle.confirm({
        bookingId: held[winner]!.id,
        paymentId: held[winner]!.paymentId,
        confirmationCode: 'BR-AGAIN',
        metadata: { correlationId: randomUUID() },
      });
      assert.equal(replay.ok && replay.replayed, true);
      const loser = held.findIndex((_, index) => !outcomes[index]!.ok);
      const late = await lifecycle.confirm({
        bookingId: held[loser]!.id,
        paymentId: held[loser]!.paymentId,
        confirmationCode: 'BR-LATE',
        metadata: { correlationId: randomUUID() },
      });
      assert.deepEqual([late.ok, !late.ok && late.reason], [false, 'EXPIRED']);
      await assertInventoryHolds(app, [event.id]);
    });
  });
}
