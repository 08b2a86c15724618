import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingEvent } from '../../domain/booking';
import {
  bookingId,
  buyer,
  card,
  confirmed,
  expired,
  expiresAt,
  paymentId,
  paymentRequested,
  reserved,
} from '../../domain/booking/testing';
import type { PaymentEvent } from '../../domain/payment';
import { declined as failed, succeeded } from '../../domain/payment/testing';
import { react, type ReactOptions, type SagaInput } from './react';
import type { BookingSagaState } from './saga-state';

const options: ReactOptions = { expiryGraceMs: 5000, eventCancellation: null };

function run(events: SagaInput[], opts = options) {
  let state: BookingSagaState | undefined;
  const keys: string[] = [];
  const cancelled: string[] = [];
  let last: ReturnType<typeof react> | undefined;
  for (const event of events) {
    last = react(state, event, opts);
    state = last.state;
    keys.push(...last.schedule.map((s) => s.key));
    cancelled.push(...last.cancel);
  }
  return { state, keys, cancelled, last: last! };
}

describe('the booking saga', () => {
  it('schedules the hold timeout at its expiry plus the grace, and a charge for a payment request', () => {
    const { last } = run([reserved]);
    assert.deepEqual(last.schedule, [
      {
        key: 'expire',
        command: { type: 'ExpireHold', bookingId },
        dueAt: new Date(expiresAt.getTime() + 5000).toISOString(),
      },
    ]);
    const charge = run([reserved, paymentRequested]).last.schedule[0];
    assert.deepEqual(charge?.command, {
      type: 'RequestCharge',
      bookingId,
      paymentId,
      userId: buyer,
      amount: 300000,
      currency: 'THB',
      card,
    });
  });

  it('confirms on a succeeded payment and drops the hold timeout once confirmed', () => {
    const { keys, cancelled, state } = run([reserved, paymentRequested, succeeded, confirmed]);
    assert.deepEqual(keys, ['expire', `charge:${paymentId}`, `confirm:${paymentId}`]);
    assert.deepEqual(cancelled, ['expire']);
    assert.equal(state?.status, 'confirmed');
  });

  it('records a failed payment on the booking and leaves the hold', () => {
    const { last, state } = run([reserved, paymentRequested, failed]);
    assert.deepEqual(last.schedule[0]?.command, {
      type: 'RecordPaymentFailure',
      bookingId,
      paymentId,
      reason: 'DECLINED',
    });
    assert.equal(state?.status, 'reserved');
  });

  it('refunds in full a payment that succeeds after the hold expired, and never confirms it', () => {
    const { last } = run([reserved, paymentRequested, expired, succeeded]);
    assert.equal(last.schedule.length, 1);
    assert.deepEqual(last.schedule[0]?.command, {
      type: 'RequestRefund',
      bookingId,
      paymentId,
      refundId: `${bookingId}:refund:${paymentId}:full`,
      amount: 300000,
      currency: 'THB',
      reason: 'HOLD_ENDED',
    });
  });

  it('refunds a refused confirm under the same key as a late payment: one full refund per payment', () => {
    const refused: SagaInput = {
      type: 'ConfirmationRefused',
      data: { bookingId, paymentId, reason: 'EXPIRED', refusedAt: '2030-03-01T10:10:01.000Z' },
    };
    const { keys } = run([reserved, paymentRequested, succeeded, refused]);
    assert.equal(keys.at(-1), `refund:${paymentId}:full`);
  });

  it('returns the seats of a cancelled confirmed booking and refunds what the policy grants', () => {
    const cancelledWithRefund: BookingEvent = {
      type: 'BookingCancelled',
      data: {
        bookingId,
        reason: null,
        cancelledAt: '2030-03-01T11:00:00.000Z',
        by: buyer,
        refund: { paymentId, percent: 50, amount: 150000, currency: 'THB' },
      },
    };
    const { last } = run([reserved, paymentRequested, succeeded, confirmed, cancelledWithRefund]);
    assert.deepEqual(
      last.schedule.map((s) => s.command),
      [
        { type: 'ReturnSeats', bookingId },
        {
          type: 'RequestRefund',
          bookingId,
          paymentId,
          refundId: `${bookingId}:refund:${paymentId}:cancelled`,
          amount: 150000,
          currency: 'THB',
          reason: 'BOOKING_CANCELLED',
        },
      ],
    );
  });

  it('records a refund with the reason it was requested for', () => {
    const requested: PaymentEvent = {
      type: 'PaymentRefundRequested',
      data: {
        paymentId,
        bookingId,
        refundId: 'r1',
        amount: 300000,
        currency: 'THB',
        reason: 'HOLD_ENDED',
        requestedAt: 'x',
      },
    };
    const refunded: PaymentEvent = {
      type: 'PaymentRefunded',
      data: {
        paymentId,
        bookingId,
        refundId: 'r1',
        gatewayRefundId: 're_1',
        amount: 300000,
        currency: 'THB',
        refundedAt: 'x',
      },
    };
    const { last } = run([reserved, paymentRequested, expired, succeeded, requested, refunded]);
    assert.deepEqual(last.schedule[0]?.command, {
      type: 'RecordRefund',
      bookingId,
      paymentId,
      refundId: 'r1',
      amount: 300000,
      currency: 'THB',
      reason: 'HOLD_ENDED',
    });
  });

  it('closes at once a hold that lands in an event already cancelled', () => {
    const { last } = run([reserved], {
      ...options,
      eventCancellation: { by: 'organizer-1', reason: 'Venue flooded' },
    });
    assert.deepEqual(
      last.schedule.map((s) => [s.key, s.command]),
      [
        ['expire', { type: 'ExpireHold', bookingId }],
        [
          'event-cancelled',
          { type: 'CancelForEvent', bookingId, by: 'organizer-1', reason: 'Venue flooded' },
        ],
      ],
    );
  });

  it('decides nothing new when an event is delivered again', () => {
    const { state } = run([reserved]);
    assert.deepEqual(react(state, reserved, options).schedule, []);
  });
});
