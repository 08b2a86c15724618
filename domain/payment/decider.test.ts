import { describe, it } from 'node:test';
import type { RefundReason } from './index';
import {
  at,
  bookingId,
  card,
  declined,
  given,
  paymentId,
  refunded,
  refundRequested,
  requested,
  requestedAt,
  succeeded,
} from './testing';

const request = {
  type: 'Request',
  paymentId,
  bookingId,
  userId: 'customer-1',
  amount: 300000,
  currency: 'THB',
  card,
  now: requestedAt,
} as const;
const recordSuccess = (chargeId = 'ch_1') => ({ type: 'RecordSuccess', chargeId, now: at(1000) }) as const;
const recordDecline = {
  type: 'RecordFailure',
  reason: 'DECLINED',
  message: 'Your card was declined',
  attempts: 1,
  now: at(1000),
} as const;
const requestRefund = (refundId: string, amount: number, reason: RefundReason = 'BOOKING_CANCELLED') =>
  ({ type: 'RequestRefund', refundId, amount, reason, now: at(60_000) }) as const;
const recordRefund = (refundId: string) =>
  ({ type: 'RecordRefund', refundId, gatewayRefundId: `re_${refundId}`, now: at(70_000) }) as const;

describe('the payment decider', () => {
  describe('request', () => {
    it('opens a pending payment of the amount the saga supplies', () => {
      given().when(request).then([requested]);
    });

    it('does nothing when the same payment is requested again', () => {
      given(requested).when(request).thenNothing();
    });

    it('refuses the same payment id with another amount or card', () => {
      given(requested)
        .when({ ...request, amount: 1 })
        .thenFails('INVALID_STATE');
      given(requested)
        .when({ ...request, card: { ...card, token: 'tok_other' } })
        .thenFails('INVALID_STATE');
    });

    it('refuses an amount that is not a positive integer', () => {
      for (const amount of [0, -5, 10.5])
        given()
          .when({ ...request, amount })
          .thenFails('VALIDATION_ERROR');
    });
  });

  describe('outcome of the charge', () => {
    it('records the charge of a pending payment', () => {
      given(requested).when(recordSuccess()).then([succeeded]);
    });

    it('records a decline of a pending payment', () => {
      given(requested).when(recordDecline).then([declined]);
    });

    it('does nothing when the same outcome is recorded again', () => {
      given(requested, succeeded).when(recordSuccess()).thenNothing();
      given(requested, succeeded, refundRequested('r1', 100), refunded('r1', 100))
        .when(recordSuccess())
        .thenNothing();
      given(requested, declined).when(recordDecline).thenNothing();
    });

    it('refuses an outcome that contradicts the one recorded', () => {
      given(requested, succeeded).when(recordSuccess('ch_2')).thenFails('INVALID_STATE');
      given(requested, succeeded).when(recordDecline).thenFails('INVALID_STATE');
      given(requested, declined).when(recordSuccess()).thenFails('INVALID_STATE');
    });

    it('answers NOT_FOUND for a payment never requested', () => {
      given().when(recordSuccess()).thenFails('NOT_FOUND');
      given().when(recordDecline).thenFails('NOT_FOUND');
    });
  });

  describe('refunds', () => {
    it('requests a full refund of a succeeded payment', () => {
      given(requested, succeeded)
        .when(requestRefund('r1', 300000))
        .then([refundRequested('r1', 300000)]);
    });

    it('requests a partial refund, then another up to what is left, and no more', () => {
      given(requested, succeeded)
        .when(requestRefund('r1', 150000))
        .then([refundRequested('r1', 150000)]);
      given(requested, succeeded, refundRequested('r1', 150000), refunded('r1', 150000))
        .when(requestRefund('r2', 150000))
        .then([refundRequested('r2', 150000)]);
      given(requested, succeeded, refundRequested('r1', 150000))
        .when(requestRefund('r2', 150001))
        .thenFails('INVALID_STATE');
    });

    it('counts refunds requested but not yet recorded against what is left', () => {
      given(requested, succeeded, refundRequested('r1', 300000))
        .when(requestRefund('r2', 1))
        .thenFails('INVALID_STATE');
    });

    it('does nothing when the same refund id is requested again', () => {
      given(requested, succeeded, refundRequested('r1', 300000))
        .when(requestRefund('r1', 300000))
        .thenNothing();
      given(requested, succeeded, refundRequested('r1', 300000), refunded('r1', 300000))
        .when(requestRefund('r1', 300000))
        .thenNothing();
    });

    it('refuses to refund a payment that did not succeed, or more than was paid', () => {
      given(requested).when(requestRefund('r1', 100)).thenFails('INVALID_STATE');
      given(requested, declined).when(requestRefund('r1', 100)).thenFails('INVALID_STATE');
      given(requested, succeeded).when(requestRefund('r1', 300001)).thenFails('INVALID_STATE');
      given(requested, succeeded).when(requestRefund('r1', 0)).thenFails('VALIDATION_ERROR');
    });

    it('records a requested refund with its amount, once', () => {
      given(requested, succeeded, refundRequested('r1', 150000))
        .when(recordRefund('r1'))
        .then([refunded('r1', 150000)]);
      given(requested, succeeded, refundRequested('r1', 150000), refunded('r1', 150000))
        .when(recordRefund('r1'))
        .thenNothing();
    });

    it('refuses to record a refund nobody requested', () => {
      given(requested, succeeded).when(recordRefund('r9')).thenFails('INVALID_STATE');
    });
  });
});
