import type { BookingEvent } from '../../domain/booking';
import type { PaymentEvent } from '../../domain/payment';
import type { Scheduled } from './saga-commands';
import type { BookingSagaEvent } from './saga-events';
import type { BookingSagaState, SagaPayment } from './saga-state';

/** Every event the booking saga reacts to, one booking at a time. */
export type SagaInput = BookingEvent | PaymentEvent | BookingSagaEvent;

export type Reaction = {
  readonly state: BookingSagaState | undefined;
  readonly schedule: readonly Scheduled[];
  /** Keys of pending commands that no longer apply (a hold's timeout once the booking ended). */
  readonly cancel: readonly string[];
};

export type ReactOptions = {
  /** How long after a hold's expiry the saga's timeout fires, should the sweeper not have expired it. */
  readonly expiryGraceMs: number;
  /** Who cancelled the booking's event and why, if it was (a hold that lands afterwards closes at once). */
  readonly eventCancellation: { readonly by: string; readonly reason: string } | null;
};

const expireKey = 'expire';
/** One key per payment for giving all of it back, whichever path decides it: never two full refunds. */
const fullRefundKey = (paymentId: string) => `refund:${paymentId}:full`;

const none = (state: BookingSagaState | undefined): Reaction => ({ state, schedule: [], cancel: [] });

function withPayment(state: BookingSagaState, paymentId: string, payment: Partial<SagaPayment>) {
  const before = state.payments[paymentId] ?? { status: 'requested', amount: 0, currency: state.currency };
  return { ...state, payments: { ...state.payments, [paymentId]: { ...before, ...payment } } };
}

function fullRefund(
  state: BookingSagaState,
  paymentId: string,
  reason: 'HOLD_ENDED' | 'CONFIRM_FAILED',
): Scheduled {
  const payment = state.payments[paymentId];
  const amount = payment?.amount ?? state.totalPrice;
  const key = fullRefundKey(paymentId);
  return {
    key,
    command: {
      type: 'RequestRefund',
      bookingId: state.bookingId,
      paymentId,
      refundId: `${state.bookingId}:${key}`,
      amount,
      currency: payment?.currency ?? state.currency,
      reason,
    },
  };
}

/**
 * The booking saga as a pure function: one event in, the saga's next state and the commands it schedules
 * out. reserved → payment requested → charge → (succeeded) confirm | (failed) record it, the hold stays;
 * compensations: a payment that succeeds after the hold ended, or whose confirm is refused, is refunded
 * in full; a confirmed booking that is cancelled gets its seats back to sale and the refund it is due.
 */
export function react(
  state: BookingSagaState | undefined,
  event: SagaInput,
  options: ReactOptions,
): Reaction {
  if (event.type === 'BookingReserved') {
    if (state) return none(state);
    const { bookingId, eventId, zoneId, userId, totalPrice, currency, expiresAt } = event.data;
    const next: BookingSagaState = {
      bookingId,
      eventId,
      zoneId,
      userId,
      totalPrice,
      currency,
      expiresAt,
      status: 'reserved',
      payments: {},
      paidWith: null,
      refundReasons: {},
    };
    const dueAt = new Date(Date.parse(expiresAt) + options.expiryGraceMs).toISOString();
    const schedule: Scheduled[] = [{ key: expireKey, command: { type: 'ExpireHold', bookingId }, dueAt }];
    const cancelled = options.eventCancellation;
    if (cancelled)
      schedule.push({
        key: 'event-cancelled',
        command: { type: 'CancelForEvent', bookingId, by: cancelled.by, reason: cancelled.reason },
      });
    return { state: next, schedule, cancel: [] };
  }
  if (!state) return none(state);
  const { bookingId } = state;
  switch (event.type) {
    case 'BookingPaymentRequested': {
      const { paymentId, amount, currency, card } = event.data;
      const next = withPayment(state, paymentId, { status: 'requested', amount, currency });
      const command = {
        type: 'RequestCharge',
        bookingId,
        paymentId,
        userId: state.userId,
        amount,
        currency,
        card,
      } as const;
      return { state: next, schedule: [{ key: `charge:${paymentId}`, command }], cancel: [] };
    }
    case 'PaymentSucceeded': {
      const { paymentId, amount, currency } = event.data;
      const next = withPayment(state, paymentId, { status: 'succeeded', amount, currency });
      if (state.status === 'reserved')
        return {
          state: next,
          schedule: [{ key: `confirm:${paymentId}`, command: { type: 'Confirm', bookingId, paymentId } }],
          cancel: [],
        };
      if (state.paidWith === paymentId) return none(next);
      return { state: next, schedule: [fullRefund(next, paymentId, 'HOLD_ENDED')], cancel: [] };
    }
    case 'PaymentFailed': {
      const { paymentId, reason } = event.data;
      const next = withPayment(state, paymentId, { status: 'failed' });
      const command = { type: 'RecordPaymentFailure', bookingId, paymentId, reason } as const;
      return { state: next, schedule: [{ key: `failure:${paymentId}`, command }], cancel: [] };
    }
    case 'ConfirmationRefused':
      return { state, schedule: [fullRefund(state, event.data.paymentId, 'CONFIRM_FAILED')], cancel: [] };
    case 'BookingConfirmed':
      return {
        state: { ...state, status: 'confirmed', paidWith: event.data.paymentId ?? null },
        schedule: [],
        cancel: [expireKey],
      };
    case 'BookingCancelled': {
      const next = { ...state, status: 'cancelled' as const };
      const schedule: Scheduled[] = [];
      if (state.status === 'confirmed')
        schedule.push({ key: 'return-seats', command: { type: 'ReturnSeats', bookingId } });
      const refund = event.data.refund;
      if (refund && refund.amount > 0) {
        const key = `refund:${refund.paymentId}:cancelled`;
        const reason = event.data.by === state.userId ? 'BOOKING_CANCELLED' : 'EVENT_CANCELLED';
        schedule.push({
          key,
          command: {
            type: 'RequestRefund',
            bookingId,
            paymentId: refund.paymentId,
            refundId: `${bookingId}:${key}`,
            amount: refund.amount,
            currency: refund.currency,
            reason,
          },
        });
      }
      return { state: next, schedule, cancel: [expireKey] };
    }
    case 'BookingExpired':
      return { state: { ...state, status: 'expired' }, schedule: [], cancel: [expireKey] };
    case 'PaymentRefunded': {
      const { paymentId, refundId, amount, currency } = event.data;
      const reason = state.refundReasons[refundId] ?? 'refunded';
      const command = {
        type: 'RecordRefund',
        bookingId,
        paymentId,
        refundId,
        amount,
        currency,
        reason,
      } as const;
      return { state, schedule: [{ key: `record-refund:${refundId}`, command }], cancel: [] };
    }
    case 'BookingRefunded':
      return none(state.status === 'confirmed' ? state : { ...state, status: 'refunded' });
    case 'PaymentRefundRequested': {
      const { refundId, reason } = event.data;
      return none({ ...state, refundReasons: { ...state.refundReasons, [refundId]: reason } });
    }
    case 'BookingPaymentFailed':
    case 'PaymentRequested':
      return none(state);
  }
}
