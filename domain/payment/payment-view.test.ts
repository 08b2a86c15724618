import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paymentView } from './index';
import { declined, paymentId, refunded, refundRequested, requested, succeeded } from './testing';

describe('the payment view', () => {
  it('is undefined before the payment is requested', () => {
    assert.equal(paymentView([]), undefined);
  });

  it('shows a pending payment without a charge', () => {
    assert.deepEqual(paymentView([requested]), {
      paymentId,
      bookingId: requested.data.bookingId,
      status: 'pending',
      amount: 300000,
      currency: 'THB',
      refunded: 0,
      chargeId: null,
      failureReason: null,
      failureMessage: null,
    });
  });

  it('shows the charge of a succeeded payment and the reason of a failed one', () => {
    assert.deepEqual(
      [paymentView([requested, succeeded])?.status, paymentView([requested, succeeded])?.chargeId],
      ['succeeded', 'ch_1'],
    );
    const failed = paymentView([requested, declined]);
    assert.deepEqual(
      [failed?.status, failed?.failureReason, failed?.failureMessage],
      ['failed', 'DECLINED', 'Your card was declined'],
    );
  });

  it('adds up partial refunds once recorded, and counts a repeated record once', () => {
    const view = paymentView([
      requested,
      succeeded,
      refundRequested('r1', 100000),
      refunded('r1', 100000),
      refunded('r1', 100000),
      refundRequested('r2', 50000),
    ]);
    assert.deepEqual([view?.status, view?.refunded], ['refunded', 100000]);
  });
});
