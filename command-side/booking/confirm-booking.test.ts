import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ShowStartedError, bookingStreamId } from '../../domain/booking';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { storeAndActorPerSuite } from '../../infra/testing';
import { BookingLifecycle } from './booking-lifecycle';

const reservedAt = new Date('2030-03-01T10:00:00.000Z');
const ttlMs = 600_000;
const card = { token: 'tok_test', last4: '4242', brand: 'visa' };
const metadata = { correlationId: 'test' };

/** A store whose next append of `type` fails once, as a lost answer would. */
function failingOnce(store: EventStore, type: string): EventStore {
  let armed = true;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'append') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<EventStore['append']>) => {
        if (armed && args[1].some((event) => event.type === type)) {
          armed = false;
          throw new Error('connection lost');
        }
        return target.append(...args);
      };
    },
  });
}

describe('confirming a booking whose first confirm lost its append after the actor confirmed', () => {
  let store: EventStore;
  let actor: InventoryActor;
  storeAndActorPerSuite(
    async () => new InProcessInventoryActor(),
    (opened) => ({ store, actor } = opened),
  );

  async function paidHold(now: { value: Date }, showStartsAt?: Date) {
    const eventId = randomUUID();
    const zoneId = randomUUID();
    await actor.provisionZone({ eventId, zoneId, capacity: 5 });
    const bookingId = randomUUID();
    const userId = randomUUID();
    const hold = await actor.hold({
      bookingId,
      eventId,
      zoneId,
      userId,
      quantity: 2,
      unitPrice: 1000,
      currency: 'THB',
      idempotencyKey: bookingId,
      maxPerUser: 4,
      ttlMs,
      now: reservedAt.getTime(),
    });
    assert.equal(hold.ok, true);
    const expiresAt = new Date(reservedAt.getTime() + ttlMs).toISOString();
    const data = { bookingId, userId, eventId, showId: randomUUID(), zoneId, quantity: 2, unitPrice: 1000 };
    await store.append(bookingStreamId(bookingId), [
      {
        type: 'BookingReserved',
        data: { ...data, totalPrice: 2000, currency: 'THB', expiresAt, reservedAt: reservedAt.toISOString() },
      },
    ]);
    const lifecycle = (s: EventStore) =>
      new BookingLifecycle({
        store: s,
        actor,
        clock: () => now.value,
        ...(showStartsAt ? { showStartOf: () => showStartsAt.toISOString() } : {}),
      });
    const paymentId = randomUUID();
    await lifecycle(store).requestPayment({ userId, bookingId, paymentId, card, metadata });
    return { eventId, zoneId, bookingId, userId, paymentId, lifecycle };
  }

  it('confirms on the retry: the actor answers its first confirm again and nothing moves twice', async () => {
    const now = { value: new Date(reservedAt.getTime() + 60_000) };
    const { eventId, zoneId, bookingId, paymentId, lifecycle } = await paidHold(now);
    const confirm = { bookingId, paymentId, confirmationCode: 'BR-FIRST', metadata };
    await assert.rejects(
      lifecycle(failingOnce(store, 'BookingConfirmed')).confirm(confirm),
      /connection lost/,
    );
    const retried = await lifecycle(store).confirm({ ...confirm, confirmationCode: 'BR-RETRY' });
    assert.equal(retried.ok, true, JSON.stringify(retried));
    assert.equal(retried.booking.status, 'confirmed');
    const counter = await actor.snapshot({ eventId, zoneId });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [3, 0, 2]);
  });

  it('gives the seats back when the retry comes after the hold lapsed, and says so', async () => {
    const now = { value: new Date(reservedAt.getTime() + 60_000) };
    const { eventId, zoneId, bookingId, paymentId, lifecycle } = await paidHold(now);
    const confirm = { bookingId, paymentId, confirmationCode: 'BR-FIRST', metadata };
    await assert.rejects(
      lifecycle(failingOnce(store, 'BookingConfirmed')).confirm(confirm),
      /connection lost/,
    );
    now.value = new Date(reservedAt.getTime() + ttlMs + 1);
    const retried = await lifecycle(store).confirm(confirm);
    assert.deepEqual([retried.ok, !retried.ok && retried.reason], [false, 'EXPIRED']);
    const counter = await actor.snapshot({ eventId, zoneId });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [5, 0, 0]);
  });

  it('refuses to pay, and to confirm a payment that lands, once the show has begun; the seats go back', async () => {
    const now = { value: new Date(reservedAt.getTime() + 60_000) };
    const showStartsAt = new Date(reservedAt.getTime() + 120_000);
    const { eventId, zoneId, bookingId, userId, paymentId, lifecycle } = await paidHold(now, showStartsAt);
    now.value = showStartsAt;
    const confirmed = await lifecycle(store).confirm({
      bookingId,
      paymentId,
      confirmationCode: 'BR-LATE',
      metadata,
    });
    assert.deepEqual([confirmed.ok, !confirmed.ok && confirmed.reason], [false, 'SHOW_STARTED']);
    assert.equal(confirmed.booking.status, 'reserved', 'the saga refunds; nothing was sold');
    const counter = await actor.snapshot({ eventId, zoneId });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [5, 0, 0], 'never sold');
    await lifecycle(store).recordPaymentFailure({ bookingId, paymentId, reason: 'DECLINED', metadata });
    await assert.rejects(
      lifecycle(store).requestPayment({ userId, bookingId, paymentId: randomUUID(), card, metadata }),
      (error: unknown) =>
        error instanceof ShowStartedError &&
        error.code === 'INVALID_STATE' &&
        /show has begun/.test(error.message),
    );
  });
});
