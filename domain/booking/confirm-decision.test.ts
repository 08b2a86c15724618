import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold } from '../shared';
import { decideConfirm, type ConfirmDecision } from './confirm-decision';
import { bookingDecider } from './decider';
import type { BookingEvent } from './events';
import {
  at,
  cancelled,
  confirmed,
  expired,
  expiresAt,
  paymentId,
  paymentRequested,
  refunded,
  reserved,
} from './testing';

const confirm = (now: Date, id = paymentId) =>
  ({ type: 'Confirm', paymentId: id, confirmationCode: 'BR-7Q2K', now }) as const;

function decided(now: Date, ...past: BookingEvent[]): ConfirmDecision {
  const booking = fold(bookingDecider, past);
  assert.ok(booking);
  return decideConfirm(confirm(now), booking);
}
const refusal = (decision: ConfirmDecision) =>
  decision.ok ? ['ok', decision.events.length] : [decision.reason, decision.seats];

describe('deciding a confirm before any seat moves', () => {
  it('confirms the payment in flight on a live hold, and answers the same payment again with nothing', () => {
    assert.deepEqual(decided(at(60_000), reserved, paymentRequested), { ok: true, events: [confirmed] });
    assert.deepEqual(refusal(decided(at(70_000), reserved, paymentRequested, confirmed)), ['ok', 0]);
  });

  it('tells a lapsed or expired hold from one that ended otherwise; both give back seats sold for it', () => {
    assert.deepEqual(refusal(decided(expiresAt, reserved, paymentRequested)), ['EXPIRED', 'return-sold']);
    assert.deepEqual(refusal(decided(at(1000), reserved, paymentRequested, expired)), [
      'EXPIRED',
      'return-sold',
    ]);
    for (const ended of [cancelled, refunded])
      assert.deepEqual(refusal(decided(at(1000), reserved, paymentRequested, ended)), [
        'NOT_RESERVED',
        'return-sold',
      ]);
  });

  it('leaves the seats alone for another payment than the one that confirmed or is in flight', () => {
    const booking = fold(bookingDecider, [reserved, paymentRequested, confirmed]);
    assert.ok(booking);
    assert.deepEqual(refusal(decideConfirm(confirm(at(70_000), 'other'), booking)), ['NOT_RESERVED', 'none']);
    assert.deepEqual(refusal(decided(at(60_000), reserved)), ['NOT_PAYMENT_IN_FLIGHT', 'none']);
  });

  it('gives the hold back when the show began before the payment landed', () => {
    const showStartsAt = at(90_000);
    const requested = {
      type: 'BookingPaymentRequested',
      data: { ...paymentRequested.data, showStartsAt: showStartsAt.toISOString() },
    } as BookingEvent;
    const decision = decided(showStartsAt, reserved, requested);
    assert.deepEqual(refusal(decision), ['SHOW_STARTED', 'give-back']);
    assert.equal(!decision.ok && decision.error.code, 'INVALID_STATE');
  });
});
