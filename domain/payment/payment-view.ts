import type { PaymentEvent, PaymentFailureReason } from './events';
import { evolve, type PaymentState, type PaymentStatus } from './state';

/** A payment as readers show it; money in minor units of `currency`. */
export type PaymentView = {
  readonly paymentId: string;
  readonly bookingId: string;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly currency: string;
  /** Money given back so far (partial refunds add up). */
  readonly refunded: number;
  readonly chargeId: string | null;
  readonly failureReason: PaymentFailureReason | null;
  readonly failureMessage: string | null;
};

/** Folds a payment's events into its view; undefined before `PaymentRequested`. */
export function paymentView(events: readonly PaymentEvent[]): PaymentView | undefined {
  const payment = events.reduce<PaymentState>(evolve, undefined);
  if (!payment) return undefined;
  const { paymentId, bookingId, status, amount, currency, refunded, chargeId, failure } = payment;
  return {
    paymentId,
    bookingId,
    status,
    amount,
    currency,
    refunded,
    chargeId,
    failureReason: failure?.reason ?? null,
    failureMessage: failure?.message ?? null,
  };
}
