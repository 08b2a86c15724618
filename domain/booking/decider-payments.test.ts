import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingEvent } from './events';
import { refundAmount, refundPercent } from './refund-policy';
import {
  at,
  bookingId,
  buyer,
  card,
  cancelled,
  confirmed,
  expired,
  expiresAt,
  given,
  paymentId,
  paymentRequested,
  reserved,
} from './testing';

const day = 24 * 60 * 60 * 1000;
const pay = (now: Date, userId = buyer, id = paymentId) =>
  ({ type: 'RequestPayment', userId, paymentId: id, card, now }) as const;
const failed = (now: Date, id = paymentId) =>
  ({ type: 'RecordPaymentFailure', paymentId: id, reason: 'DECLINED', now }) as const;
const paymentFailed: BookingEvent = {
  type: 'BookingPaymentFailed',
  data: { bookingId, paymentId, reason: 'DECLINED', failedAt: at(40_000).toISOString() },
};
const cancelConfirmed = (now: Date, showStartsAt: Date) =>
  ({ type: 'Cancel', userId: buyer, reason: 'cannot come', now, showStartsAt }) as const;
const cancelledWith = (now: Date, refund: unknown): BookingEvent =>
  ({
    type: 'BookingCancelled',
    data: { bookingId, reason: 'cannot come', cancelledAt: now.toISOString(), by: buyer, refund },
  }) as BookingEvent;

describe('the booking decider with payments', () => {
  it('records a payment request for the booking total, never an amount from outside', () => {
    given(reserved)
      .when(pay(at(30_000)))
      .then([paymentRequested]);
  });

  it('refuses a second payment while one is in flight, and any payment of an ended or lapsed hold', () => {
    given(reserved, paymentRequested)
      .when(pay(at(31_000), buyer, 'other'))
      .thenFails('INVALID_STATE');
    for (const ended of [confirmed, cancelled, expired])
      given(reserved, paymentRequested, ended)
        .when(pay(at(90_000), buyer, 'other'))
        .thenFails('INVALID_STATE');
    given(reserved).when(pay(expiresAt)).thenFails('INVALID_STATE');
  });

  it('hides the booking from anyone but its owner', () => {
    given(reserved)
      .when(pay(at(30_000), 'customer-2'))
      .thenFails('NOT_FOUND');
  });

  it('lets the buyer pay again after a failed payment, while the hold lasts', () => {
    given(reserved, paymentRequested)
      .when(failed(at(40_000)))
      .then([paymentFailed]);
    given(reserved, paymentRequested, paymentFailed)
      .when(pay(at(50_000), buyer, 'second'))
      .then([
        {
          type: 'BookingPaymentRequested',
          data: { ...paymentRequested.data, paymentId: 'second', requestedAt: at(50_000).toISOString() },
        } as BookingEvent,
      ]);
  });

  it('ignores a failure of a payment that is not in flight (a redelivery)', () => {
    given(reserved, paymentRequested, paymentFailed)
      .when(failed(at(41_000)))
      .thenNothing();
  });

  describe('a show that begins while the hold lasts', () => {
    const showStartsAt = at(90_000);
    const requestedBeforeShow: BookingEvent = {
      type: 'BookingPaymentRequested',
      data: { ...paymentRequested.data, showStartsAt: showStartsAt.toISOString() },
    } as BookingEvent;
    const showStarted = (booking: { status: string }) => ({
      bookingId,
      status: booking.status,
      showStartsAt: showStartsAt.toISOString(),
    });

    it('records the show start with the payment request, so that a late confirm can be refused', () => {
      given(reserved)
        .when({ ...pay(at(30_000)), showStartsAt })
        .then([requestedBeforeShow]);
    });

    it('refuses to pay once the show has begun, even while the hold lasts', () => {
      given(reserved)
        .when({ ...pay(showStartsAt), showStartsAt })
        .thenFails('INVALID_STATE', showStarted({ status: 'reserved' }));
      given(reserved, requestedBeforeShow, paymentFailed)
        .when(pay(at(100_000), buyer, 'second'))
        .thenFails('INVALID_STATE', showStarted({ status: 'reserved' }));
    });

    it('refuses to confirm a payment that lands after the show began; its refund is then recorded', () => {
      given(reserved, requestedBeforeShow)
        .when({ type: 'Confirm', paymentId, confirmationCode: 'BR-LATE', now: showStartsAt })
        .thenFails('INVALID_STATE', showStarted({ status: 'reserved' }));
      given(reserved, requestedBeforeShow)
        .when({ type: 'Confirm', paymentId, confirmationCode: 'BR-7Q2K', now: at(60_000) })
        .then([confirmed]);
      const refund = {
        type: 'RecordRefund',
        paymentId,
        refundId: 'r1',
        amount: 300000,
        currency: 'THB',
        reason: 'CONFIRM_FAILED',
        now: at(120_000),
      } as const;
      given(reserved, requestedBeforeShow)
        .when(refund)
        .then([
          {
            type: 'BookingRefunded',
            data: {
              bookingId,
              paymentId,
              refundId: 'r1',
              amount: 300000,
              currency: 'THB',
              reason: 'CONFIRM_FAILED',
              refundedAt: at(120_000).toISOString(),
            },
          },
        ]);
    });
  });

  describe('the refund policy on cancelling a confirmed booking', () => {
    const now = at(120_000);
    const paid = [reserved, paymentRequested, confirmed] as const;

    it('refunds all of it more than 7 days before the show', () => {
      const show = new Date(now.getTime() + 7 * day + 1);
      given(...paid)
        .when(cancelConfirmed(now, show))
        .then([cancelledWith(now, { paymentId, percent: 100, amount: 300000, currency: 'THB' })]);
    });

    it('refunds half at 3 to 7 days', () => {
      for (const ahead of [7 * day, 3 * day])
        given(...paid)
          .when(cancelConfirmed(now, new Date(now.getTime() + ahead)))
          .then([cancelledWith(now, { paymentId, percent: 50, amount: 150000, currency: 'THB' })]);
    });

    it('refunds nothing under 3 days, and refuses once the show has begun', () => {
      given(...paid)
        .when(cancelConfirmed(now, new Date(now.getTime() + 3 * day - 1)))
        .then([cancelledWith(now, null)]);
      given(...paid)
        .when(cancelConfirmed(now, now))
        .thenFails('INVALID_STATE');
    });

    it('rounds a share down to the minor unit', () => {
      assert.equal(refundAmount(999, 50), 499);
      assert.equal(refundPercent(new Date(8 * day), new Date(0)), 100);
    });
  });

  describe('an event cancelled by its organizer', () => {
    const cancelForEvent = (now: Date) =>
      ({ type: 'CancelForEvent', by: 'organizer-1', reason: 'Venue closed', now }) as const;

    it('closes a hold without a refund and refunds a confirmed booking in full', () => {
      const now = at(120_000);
      const closed = (refund: unknown) =>
        ({
          type: 'BookingCancelled',
          data: {
            bookingId,
            reason: 'Venue closed',
            cancelledAt: now.toISOString(),
            by: 'organizer-1',
            refund,
          },
        }) as BookingEvent;
      given(reserved)
        .when(cancelForEvent(now))
        .then([closed(null)]);
      given(reserved, paymentRequested, confirmed)
        .when(cancelForEvent(now))
        .then([closed({ paymentId, percent: 100, amount: 300000, currency: 'THB' })]);
    });

    it('does nothing to a booking that already ended', () => {
      for (const ended of [cancelled, expired])
        given(reserved, ended)
          .when(cancelForEvent(at(120_000)))
          .thenNothing();
    });
  });

  describe('a refund recorded', () => {
    const record = (refundId: string) =>
      ({
        type: 'RecordRefund',
        paymentId,
        refundId,
        amount: 300000,
        currency: 'THB',
        reason: 'HOLD_ENDED',
        now: at(60_000, expiresAt),
      }) as const;
    const refundedEvent = (refundId: string): BookingEvent => ({
      type: 'BookingRefunded',
      data: {
        bookingId,
        paymentId,
        refundId,
        amount: 300000,
        currency: 'THB',
        reason: 'HOLD_ENDED',
        refundedAt: at(60_000, expiresAt).toISOString(),
      },
    });

    it('is recorded once per refund id and makes the booking refunded', () => {
      given(reserved, paymentRequested, expired)
        .when(record('r1'))
        .then([refundedEvent('r1')]);
      given(reserved, paymentRequested, expired, refundedEvent('r1')).when(record('r1')).thenNothing();
    });

    it('refuses a refund on a live hold, and records one on a hold that lapsed before the sweeper said so', () => {
      given(reserved, paymentRequested)
        .when({ ...record('r1'), now: at(60_000) })
        .thenFails('INVALID_STATE');
      given(reserved, paymentRequested)
        .when(record('r1'))
        .then([refundedEvent('r1')]);
    });
  });
});
