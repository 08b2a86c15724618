import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import { bookingStreamId, type BookingCancelled, type BookingView } from '../../domain/booking';
import { AppError } from '../../domain/shared';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import type { EventStore } from '../../infra/ports/event-store';
import { storeAndActorPerSuite } from '../../infra/testing';
import type { ZoneForSale } from '../catalog';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { BookingLifecycle } from './booking-lifecycle';
import { payBooking, type CardTokenizer } from './pay-booking';
import { SeatReservations } from './reserve-seats';

const day = 24 * 60 * 60 * 1000;
const ttlMs = 600_000;
const saleOpens = new Date('2030-03-01T10:00:00.000Z');
const showStartsAt = new Date(saleOpens.getTime() + 5 * day);
const metadata = { correlationId: 'test' };
const card = { token: 'tok_test', last4: '4242', brand: 'visa' };

/** The store as the handlers see it, telling how often they read a stream and appended. */
function counted(store: EventStore) {
  const calls = { readStream: 0, append: 0 };
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (property !== 'readStream' && property !== 'append') return method;
      return (...args: unknown[]) => {
        calls[property]++;
        return method(...args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('the booking handlers on the in-process actor and the embedded store', () => {
  let raw: EventStore;
  let actor: InventoryActor;
  storeAndActorPerSuite(
    async () => new InProcessInventoryActor(),
    (opened) => ({ store: raw, actor } = opened),
  );

  const clock = { now: saleOpens };
  let zone: ZoneForSale;
  let calls: { readStream: number; append: number };
  let reservations: SeatReservations;
  let holdsCounted: string[];
  let lifecycle: BookingLifecycle;
  let tokenized: number;
  const tokenizer: CardTokenizer = {
    async tokenize(cardNumber) {
      tokenized++;
      return cardNumber === '4242424242424242' ? { ok: true, card } : { ok: false, reason: 'INVALID_CARD' };
    },
  };

  beforeEach(async () => {
    clock.now = new Date(saleOpens.getTime() + 60_000);
    tokenized = 0;
    zone = {
      eventId: randomUUID(),
      showId: randomUUID(),
      zoneId: randomUUID(),
      name: 'Floor',
      price: 1000,
      currency: 'THB',
      capacity: 5,
      eventStatus: 'published',
      saleStartsAt: saleOpens.toISOString(),
      saleEndsAt: showStartsAt.toISOString(),
      showStartsAt: showStartsAt.toISOString(),
      maxTicketsPerUser: 4,
    };
    await actor.provisionZone({ eventId: zone.eventId, zoneId: zone.zoneId, capacity: zone.capacity });
    const counting = counted(raw);
    calls = counting.calls;
    const store = counting.store;
    const now = () => clock.now;
    holdsCounted = [];
    reservations = new SeatReservations({
      store,
      actor,
      catalog: { zone: (id) => (id === zone.zoneId ? zone : undefined) },
      holdTtlMs: ttlMs,
      clock: now,
      metrics: { hold: (outcome, reason) => holdsCounted.push(`${outcome}:${reason}`) },
    });
    lifecycle = new BookingLifecycle({ store, actor, clock: now, showStartOf: () => zone.showStartsAt });
  });

  /** What `work` cost in stream reads and appends. */
  async function cost<T>(work: () => Promise<T>): Promise<{ result: T; reads: number; appends: number }> {
    const [reads, appends] = [calls.readStream, calls.append];
    const result = await work();
    return { result, reads: calls.readStream - reads, appends: calls.append - appends };
  }

  const counts = async () => {
    const snapshot = await actor.snapshot(zone);
    return [snapshot?.available, snapshot?.held, snapshot?.confirmed];
  };
  const typesOf = async (bookingId: string) =>
    (await raw.readStream(bookingStreamId(bookingId))).map((event) => event.type);

  async function held(quantity = 2, userId: string = randomUUID()): Promise<BookingView> {
    const request = { userId, zoneId: zone.zoneId, quantity, idempotencyKey: randomUUID(), metadata };
    const reservation = await reservations.reserve(request);
    assert.ok(reservation.ok, JSON.stringify(reservation));
    return reservation.booking;
  }

  async function paid(booking: BookingView): Promise<string> {
    const input = { userId: booking.userId, bookingId: booking.id, cardNumber: '4242424242424242', metadata };
    const { result, reads, appends } = await cost(() => payBooking({ lifecycle, tokenizer }, input));
    assert.deepEqual([reads, appends], [1, 1], 'a payment request reads the booking once and appends once');
    return result.paymentId;
  }

  const confirm = (booking: BookingView, paymentId: string, confirmationCode = 'BR-TEST') =>
    cost(() => lifecycle.confirm({ bookingId: booking.id, paymentId, confirmationCode, metadata }));

  const refusedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

  describe('reserve', () => {
    it('holds the seats and appends BookingReserved without reading the stream', async () => {
      const userId = randomUUID();
      const request = { userId, zoneId: zone.zoneId, quantity: 2, idempotencyKey: randomUUID(), metadata };
      const { result, reads, appends } = await cost(() => reservations.reserve(request));
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual([reads, appends], [0, 1]);
      assert.deepEqual(
        [result.booking.status, result.booking.totalPrice, result.booking.expiresAt],
        ['reserved', 2000, new Date(clock.now.getTime() + ttlMs).toISOString()],
      );
      assert.deepEqual(await typesOf(result.booking.id), ['BookingReserved']);
      assert.deepEqual(await counts(), [3, 2, 0]);
    });

    it('answers a repeated key with the first booking, holding and appending nothing more', async () => {
      const request = {
        userId: randomUUID(),
        zoneId: zone.zoneId,
        quantity: 2,
        idempotencyKey: randomUUID(),
        metadata,
      };
      const first = await reservations.reserve(request);
      clock.now = new Date(clock.now.getTime() + 5_000);
      const again = await reservations.reserve(request);
      assert.ok(first.ok && again.ok);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.booking, first.booking);
      assert.deepEqual(await typesOf(first.booking.id), ['BookingReserved']);
      assert.deepEqual(await counts(), [3, 2, 0]);
    });

    it('rejects more seats than are left, and records nothing', async () => {
      await held(4);
      const bookingId = randomUUID();
      const sold = new SeatReservations({
        store: raw,
        actor,
        catalog: { zone: () => zone },
        holdTtlMs: ttlMs,
        clock: () => clock.now,
        newBookingId: () => bookingId,
      });
      const request = {
        userId: randomUUID(),
        zoneId: zone.zoneId,
        quantity: 2,
        idempotencyKey: 'k',
        metadata,
      };
      const { result, reads, appends } = await cost(() => sold.reserve(request));
      assert.equal(!result.ok && result.error.code, 'INSUFFICIENT_SEATS');
      assert.deepEqual([reads, appends], [0, 0]);
      assert.equal(await raw.streamExists(bookingStreamId(bookingId)), false);
      assert.deepEqual(await counts(), [1, 4, 0]);
    });

    it('counts each hold by outcome and refusal reason, and a replayed answer not again', async () => {
      const request = {
        userId: randomUUID(),
        zoneId: zone.zoneId,
        quantity: 3,
        idempotencyKey: 'a',
        metadata,
      };
      assert.ok((await reservations.reserve(request)).ok);
      assert.ok((await reservations.reserve(request)).ok, 'the same key answers the first hold');
      const tooMany = { ...request, userId: randomUUID(), idempotencyKey: 'b' };
      assert.equal((await reservations.reserve(tooMany)).ok, false);
      assert.deepEqual(holdsCounted, ['held:none', 'rejected:INSUFFICIENT_SEATS']);
    });

    it('rejects a fifth ticket for the same buyer and event, in one request or across holds', async () => {
      const userId = randomUUID();
      const request = { userId, zoneId: zone.zoneId, quantity: 5, idempotencyKey: randomUUID(), metadata };
      await assert.rejects(reservations.reserve(request), refusedWith('TICKET_LIMIT_EXCEEDED'));
      await held(3, userId);
      const second = await reservations.reserve({ ...request, quantity: 2, idempotencyKey: randomUUID() });
      assert.equal(!second.ok && second.error.code, 'TICKET_LIMIT_EXCEEDED');
      assert.deepEqual(await counts(), [2, 3, 0]);
    });
  });

  describe('pay and confirm', () => {
    it('confirms a paid hold: the actor sells the seats, one read and one append', async () => {
      const booking = await held();
      const paymentId = await paid(booking);
      const { result, reads, appends } = await confirm(booking, paymentId);
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(
        [result.replayed, result.booking.status, result.booking.confirmationCode],
        [false, 'confirmed', 'BR-TEST'],
      );
      assert.equal(result.booking.payment?.status, 'succeeded');
      assert.deepEqual([reads, appends], [1, 1]);
      assert.deepEqual(await typesOf(booking.id), [
        'BookingReserved',
        'BookingPaymentRequested',
        'BookingConfirmed',
      ]);
      assert.deepEqual(await counts(), [3, 0, 2]);
    });

    it('answers a repeated confirm of the same payment as replayed, moving and appending nothing', async () => {
      const booking = await held();
      const paymentId = await paid(booking);
      await confirm(booking, paymentId, 'BR-FIRST');
      const { result, reads, appends } = await confirm(booking, paymentId, 'BR-AGAIN');
      assert.deepEqual(
        [result.ok, result.ok && result.replayed, result.booking.confirmationCode],
        [true, true, 'BR-FIRST'],
      );
      assert.deepEqual([reads, appends], [1, 0]);
      assert.deepEqual(await counts(), [3, 0, 2]);
    });

    it('refuses to confirm a hold that lapsed; its expiry then gives the seats back', async () => {
      const booking = await held();
      const paymentId = await paid(booking);
      clock.now = new Date(Date.parse(booking.expiresAt));
      const { result, reads, appends } = await confirm(booking, paymentId);
      assert.deepEqual(
        [result.ok, !result.ok && result.reason, result.booking.status],
        [false, 'EXPIRED', 'expired'],
      );
      assert.deepEqual([reads, appends], [1, 0]);
      assert.deepEqual(await counts(), [3, 2, 0], 'the hold is the sweeper’s to release');
      const expired = await cost(() => lifecycle.expireIfDue({ bookingId: booking.id, metadata }));
      assert.deepEqual([expired.result, expired.reads, expired.appends], [true, 1, 1]);
      assert.deepEqual(await counts(), [5, 0, 0]);
      assert.deepEqual(await typesOf(booking.id), [
        'BookingReserved',
        'BookingPaymentRequested',
        'BookingExpired',
      ]);
    });

    it('gives the sold seats back when a cancel reaches the log between its read and its append', async () => {
      const booking = await held();
      const paymentId = await paid(booking);
      let raced = false;
      const racing = new Proxy(raw, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (property !== 'append') return typeof value === 'function' ? value.bind(target) : value;
          return async (...args: Parameters<EventStore['append']>) => {
            if (!raced && args[1].some((event) => event.type === 'BookingConfirmed')) {
              raced = true;
              const { userId, id: bookingId } = booking;
              await lifecycle.cancel({ userId, bookingId, reason: null, metadata });
            }
            return target.append(...args);
          };
        },
      });
      const warnings: string[] = [];
      const counting = counted(racing);
      const racer = new BookingLifecycle({
        store: counting.store,
        actor,
        clock: () => clock.now,
        onWarning: (message) => warnings.push(message),
      });
      const result = await racer.confirm({
        bookingId: booking.id,
        paymentId,
        confirmationCode: 'BR-X',
        metadata,
      });
      assert.deepEqual(
        [result.ok, !result.ok && result.reason, result.booking.status],
        [false, 'CANCELLED', 'cancelled'],
      );
      assert.equal(counting.calls.readStream, 2, 'its read, and the read again after the conflict');
      assert.equal(warnings.length, 1);
      assert.deepEqual(await typesOf(booking.id), [
        'BookingReserved',
        'BookingPaymentRequested',
        'BookingCancelled',
      ]);
      assert.deepEqual(await counts(), [5, 0, 0]);
    });

    it('refuses a payment that is not the one in flight, touching no seat', async () => {
      const booking = await held();
      await paid(booking);
      const { result, appends } = await confirm(booking, randomUUID());
      assert.deepEqual([result.ok, !result.ok && result.reason], [false, 'NOT_PAYMENT_IN_FLIGHT']);
      assert.equal(appends, 0);
      assert.deepEqual(await counts(), [3, 2, 0]);
    });

    it('hides the booking from anyone but its owner before the card is looked at', async () => {
      const booking = await held();
      const input = { userId: randomUUID(), bookingId: booking.id, cardNumber: '1', metadata };
      await assert.rejects(payBooking({ lifecycle, tokenizer }, input), refusedWith('NOT_FOUND'));
      assert.equal(tokenized, 0);
      await assert.rejects(
        payBooking({ lifecycle, tokenizer }, { ...input, userId: booking.userId }),
        refusedWith('VALIDATION_ERROR'),
      );
    });

    it('refuses a bad card number in words for the buyer, naming the field for clients', async () => {
      const booking = await held();
      const input = { userId: booking.userId, bookingId: booking.id, cardNumber: '1', metadata };
      await assert.rejects(payBooking({ lifecycle, tokenizer }, input), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'VALIDATION_ERROR');
        assert.equal(error.message, 'That card number is not valid. Check the digits and try again.');
        assert.deepEqual(error.details, [
          { field: 'cardNumber', reasons: ['not a valid card number (Luhn check failed)'] },
        ]);
        return true;
      });
    });
  });

  describe('cancel', () => {
    it('cancels a live hold without a refund and releases its seats: one read, one append', async () => {
      const booking = await held();
      const { result, reads, appends } = await cost(() =>
        lifecycle.cancel({
          userId: booking.userId,
          bookingId: booking.id,
          reason: 'changed plans',
          metadata,
        }),
      );
      assert.deepEqual([result.status, result.refundDue], ['cancelled', null]);
      assert.deepEqual([reads, appends], [1, 1]);
      assert.deepEqual(await counts(), [5, 0, 0]);
      await assert.rejects(
        lifecycle.cancel({ userId: booking.userId, bookingId: booking.id, reason: null, metadata }),
        refusedWith('INVALID_STATE'),
      );
      assert.deepEqual(await typesOf(booking.id), ['BookingReserved', 'BookingCancelled']);
      assert.deepEqual(await counts(), [5, 0, 0]);
    });

    it('cancels a confirmed booking with the policy’s refund and returns its sold seats once', async () => {
      const booking = await held();
      const paymentId = await paid(booking);
      await confirm(booking, paymentId);
      const { result, reads, appends } = await cost(() =>
        lifecycle.cancel({ userId: booking.userId, bookingId: booking.id, reason: null, metadata }),
      );
      // Five days before the show: half of the 2000 paid.
      const refund = { paymentId, percent: 50, amount: 1000, currency: 'THB' };
      assert.deepEqual([result.status, result.refundDue], ['cancelled', refund]);
      assert.deepEqual([reads, appends], [1, 1]);
      const [, cancelled] = (await raw.readStream(bookingStreamId(booking.id))).slice(-2);
      assert.deepEqual((cancelled?.data as BookingCancelled['data']).refund, refund);
      assert.deepEqual(await counts(), [5, 0, 0]);
      const again = await cost(() => lifecycle.returnSeats(booking.id));
      assert.deepEqual([again.result, again.reads], [false, 1], 'already returned');
      assert.deepEqual(await counts(), [5, 0, 0]);
    });

    it('answers NOT_FOUND to anyone but the owner, and changes nothing', async () => {
      const booking = await held();
      await assert.rejects(
        lifecycle.cancel({ userId: randomUUID(), bookingId: booking.id, reason: null, metadata }),
        refusedWith('NOT_FOUND'),
      );
      assert.deepEqual(await typesOf(booking.id), ['BookingReserved']);
      assert.deepEqual(await counts(), [3, 2, 0]);
    });
  });
});
