// Fixtures for the tests of inventory recovery, the invariant checker and the expiry sweeper.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bookingStreamId, type BookingEvent, type BookingReserved } from '../../domain/booking';
import { eventStreamId, type ZoneCreated, type ZoneUpdated } from '../../domain/catalog';
import type { EventStore } from '../../infra/ports/event-store';
import type { Hold, InventoryActor } from '../../infra/ports/inventory-actor';

const at = (ms: number) => new Date(ms).toISOString();

export function zoneCreated(eventId: string, zoneId: string, capacity: number): ZoneCreated {
  const data = {
    eventId,
    showId: `${eventId}-show`,
    zoneId,
    name: 'Floor',
    price: 2500,
    currency: 'EUR',
    capacity,
    occurredAt: at(0),
  };
  return { type: 'ZoneCreated', data };
}

export function zoneUpdated(zone: ZoneCreated, capacity: number): ZoneUpdated {
  return { type: 'ZoneUpdated', data: { ...zone.data, previousCapacity: zone.data.capacity, capacity } };
}

export function reservedEvent(hold: Hold, reservedAt = hold.expiresAt - 60_000): BookingReserved {
  const { bookingId, userId, eventId, zoneId, quantity, unitPrice, currency } = hold;
  const data = {
    bookingId,
    userId,
    eventId,
    showId: `${eventId}-show`,
    zoneId,
    quantity,
    unitPrice,
    totalPrice: unitPrice * quantity,
    currency,
    expiresAt: at(hold.expiresAt),
    reservedAt: at(reservedAt),
  };
  return { type: 'BookingReserved', data };
}

export const confirmedEvent = (bookingId: string): BookingEvent => ({
  type: 'BookingConfirmed',
  data: { bookingId, confirmationCode: 'BR-TEST', confirmedAt: at(0) },
});
export const cancelledEvent = (bookingId: string, by: string): BookingEvent => ({
  type: 'BookingCancelled',
  data: { bookingId, reason: null, cancelledAt: at(0), by },
});
export const expiredEvent = (bookingId: string): BookingEvent => ({
  type: 'BookingExpired',
  data: { bookingId, expiredAt: at(0) },
});
export const paymentRequestedEvent = (bookingId: string): BookingEvent => ({
  type: 'BookingPaymentRequested',
  data: {
    bookingId,
    paymentId: `payment-${bookingId}`,
    amount: 2500,
    currency: 'EUR',
    card: { token: 'tok_test', last4: '4242', brand: 'visa' },
    requestedAt: at(0),
  },
});
export const paymentFailedEvent = (bookingId: string): BookingEvent => ({
  type: 'BookingPaymentFailed',
  data: { bookingId, paymentId: `payment-${bookingId}`, reason: 'DECLINED', failedAt: at(0) },
});
export const refundedEvent = (bookingId: string): BookingEvent => ({
  type: 'BookingRefunded',
  data: { bookingId, paymentId: 'payment-1', amount: 0, currency: 'EUR', reason: 'test', refundedAt: at(0) },
});

export type ZoneRef = { eventId: string; zoneId: string };

/** A new zone in the log (its ZoneCreated appended), without any counter in the actor. */
export async function zoneInLog(store: EventStore, capacity: number): Promise<ZoneRef> {
  const eventId = randomUUID();
  const zoneId = randomUUID();
  await store.append(eventStreamId(eventId), [zoneCreated(eventId, zoneId, capacity)]);
  return { eventId, zoneId };
}

/** The hot path in miniature: one hold in the actor, then its BookingReserved in the log. */
export async function reserve(
  store: EventStore,
  actor: InventoryActor,
  zone: ZoneRef,
  options: { quantity: number; now: number; ttlMs: number; userId?: string },
): Promise<Hold> {
  const bookingId = randomUUID();
  const result = await actor.hold({
    ...zone,
    bookingId,
    idempotencyKey: bookingId,
    userId: options.userId ?? randomUUID(),
    quantity: options.quantity,
    unitPrice: 2500,
    currency: 'EUR',
    maxPerUser: 10,
    ttlMs: options.ttlMs,
    now: options.now,
  });
  assert.ok(result.ok, `expected a hold, got ${JSON.stringify(result)}`);
  await store.append(bookingStreamId(bookingId), [reservedEvent(result.hold, options.now)], 'no_stream');
  return result.hold;
}

/** A hold confirmed in the actor and in the log. */
export async function confirm(
  store: EventStore,
  actor: InventoryActor,
  hold: Hold,
  now: number,
): Promise<void> {
  assert.deepEqual(await actor.confirm({ eventId: hold.eventId, bookingId: hold.bookingId, now }), {
    ok: true,
  });
  await store.append(bookingStreamId(hold.bookingId), [confirmedEvent(hold.bookingId)], 0);
}
