import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notificationOf } from './notification-of-event';

const relayed = (type: string, data: Record<string, unknown>) => ({
  eventId: `evt-${type}`,
  type,
  streamId: 'booking-b1',
  revision: 3,
  data,
  metadata: {},
});

describe('notificationOf', () => {
  it('asks for the e-ticket when a booking is confirmed', () => {
    const at = '2026-11-24T10:00:00.000Z';
    assert.deepEqual(
      notificationOf(
        relayed('BookingConfirmed', { bookingId: 'b1', confirmationCode: 'BR-X', confirmedAt: at }),
      ),
      {
        bookingId: 'b1',
        type: 'booking-confirmed',
        sourceEventId: 'evt-BookingConfirmed',
        facts: { confirmationCode: 'BR-X', at },
      },
    );
  });

  it('asks for a receipt of the amount a succeeded payment charged', () => {
    const data = {
      paymentId: 'p1',
      bookingId: 'b1',
      chargeId: 'c',
      amount: 300000,
      currency: 'THB',
      succeededAt: 't',
    };
    assert.deepEqual(notificationOf(relayed('PaymentSucceeded', data)), {
      bookingId: 'b1',
      type: 'payment-receipt',
      sourceEventId: 'evt-PaymentSucceeded',
      facts: { paymentId: 'p1', money: { amount: 300000, currency: 'THB' }, at: 't' },
    });
  });

  it('maps expiry, cancellation (with what is owed back) and refunds', () => {
    assert.equal(
      notificationOf(relayed('BookingExpired', { bookingId: 'b1', expiredAt: 't' }))?.type,
      'hold-expired',
    );
    const cancelled = notificationOf(
      relayed('BookingCancelled', {
        bookingId: 'b1',
        reason: 'changed plans',
        cancelledAt: 't',
        by: 'u1',
        refund: { paymentId: 'p1', percent: 100, amount: 150000, currency: 'THB' },
      }),
    );
    assert.equal(cancelled?.type, 'booking-cancelled');
    assert.deepEqual(cancelled?.facts, {
      reason: 'changed plans',
      at: 't',
      money: { amount: 150000, currency: 'THB' },
    });
    const unpaid = notificationOf(
      relayed('BookingCancelled', { bookingId: 'b1', reason: null, cancelledAt: 't', by: 'u1' }),
    );
    assert.deepEqual(unpaid?.facts, { reason: null, at: 't' });
    const refunded = notificationOf(
      relayed('BookingRefunded', {
        bookingId: 'b1',
        paymentId: 'p1',
        amount: 500,
        currency: 'THB',
        reason: 'BOOKING_CANCELLED',
        refundedAt: 't',
      }),
    );
    assert.equal(refunded?.type, 'booking-refunded');
    assert.deepEqual(refunded?.facts.money, { amount: 500, currency: 'THB' });
  });

  it('ignores events nobody is e-mailed about', () => {
    for (const type of [
      'BookingReserved',
      'BookingPaymentRequested',
      'PaymentRequested',
      'PaymentFailed',
      'PaymentRefunded',
    ])
      assert.equal(notificationOf(relayed(type, { bookingId: 'b1' })), undefined, type);
  });
});
