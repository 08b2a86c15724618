// Given/when/then for the payment decider, and the fixtures its tests share.
import { deciderSpec } from '../shared/testing';
import { paymentDecider } from './decider';
import type { PaymentEvent, PaymentRefundRequested, PaymentRequested } from './events';

export const requestedAt = new Date('2030-03-01T10:00:30.000Z');
export const at = (offsetMs: number, from = requestedAt): Date => new Date(from.getTime() + offsetMs);
export const paymentId = '55555555-5555-4555-8555-555555555555';
export const bookingId = '44444444-4444-4444-8444-444444444444';
export const card = { token: 'tok_test', last4: '4242', brand: 'visa' };

export const requested: PaymentRequested = {
  type: 'PaymentRequested',
  data: {
    paymentId,
    bookingId,
    userId: 'customer-1',
    amount: 300000,
    currency: 'THB',
    card,
    requestedAt: requestedAt.toISOString(),
  },
};
export const succeeded: PaymentEvent = {
  type: 'PaymentSucceeded',
  data: {
    paymentId,
    bookingId,
    chargeId: 'ch_1',
    amount: 300000,
    currency: 'THB',
    succeededAt: at(1000).toISOString(),
  },
};
export const declined: PaymentEvent = {
  type: 'PaymentFailed',
  data: {
    paymentId,
    bookingId,
    reason: 'DECLINED',
    message: 'Your card was declined',
    attempts: 1,
    failedAt: at(1000).toISOString(),
  },
};
export const refundRequested = (refundId: string, amount: number): PaymentRefundRequested => ({
  type: 'PaymentRefundRequested',
  data: {
    paymentId,
    bookingId,
    refundId,
    amount,
    currency: 'THB',
    reason: 'BOOKING_CANCELLED',
    requestedAt: at(60_000).toISOString(),
  },
});
export const refunded = (refundId: string, amount: number): PaymentEvent => ({
  type: 'PaymentRefunded',
  data: {
    paymentId,
    bookingId,
    refundId,
    gatewayRefundId: `re_${refundId}`,
    amount,
    currency: 'THB',
    refundedAt: at(70_000).toISOString(),
  },
});

/** `given(...past).when(command).then(expected)`, `.thenNothing()` or `.thenFails(code)`. */
export const given = deciderSpec(paymentDecider);
