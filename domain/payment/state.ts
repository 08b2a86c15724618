import type { CardRef, PaymentEvent, PaymentFailureReason } from './events';

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';

/** A refund the payment owes: requested, then recorded once the gateway carried it out. */
export type PaymentRefund = {
  readonly amount: number;
  /** The gateway's id once recorded; null while requested only. */
  readonly gatewayRefundId: string | null;
};

export type Payment = {
  readonly paymentId: string;
  readonly bookingId: string;
  readonly userId: string;
  readonly amount: number;
  readonly currency: string;
  readonly card: CardRef;
  /** `refunded` once any refund went through, partial ones included. */
  readonly status: PaymentStatus;
  readonly chargeId: string | null;
  readonly failure: { readonly reason: PaymentFailureReason; readonly message: string } | null;
  /** Every refund by refund id, requested or recorded. */
  readonly refunds: Readonly<Record<string, PaymentRefund>>;
  /** Sum of the refunds requested (recorded or not): what is no longer available to refund. */
  readonly refundRequested: number;
  /** Sum of the refunds recorded. */
  readonly refunded: number;
};

/** `undefined` until the payment is requested. */
export type PaymentState = Payment | undefined;

export function evolve(state: PaymentState, event: PaymentEvent): PaymentState {
  switch (event.type) {
    case 'PaymentRequested': {
      const { paymentId, bookingId, userId, amount, currency, card } = event.data;
      return {
        paymentId,
        bookingId,
        userId,
        amount,
        currency,
        card,
        status: 'pending',
        chargeId: null,
        failure: null,
        refunds: {},
        refundRequested: 0,
        refunded: 0,
      };
    }
    case 'PaymentSucceeded':
      return state && { ...state, status: 'succeeded', chargeId: event.data.chargeId };
    case 'PaymentFailed': {
      const { reason, message } = event.data;
      return state && { ...state, status: 'failed', failure: { reason, message } };
    }
    case 'PaymentRefundRequested': {
      const { refundId, amount } = event.data;
      if (!state || state.refunds[refundId]) return state;
      const refunds = { ...state.refunds, [refundId]: { amount, gatewayRefundId: null } };
      return { ...state, refunds, refundRequested: state.refundRequested + amount };
    }
    case 'PaymentRefunded': {
      const { refundId, amount, gatewayRefundId } = event.data;
      if (!state || state.refunds[refundId]?.gatewayRefundId) return state;
      // A refund recorded without its request (not written by this decider) still counts once.
      const requested = state.refunds[refundId] ? 0 : amount;
      return {
        ...state,
        status: 'refunded',
        refunds: { ...state.refunds, [refundId]: { amount, gatewayRefundId } },
        refundRequested: state.refundRequested + requested,
        refunded: state.refunded + amount,
      };
    }
  }
}
