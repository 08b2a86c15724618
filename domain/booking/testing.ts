// Given/when/then for the booking decider, and the fixtures its tests share.
import { bookingId, card, paymentId } from '../payment/testing';
import { deciderSpec } from '../shared/testing';
import { bookingDecider } from './decider';
import type { BookingEvent, BookingReserved } from './events';

export const reservedAt = new Date('2030-03-01T10:00:00.000Z');
export const expiresAt = new Date('2030-03-01T10:10:00.000Z');
export const at = (offsetMs: number, from = reservedAt): Date => new Date(from.getTime() + offsetMs);
export { bookingId, card, paymentId };
export const buyer = 'customer-1';

export const reserved: BookingReserved = {
  type: 'BookingReserved',
  data: {
    bookingId,
    userId: buyer,
    eventId: '11111111-1111-4111-8111-111111111111',
    showId: '22222222-2222-4222-8222-222222222222',
    zoneId: '33333333-3333-4333-8333-333333333333',
    quantity: 2,
    unitPrice: 150000,
    totalPrice: 300000,
    currency: 'THB',
    expiresAt: expiresAt.toISOString(),
    reservedAt: reservedAt.toISOString(),
  },
};

export const paymentRequested: BookingEvent = {
  type: 'BookingPaymentRequested',
  data: {
    bookingId,
    paymentId,
    amount: 300000,
    currency: 'THB',
    card,
    requestedAt: at(30_000).toISOString(),
  },
};
export const confirmed: BookingEvent = {
  type: 'BookingConfirmed',
  data: { bookingId, confirmationCode: 'BR-7Q2K', confirmedAt: at(60_000).toISOString(), paymentId },
};
export const cancelled: BookingEvent = {
  type: 'BookingCancelled',
  data: { bookingId, reason: null, cancelledAt: at(60_000).toISOString(), by: buyer, refund: null },
};
export const expired: BookingEvent = {
  type: 'BookingExpired',
  data: { bookingId, expiredAt: expiresAt.toISOString() },
};
export const refunded: BookingEvent = {
  type: 'BookingRefunded',
  data: {
    bookingId,
    paymentId,
    refundId: 'refund-1',
    amount: 300000,
    currency: 'THB',
    reason: 'paid after the hold ended',
    refundedAt: at(60_000, expiresAt).toISOString(),
  },
};

/** `given(...past).when(command).then(expected)`, `.thenNothing()` or `.thenFails(code)`. */
export const given = deciderSpec(bookingDecider);
